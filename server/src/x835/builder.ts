import type { Finding } from '../x12/finding';
import { centsAt } from '../x12/scan';
import type { SegmentTable } from '../x12/tokenizer';
import { LOOP_SEGMENTS } from './loops';
import { ModelStore } from './records';
import { parseDateAt } from './values';
import { SEG_ID_COUNT, SegId, segIdOf, segIdOfName } from './segmentIds';
import { LOOP_LABELS, Loop, type Group, type Interchange, type Model, type ProviderAdjustment, type Transaction } from './types';

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/**
 * Builds the 835 loop tree and typed model from the segment table in one pass. Never throws and never
 * drops a segment: anything in the wrong place stays in the loop where it was found and is reported.
 */
export function buildModel(t: SegmentTable): Model {
  const b = new ModelBuilder(t);
  b.step();
  return b.finish();
}

/**
 * The same, resumable: `step(n)` places the next n segments, so a big document is modelled in slices
 * between other work. Per segment it reads only offsets and the few values the model keeps: ids and
 * short codes are shared strings, amounts and dates are read from the text without a substring.
 */
export class ModelBuilder {
  private readonly b: Builder;
  private next = 0;

  constructor(private readonly t: SegmentTable) {
    this.b = new Builder(t);
  }

  /** Segments placed so far. */
  get placed(): number {
    return this.next;
  }

  /** Places up to `count` more segments; true when every segment is placed. */
  step(count = Infinity): boolean {
    const b = this.b;
    const stop = Math.min(this.t.count, this.next + count);
    let i = this.next;
    for (; i < stop; i++) b.segment(i);
    this.next = i;
    return i >= this.t.count;
  }

  finish(): Model {
    this.b.finish();
    return this.b.model;
  }
}

/** How many rows each of the model's column sets has: where an edit's re-read claims start, or end. */
export interface RowCounts {
  claims: number;
  lines: number;
  cas: number;
  claimRemarks: number;
  lineRemarks: number;
}

/** The model's row counts now. */
export function rowCounts(model: Model): RowCounts {
  const s = model.store;
  return {
    claims: s.claims.length,
    lines: s.lines.length,
    cas: s.cas.length,
    claimRemarks: s.claimRemarks.length,
    lineRemarks: s.lineRemarks.length,
  };
}

/**
 * Places segments from..to-1 of `t` again: whole claims of transaction `txIndex`, which an edit changed
 * (incremental/reanalyse.ts). `t` is the edited text's table and `model` the model of the text before
 * the edit, whose rows from `at` to `until` are written over (the caller checks that as many rows were made as
 * were there, and otherwise analyses the whole text). Segment `to` must be one that closes a claim.
 * Returns the structure findings of those segments, and the row counts after them.
 */
export function rebuildClaims(
  model: Model,
  t: SegmentTable,
  from: number,
  to: number,
  txIndex: number,
  at: RowCounts,
  until: RowCounts,
): { findings: Finding[]; rows: RowCounts } {
  const store = model.store;
  const kept = rowCounts(model);
  // Some columns are written only when the text has a value for them: the rows start as new ones do.
  store.claims.clearRows(at.claims, until.claims);
  store.lines.clearRows(at.lines, until.lines);
  store.cas.clearRows(at.cas, until.cas);
  store.claimRemarks.clearRows(at.claimRemarks, until.claimRemarks);
  store.lineRemarks.clearRows(at.lineRemarks, until.lineRemarks);
  store.claims.length = at.claims;
  store.lines.length = at.lines;
  store.cas.length = at.cas;
  store.claimRemarks.length = at.claimRemarks;
  store.lineRemarks.length = at.lineRemarks;
  const b = new Builder(t, model);
  const tx = model.transactions[txIndex];
  const lastSeg = tx.lastSeg;
  b.resumeAtClaim(txIndex, from);
  for (let i = from; i < to; i++) b.segment(i);
  b.closeOpenClaim(to);
  tx.lastSeg = lastSeg;
  const rows = rowCounts(model);
  store.claims.length = kept.claims;
  store.lines.length = kept.lines;
  store.cas.length = kept.cas;
  store.claimRemarks.length = kept.claimRemarks;
  store.lineRemarks.length = kept.lineRemarks;
  return { findings: b.model.findings, rows };
}

class Builder {
  readonly model: Model;
  private readonly store: ModelStore;
  private loop = Loop.None;
  private rank = -1;
  private interchange?: Interchange;
  private group?: Group;
  private tx?: Transaction;
  /** Index of the open transaction in `model.transactions`. */
  private txIndex = -1;
  /** The claim rows of the open transaction. */
  private txClaims = { from: 0, to: 0 };
  /** Rows of the open claim and service line, -1 when none. */
  private claim = -1;
  private line = -1;
  private sawHeaderNumber = false;

  /** `existing`: a model whose store the builder adds to (its findings go to a list of their own). */
  constructor(
    private readonly t: SegmentTable,
    existing?: Model,
  ) {
    if (existing) {
      this.store = existing.store;
      // The same fields (a copy of their descriptors: a spread would read `claims`, making every handle).
      const model = Object.defineProperties({}, Object.getOwnPropertyDescriptors(existing)) as { -readonly [K in keyof Model]: Model[K] };
      model.tokens = t;
      model.findings = [];
      this.model = model;
      return;
    }
    const transactions: Transaction[] = [];
    const store = (this.store = new ModelStore(t, transactions));
    this.model = {
      tokens: t,
      interchanges: [],
      transactions,
      get claims() {
        return store.claimHandles;
      },
      store,
      cas: store.cas,
      providerAdjustments: [],
      segLoop: new Uint8Array(t.count),
      segIds: new Uint8Array(t.count),
      findings: [],
    };
  }

  /**
   * The state the builder is in just before the CLP at segment `seg` of transaction `txIndex`, as far
   * as that claim and those after it can tell: inside the transaction, past its header, and whether an
   * LX came before (a CLP without one is reported).
   */
  resumeAtClaim(txIndex: number, seg: number): void {
    const tx = this.model.transactions[txIndex];
    this.tx = tx;
    this.txIndex = txIndex;
    this.group = tx.group;
    this.interchange = tx.group?.interchange;
    this.loop = Loop.Claim;
    this.claim = -1;
    this.line = -1;
    let lx = seg - 1;
    while (lx > tx.seg && this.model.segIds[lx] !== SegId.LX) lx--;
    this.sawHeaderNumber = lx > tx.seg;
  }

  /** Ends the open claim and line before segment `seg` (as a CLP, LX, PLB or envelope segment there does). */
  closeOpenClaim(seg: number): void {
    this.closeClaim(seg);
  }

  private el(seg: number, k: number): string {
    return this.t.element(seg, k);
  }

  /**
   * Element k's characters packed into one number (its length, then 7 bits a character) when it is 1 to 4
   * ASCII characters, the short codes that repeat endlessly (qualifiers, groups, reasons, statuses); 0 when
   * it is empty or absent; -1 for anything else (read it as a string).
   */
  private packed(seg: number, k: number): number {
    const t = this.t;
    if (k >= t.elementCount(seg)) return 0;
    const start = t.elementStartOffset(seg, k);
    const end = t.elementEndOffset(seg, k);
    const length = end - start;
    if (length === 0) return 0;
    if (length > 4) return -1;
    const text = t.text;
    let key = length;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) return -1;
      key = (key << 7) | c;
    }
    return key;
  }

  /** Short codes by their packed characters: one shared string each. */
  private readonly codes = new Map<number, string>();

  /** Element k as a shared string when it is a short ASCII code, else a fresh one. */
  private code(seg: number, k: number): string {
    const key = this.packed(seg, k);
    if (key === 0) return '';
    if (key < 0) return this.t.element(seg, k);
    let value = this.codes.get(key);
    if (value === undefined) {
      value = this.t.element(seg, k);
      this.codes.set(key, value);
    }
    return value;
  }

  /** Code ids (`ModelStore.codes`) by packed characters. */
  private readonly codeIds = new Map<number, number>();

  /** Element k as an id of `ModelStore.codes`: one map lookup for the usual short ASCII codes. */
  private codeId(seg: number, k: number): number {
    const key = this.packed(seg, k);
    if (key === 0) return 0;
    if (key < 0) return this.store.codes.idOf(this.t.element(seg, k));
    let id = this.codeIds.get(key);
    if (id === undefined) {
      id = this.store.codes.idOf(this.t.element(seg, k));
      this.codeIds.set(key, id);
    }
    return id;
  }

  /** Cents of an amount element; 0 when absent or empty, NaN when present but unreadable (rules report it). */
  private money(seg: number, k: number): number {
    const t = this.t;
    if (k >= t.elementCount(seg)) return 0;
    const start = t.elementStartOffset(seg, k);
    const end = t.elementEndOffset(seg, k);
    return start === end ? 0 : (centsAt(t.text, start, end) ?? NaN);
  }

  /** A CCYYMMDD element as 20240131, or undefined. */
  private dateOf(seg: number, k: number): number | undefined {
    const t = this.t;
    if (k >= t.elementCount(seg)) return undefined;
    return parseDateAt(t.text, t.elementStartOffset(seg, k), t.elementEndOffset(seg, k));
  }

  private report(code: string, seg: number, message: string): void {
    const f: Finding = { code, start: this.t.segStart[seg], end: this.t.elementEndOffset(seg, 0), message };
    this.model.findings.push(f);
  }

  segment(i: number): void {
    const s = segIdOf(this.t, i);
    this.model.segIds[i] = s;
    switch (s) {
      case SegId.ISA:
        return this.enter(i, this.openInterchange(i));
      case SegId.GS:
        return this.enter(i, this.openGroup(i));
      case SegId.ST:
        return this.enter(i, this.openTransaction(i));
      case SegId.SE:
        return this.enter(i, this.closeTransaction(i));
      case SegId.GE:
        return this.enter(i, this.closeGroup(i));
      case SegId.IEA:
        return this.enter(i, this.closeInterchange(i));
      case SegId.TA1: // an interchange acknowledgment may follow the ISA
        if (this.loop === Loop.Interchange) return this.enter(i, Loop.Interchange);
    }
    if (this.loop === Loop.Foreign) return this.enter(i, Loop.Foreign);
    if (s === SegId.Other) {
      const id = this.t.id(i);
      if (!SEGMENT_ID.test(id))
        this.report(
          'segment-unknown',
          i,
          `"${printable(id)}" is not a segment id; a delimiter may be wrong or a segment may be cut in two.`,
        );
      else this.report('segment-unknown', i, `${id} is not a segment of the 835 (005010X221A1); it is kept but not interpreted.`);
      return this.enter(i, this.loop);
    }
    if (!this.tx || this.loop < Loop.Header || this.loop > Loop.Summary) {
      this.report('segment-out-of-place', i, `${this.t.id(i)} is outside a transaction set: 835 data belongs between ST and SE.`);
      return this.enter(i, this.loop);
    }
    const next = this.transition(i, s);
    if (next !== undefined) {
      this.loop = next;
      this.rank = RANKS[next * SEG_ID_COUNT + s];
      this.model.segLoop[i] = next;
      this.interpret(i, s);
      return;
    }
    // Same loop: check it is allowed here and in order.
    const r = RANKS[this.loop * SEG_ID_COUNT + s];
    if (r < 0) {
      this.report(
        'segment-out-of-place',
        i,
        `${this.t.id(i)} is not allowed in ${describeLoop(this.loop)}; it may belong to another loop or be misplaced.`,
      );
    } else if (r < this.rank) {
      const order = LOOP_SEGMENTS[this.loop]!.join(', ');
      this.report(
        'segment-out-of-place',
        i,
        `${this.t.id(i)} comes after a later segment of loop ${LOOP_LABELS[this.loop].id}; the guide's order there is ${order}.`,
      );
    } else {
      this.rank = r;
    }
    this.model.segLoop[i] = this.loop;
    this.interpret(i, s);
  }

  /** The loop a segment opens, or undefined when it continues the current one. */
  private transition(i: number, s: SegId): Loop | undefined {
    const loop = this.loop;
    switch (s) {
      case SegId.N1: {
        if (loop !== Loop.Header && loop !== Loop.Payer && loop !== Loop.Payee) return undefined;
        const who = this.code(i, 1);
        if (who === 'PR') return Loop.Payer;
        if (who === 'PE') return Loop.Payee;
        return this.tx?.payer ? Loop.Payee : Loop.Payer;
      }
      case SegId.LX:
        if (loop >= Loop.Payee && loop <= Loop.ServiceLine) {
          this.sawHeaderNumber = true;
          this.closeClaim(i);
          return Loop.HeaderNumber;
        }
        return undefined;
      case SegId.CLP:
        if (loop >= Loop.Payee && loop <= Loop.ServiceLine) {
          if (!this.sawHeaderNumber)
            this.report(
              'segment-out-of-place',
              i,
              'CLP without a preceding LX: in the 835 every claim sits in a header-number loop (2000) that starts with LX.',
            );
          this.closeClaim(i);
          return Loop.Claim;
        }
        return undefined;
      case SegId.SVC:
        if (loop === Loop.Claim || loop === Loop.ServiceLine) return Loop.ServiceLine;
        return undefined;
      case SegId.PLB:
        if (loop >= Loop.Payee && loop <= Loop.Summary) {
          this.closeClaim(i);
          return Loop.Summary;
        }
        return undefined;
    }
    return undefined;
  }

  private enter(i: number, loop: Loop): void {
    this.model.segLoop[i] = loop;
  }

  private openInterchange(i: number): Loop {
    if (this.interchange && this.interchange.ieaSeg === undefined) this.closeAll(i);
    const ic: Interchange = {
      seg: i,
      controlNumber: this.el(i, 13),
      sender: this.el(i, 6).trim(),
      receiver: this.el(i, 8).trim(),
      groups: [],
    };
    this.model.interchanges.push(ic);
    this.interchange = ic;
    this.group = undefined;
    this.loop = Loop.Interchange;
    return Loop.Interchange;
  }

  private openGroup(i: number): Loop {
    if (this.group && this.group.geSeg === undefined) this.closeTransactionImplicitly(i);
    if (!this.interchange) this.report('segment-out-of-place', i, 'GS before any ISA: a functional group must sit inside an interchange.');
    const g: Group = { seg: i, interchange: this.interchange!, controlNumber: this.el(i, 6), version: this.el(i, 8), transactions: [] };
    this.interchange?.groups.push(g);
    this.group = g;
    this.loop = Loop.Group;
    return Loop.Group;
  }

  private openTransaction(i: number): Loop {
    if (this.tx && this.tx.seSeg === undefined) this.closeTransactionImplicitly(i);
    if (!this.group && this.model.interchanges.length)
      this.report('segment-out-of-place', i, 'ST before any GS: a transaction set must sit inside a functional group.');
    const setId = this.el(i, 1);
    const store = this.store;
    // The transaction's claims are consecutive claim rows: its handles are read from the store on access.
    const claims = (this.txClaims = { from: store.claims.length, to: store.claims.length });
    const tx: Transaction = {
      seg: i,
      lastSeg: i,
      group: this.group,
      setId,
      controlNumber: this.el(i, 2),
      implementation: this.el(i, 3),
      get claims() {
        return store.claimHandles.slice(claims.from, claims.to);
      },
      providerAdjustments: [],
    };
    this.group?.transactions.push(tx);
    this.model.transactions.push(tx);
    this.tx = tx;
    this.txIndex = this.model.transactions.length - 1;
    this.claim = -1;
    this.line = -1;
    this.sawHeaderNumber = false;
    if (setId !== '835') {
      const what = FOREIGN_SETS[setId];
      this.model.findings.push({
        code: 'not-835',
        start: this.t.segStart[i],
        end: this.t.segEnd[i],
        message: `This transaction set is an X12 ${setId || '(no ST01)'}${what ? ` (${what})` : ''}, not an 835 remittance: only syntax features (colouring, segment hover, envelope checks) apply to it.`,
      });
      this.loop = Loop.Foreign;
      return Loop.Header;
    }
    this.loop = Loop.Header;
    this.rank = 0;
    return Loop.Header;
  }

  private closeTransaction(i: number): Loop {
    if (this.tx && this.tx.seSeg === undefined) {
      this.closeClaim(i);
      this.tx.seSeg = i;
      this.tx.lastSeg = i;
    } else {
      this.report('segment-out-of-place', i, 'SE without a matching ST.');
    }
    this.tx = undefined;
    this.loop = Loop.TransactionEnd;
    return Loop.TransactionEnd;
  }

  private closeGroup(i: number): Loop {
    if (this.tx && this.tx.seSeg === undefined) this.closeTransactionImplicitly(i);
    if (this.group && this.group.geSeg === undefined) this.group.geSeg = i;
    else this.report('segment-out-of-place', i, 'GE without a matching GS.');
    this.group = undefined;
    this.loop = Loop.GroupEnd;
    return Loop.GroupEnd;
  }

  private closeInterchange(i: number): Loop {
    if (this.group && this.group.geSeg === undefined) this.closeTransactionImplicitly(i);
    if (this.interchange && this.interchange.ieaSeg === undefined) this.interchange.ieaSeg = i;
    else this.report('segment-out-of-place', i, 'IEA without a matching ISA.');
    this.interchange = undefined;
    this.group = undefined;
    this.loop = Loop.InterchangeEnd;
    return Loop.InterchangeEnd;
  }

  /** A new envelope started while a transaction was still open: close it where it ends (no SE). */
  private closeTransactionImplicitly(i: number): void {
    if (this.tx && this.tx.seSeg === undefined) {
      this.closeClaim(i);
      this.tx.lastSeg = Math.max(this.tx.seg, i - 1);
    }
    this.tx = undefined;
  }

  private closeAll(i: number): void {
    this.closeTransactionImplicitly(i);
    this.group = undefined;
  }

  private closeClaim(i: number): void {
    if (this.line >= 0) this.store.lines.lastSeg[this.line] = i - 1;
    if (this.claim >= 0) this.store.claims.lastSeg[this.claim] = i - 1;
    this.line = -1;
    this.claim = -1;
  }

  finish(): void {
    const last = this.t.count - 1;
    // A file that ends without SE: the open claim and line run to the last segment.
    if (this.line >= 0) this.store.lines.lastSeg[this.line] = last;
    if (this.claim >= 0) this.store.claims.lastSeg[this.claim] = last;
    if (this.tx && this.tx.seSeg === undefined) this.tx.lastSeg = last;
    this.store.trim();
  }

  /** Reads the typed model out of a segment already placed in its loop. */
  private interpret(i: number, s: SegId): void {
    const tx = this.tx!;
    tx.lastSeg = i;
    // Direct calls, no closure: this runs for every segment of the file.
    const e = this;
    switch (s) {
      case SegId.BPR:
        tx.payment ??= {
          seg: i,
          handling: e.el(i, 1),
          amount: e.money(i, 2),
          creditDebit: e.el(i, 3),
          method: e.el(i, 4),
          format: e.el(i, 5),
          date: e.dateOf(i, 16),
        };
        return;
      case SegId.TRN:
        if (this.loop === Loop.Header) tx.trace ??= { seg: i, number: e.el(i, 2), originatorId: e.el(i, 3) };
        return;
      case SegId.DTM:
        return this.date(i);
      case SegId.N1: {
        const party = { seg: i, entity: e.code(i, 1), name: e.el(i, 2), idQualifier: e.code(i, 3), id: e.el(i, 4) };
        if (this.loop === Loop.Payer) tx.payer ??= party;
        else if (this.loop === Loop.Payee) tx.payee ??= party;
        return;
      }
      case SegId.CLP: {
        const store = this.store;
        const row = store.claims.add(
          i,
          this.txIndex,
          e.codeId(i, 2),
          e.codeId(i, 6),
          e.money(i, 3),
          e.money(i, 4),
          e.money(i, 5),
          store.cas.length,
          store.lines.length,
          store.claimRemarks.length,
        );
        this.txClaims.to = row + 1;
        this.claim = row;
        this.line = -1;
        return;
      }
      case SegId.SVC: {
        const claim = this.claim;
        if (claim < 0) return;
        const store = this.store;
        if (this.line >= 0) store.lines.lastSeg[this.line] = i - 1;
        const row = store.lines.add(i, claim, e.money(i, 2), e.money(i, 3), store.cas.length, store.lineRemarks.length);
        store.claims.lineTo[claim] = row + 1;
        this.line = row;
        return;
      }
      case SegId.CAS:
        return this.adjustments(i);
      case SegId.NM1:
        return this.person(i);
      case SegId.REF:
        if (this.loop === Loop.ServiceLine && this.line >= 0 && this.is2(i, 1, 54 /* 6 */, 82 /* R */))
          this.store.lines.controlNumberSeg[this.line] = i;
        return;
      case SegId.AMT:
        if (this.loop === Loop.ServiceLine && this.line >= 0 && this.is2(i, 1, 66 /* B */, 54 /* 6 */)) {
          this.store.lines.allowed[this.line] = e.money(i, 2);
          this.store.lines.hasAllowed[this.line] = 1;
        }
        return;
      case SegId.LQ:
        if (this.line >= 0) {
          this.store.lineRemarks.push(i, 2, e.codeId(i, 1), e.codeId(i, 2));
          this.store.lines.remarkTo[this.line] = this.store.lineRemarks.length;
        }
        return;
      case SegId.MOA:
      case SegId.MIA: {
        const claim = this.claim;
        if (claim < 0) return;
        // Remark code positions: MOA03-07, MIA05 and MIA20-24.
        const moa = s === SegId.MOA;
        const positions = moa ? MOA_REMARKS : MIA_REMARKS;
        // Only the open claim adds to this table, so its rows stay consecutive (even for an MOA placed,
        // out of order, after the claim's lines).
        const remarks = this.store.claimRemarks;
        const claims = this.store.claims;
        const qualifier = this.store.codes.idOf(moa ? 'MOA' : 'MIA');
        for (const k of positions) {
          const code = e.codeId(i, k);
          if (code !== 0) remarks.push(i, k, qualifier, code);
        }
        claims.remarkTo[claim] = remarks.length;
        return;
      }
      case SegId.PLB:
        return this.providerAdjustments(i, tx);
    }
  }

  /** True when element k of segment i is exactly the two characters a, b (no substring made). */
  private is2(i: number, k: number, a: number, b: number): boolean {
    const t = this.t;
    if (k >= t.elementCount(i)) return false;
    const start = t.elementStartOffset(i, k);
    return t.elementEndOffset(i, k) - start === 2 && t.text.charCodeAt(start) === a && t.text.charCodeAt(start + 1) === b;
  }

  /** Element k as the number its three digits spell ('405' -> 405, '050' -> 50), or -1 for anything else. */
  private qualifier3(i: number, k: number): number {
    const t = this.t;
    if (k >= t.elementCount(i)) return -1;
    const start = t.elementStartOffset(i, k);
    if (t.elementEndOffset(i, k) - start !== 3) return -1;
    const text = t.text;
    let value = 0;
    for (let p = start; p < start + 3; p++) {
      const d = text.charCodeAt(p) - 48;
      if (d < 0 || d > 9) return -1;
      value = value * 10 + d;
    }
    return value;
  }

  private date(i: number): void {
    const d = this.dateOf(i, 2);
    if (d === undefined) return;
    const qualifier = this.qualifier3(i, 1);
    const tx = this.tx!;
    if (this.loop === Loop.Header && qualifier === 405) tx.productionDate ??= d;
    else if (this.loop === Loop.Claim && this.claim >= 0) {
      const claims = this.store.claims;
      if (qualifier === 232) claims.statementFrom[this.claim] = d;
      else if (qualifier === 233) claims.statementTo[this.claim] = d;
      else if (qualifier === 50) claims.received[this.claim] = d;
    } else if (this.loop === Loop.ServiceLine && this.line >= 0) {
      // The line's date: DTM*472 wins, else the first DTM*150 (period start).
      const lines = this.store.lines;
      if (qualifier === 472 || (qualifier === 150 && lines.serviceDate[this.line] === 0)) lines.serviceDate[this.line] = d;
      if (qualifier === 151) lines.serviceDateEnd[this.line] = d;
    }
  }

  private person(i: number): void {
    const claim = this.claim;
    if (claim < 0 || this.loop !== Loop.Claim) return;
    const claims = this.store.claims;
    const entity = this.code(i, 1);
    if (entity === 'QC') {
      if (claims.patientSeg[claim] < 0) claims.patientSeg[claim] = i;
    } else if (entity === 'IL') {
      if (claims.insuredSeg[claim] < 0) claims.insuredSeg[claim] = i;
    } else if (entity === '74') {
      if (claims.correctedPatientSeg[claim] < 0) claims.correctedPatientSeg[claim] = i;
    }
  }

  /** Appends the segment's triplets to the CAS columns and extends its claim's or line's rows. */
  private adjustments(i: number): void {
    const claim = this.claim;
    if (claim < 0) return;
    const line = this.loop === Loop.ServiceLine ? this.line : -1;
    const t = this.t;
    const cas = this.store.cas;
    const group = this.codeId(i, 1);
    const count = t.elementCount(i);
    const lineInClaim = line < 0 ? -1 : line - this.store.claims.lineFrom[claim];
    // Only the triplets the segment has: elements past its end are empty.
    for (let triplet = 0; triplet < 6 && 2 + triplet * 3 < count; triplet++) {
      const k = 2 + triplet * 3;
      const reasonEmpty = t.elementStartOffset(i, k) === t.elementEndOffset(i, k);
      const amountEmpty = k + 1 >= count || t.elementStartOffset(i, k + 1) === t.elementEndOffset(i, k + 1);
      if (reasonEmpty && amountEmpty) continue;
      cas.push(i, triplet, group, this.codeId(i, k), this.money(i, k + 1), claim, lineInClaim);
    }
    if (line >= 0) this.store.lines.casTo[line] = cas.length;
    else this.store.claims.casTo[claim] = cas.length;
  }

  private providerAdjustments(i: number, tx: Transaction): void {
    const providerId = this.el(i, 1);
    const fiscalDate = this.dateOf(i, 2);
    for (let pair = 0; pair < 6; pair++) {
      const k = 3 + pair * 2;
      const composite = this.t.components(i, k);
      const amountText = this.el(i, k + 1);
      if (composite.join('') === '' && amountText === '') continue;
      const pa: ProviderAdjustment = {
        seg: i,
        pair,
        providerId,
        fiscalDate,
        reason: composite[0] ?? '',
        reference: composite[1] ?? '',
        amount: this.money(i, k + 1),
        elem: k,
        transaction: tx,
      };
      tx.providerAdjustments.push(pa);
      this.model.providerAdjustments.push(pa);
    }
  }
}

/** Remark code positions: MOA03-07, MIA05 and MIA20-24. */
const MOA_REMARKS = [3, 4, 5, 6, 7];
const MIA_REMARKS = [5, 20, 21, 22, 23, 24];

function describeLoop(loop: Loop): string {
  const l = LOOP_LABELS[loop];
  return /^\d/.test(l.id) ? `loop ${l.id} (${l.name.toLowerCase()})` : `the ${l.name.toLowerCase()}`;
}

/** RANKS[loop * SEG_ID_COUNT + id]: the position of a segment in its loop's order, -1 when not allowed there. */
const RANKS = (() => {
  const ranks = new Int8Array((Loop.Foreign + 1) * SEG_ID_COUNT).fill(-1);
  for (const [loop, ids] of Object.entries(LOOP_SEGMENTS)) {
    ids!.forEach((id, rank) => {
      ranks[Number(loop) * SEG_ID_COUNT + segIdOfName(id)] = rank;
    });
  }
  return ranks;
})();

const printable = (s: string) =>
  Array.from(s.slice(0, 12))
    .map((c) => (c >= ' ' && c <= '~' ? c : '·'))
    .join('');

/** Common X12 transaction sets, to name what a non-835 file is. */
const FOREIGN_SETS: Record<string, string> = {
  '837': 'claim',
  '270': 'eligibility inquiry',
  '271': 'eligibility response',
  '276': 'claim status inquiry',
  '277': 'claim status response',
  '278': 'prior authorization',
  '820': 'premium payment',
  '834': 'enrollment',
  '999': 'implementation acknowledgment',
  '997': 'functional acknowledgment',
  TA1: 'interchange acknowledgment',
};
