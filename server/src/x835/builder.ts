import type { Finding } from '../x12/finding';
import { centsAt, dateAt } from '../x12/scan';
import type { SegmentTable } from '../x12/tokenizer';
import { KNOWN_SEGMENTS, LOOP_SEGMENTS, rankIn } from './loops';
import {
  LOOP_LABELS, Loop,
  type Adjustment, type Claim, type Group, type Interchange, type Model, type Person, type Procedure,
  type ProviderAdjustment, type ServiceLine, type Transaction,
} from './types';
import { parseDecimal } from './values';

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

class Builder {
  readonly model: Model;
  private loop = Loop.None;
  private rank = -1;
  private interchange?: Interchange;
  private group?: Group;
  private tx?: Transaction;
  private claim?: Claim;
  private line?: ServiceLine;
  private sawHeaderNumber = false;

  constructor(private readonly t: SegmentTable) {
    this.model = {
      tokens: t, interchanges: [], transactions: [], claims: [], adjustments: [], providerAdjustments: [],
      segLoop: new Uint8Array(t.count), findings: [],
    };
  }

  private el(seg: number, k: number): string {
    return this.t.element(seg, k);
  }

  /** Short codes (qualifiers, groups, reasons, statuses) repeat endlessly: one shared string each. */
  private readonly codes = new Map<number, string>();

  /** Element k as a shared string when it is a short ASCII code (up to 4 characters), else a fresh one. */
  private code(seg: number, k: number): string {
    const t = this.t;
    if (k >= t.elementCount(seg)) return '';
    const start = t.elementStartOffset(seg, k);
    const end = t.elementEndOffset(seg, k);
    const length = end - start;
    if (length === 0) return '';
    if (length > 4) return t.text.slice(start, end);
    const text = t.text;
    let key = length;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) return text.slice(start, end);
      key = (key << 7) | c;
    }
    let value = this.codes.get(key);
    if (value === undefined) {
      value = text.slice(start, end);
      this.codes.set(key, value);
    }
    return value;
  }

  /** Cents of an amount element; 0 when absent or empty, NaN when present but unreadable (rules report it). */
  private money(seg: number, k: number): number {
    const t = this.t;
    if (k >= t.elementCount(seg)) return 0;
    const start = t.elementStartOffset(seg, k);
    const end = t.elementEndOffset(seg, k);
    return start === end ? 0 : centsAt(t.text, start, end) ?? NaN;
  }

  /** A CCYYMMDD element as 20240131, or undefined. */
  private dateOf(seg: number, k: number): number | undefined {
    const t = this.t;
    if (k >= t.elementCount(seg)) return undefined;
    return dateAt(t.text, t.elementStartOffset(seg, k), t.elementEndOffset(seg, k));
  }

  private report(code: string, seg: number, message: string): void {
    const f: Finding = { code, start: this.t.segStart[seg], end: this.t.elementEndOffset(seg, 0), message };
    this.model.findings.push(f);
  }

  segment(i: number): void {
    const id = this.t.id(i);
    switch (id) {
      case 'ISA': return this.enter(i, this.openInterchange(i));
      case 'GS': return this.enter(i, this.openGroup(i));
      case 'ST': return this.enter(i, this.openTransaction(i));
      case 'SE': return this.enter(i, this.closeTransaction(i));
      case 'GE': return this.enter(i, this.closeGroup(i));
      case 'IEA': return this.enter(i, this.closeInterchange(i));
      case 'TA1': // an interchange acknowledgment may follow the ISA
        if (this.loop === Loop.Interchange) return this.enter(i, Loop.Interchange);
    }
    if (this.loop === Loop.Foreign) return this.enter(i, Loop.Foreign);
    // Every known id has the shape of a segment id: the regex only runs on the rare unknown ones.
    if (!KNOWN_SEGMENTS.has(id) && !SEGMENT_ID.test(id)) {
      this.report('segment-unknown', i, `"${printable(id)}" is not a segment id; a delimiter may be wrong or a segment may be cut in two.`);
      return this.enter(i, this.loop);
    }
    if (!KNOWN_SEGMENTS.has(id)) {
      this.report('segment-unknown', i, `${id} is not a segment of the 835 (005010X221A1); it is kept but not interpreted.`);
      return this.enter(i, this.loop);
    }
    if (!this.tx || this.loop < Loop.Header || this.loop > Loop.Summary) {
      this.report('segment-out-of-place', i, `${id} is outside a transaction set: 835 data belongs between ST and SE.`);
      return this.enter(i, this.loop);
    }
    const next = this.transition(i, id);
    if (next !== undefined) {
      this.loop = next;
      this.rank = rankIn(next, id);
      this.model.segLoop[i] = next;
      this.interpret(i, id);
      return;
    }
    // Same loop: check it is allowed here and in order.
    const r = rankIn(this.loop, id);
    const label = LOOP_LABELS[this.loop];
    if (r < 0) {
      this.report('segment-out-of-place', i, `${id} is not allowed in ${describeLoop(this.loop)}; it may belong to another loop or be misplaced.`);
    } else if (r < this.rank) {
      const order = LOOP_SEGMENTS[this.loop]!.join(', ');
      this.report('segment-out-of-place', i, `${id} comes after a later segment of loop ${label.id}; the guide's order there is ${order}.`);
    } else {
      this.rank = r;
    }
    this.model.segLoop[i] = this.loop;
    this.interpret(i, id);
  }

  /** The loop a segment opens, or undefined when it continues the current one. */
  private transition(i: number, id: string): Loop | undefined {
    const loop = this.loop;
    switch (id) {
      case 'N1': {
        if (loop !== Loop.Header && loop !== Loop.Payer && loop !== Loop.Payee) return undefined;
        const who = this.code(i, 1);
        if (who === 'PR') return Loop.Payer;
        if (who === 'PE') return Loop.Payee;
        return this.tx?.payer ? Loop.Payee : Loop.Payer;
      }
      case 'LX':
        if (loop >= Loop.Payee && loop <= Loop.ServiceLine) { this.sawHeaderNumber = true; this.closeClaim(i); return Loop.HeaderNumber; }
        return undefined;
      case 'CLP':
        if (loop >= Loop.Payee && loop <= Loop.ServiceLine) {
          if (!this.sawHeaderNumber) this.report('segment-out-of-place', i, 'CLP without a preceding LX: in the 835 every claim sits in a header-number loop (2000) that starts with LX.');
          this.closeClaim(i);
          return Loop.Claim;
        }
        return undefined;
      case 'SVC':
        if (loop === Loop.Claim || loop === Loop.ServiceLine) return Loop.ServiceLine;
        return undefined;
      case 'PLB':
        if (loop >= Loop.Payee && loop <= Loop.Summary) { this.closeClaim(i); return Loop.Summary; }
        return undefined;
    }
    return undefined;
  }

  private enter(i: number, loop: Loop): void {
    this.model.segLoop[i] = loop;
  }

  private openInterchange(i: number): Loop {
    if (this.interchange && this.interchange.ieaSeg === undefined) this.closeAll(i);
    const ic: Interchange = { seg: i, controlNumber: this.el(i, 13), sender: this.el(i, 6).trim(), receiver: this.el(i, 8).trim(), groups: [] };
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
    if (!this.group && this.model.interchanges.length) this.report('segment-out-of-place', i, 'ST before any GS: a transaction set must sit inside a functional group.');
    const setId = this.el(i, 1);
    const tx: Transaction = {
      seg: i, lastSeg: i, group: this.group, setId, controlNumber: this.el(i, 2), implementation: this.el(i, 3),
      claims: [], providerAdjustments: [],
    };
    this.group?.transactions.push(tx);
    this.model.transactions.push(tx);
    this.tx = tx;
    this.claim = undefined;
    this.line = undefined;
    this.sawHeaderNumber = false;
    if (setId !== '835') {
      const what = FOREIGN_SETS[setId];
      this.model.findings.push({
        code: 'not-835', start: this.t.segStart[i], end: this.t.segEnd[i],
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
    if (this.line) this.line.lastSeg = i - 1;
    if (this.claim) {
      this.claim.lastSeg = i - 1;
      compact(this.claim);
    }
    this.line = undefined;
    this.claim = undefined;
  }

  finish(): void {
    const last = this.t.count - 1;
    // A file that ends without SE: the open claim and line run to the last segment.
    if (this.line) this.line.lastSeg = last;
    if (this.claim) {
      this.claim.lastSeg = last;
      compact(this.claim);
    }
    if (this.tx && this.tx.seSeg === undefined) this.tx.lastSeg = last;
  }

  /** Reads the typed model out of a segment already placed in its loop. */
  private interpret(i: number, id: string): void {
    const tx = this.tx!;
    tx.lastSeg = i;
    // Direct calls, no closure: this runs for every segment of the file.
    const e = this;
    switch (id) {
      case 'BPR':
        tx.payment ??= { seg: i, handling: e.el(i, 1), amount: e.money(i, 2), creditDebit: e.el(i, 3), method: e.el(i, 4), format: e.el(i, 5), date: e.dateOf(i, 16) };
        return;
      case 'TRN':
        if (this.loop === Loop.Header) tx.trace ??= { seg: i, number: e.el(i, 2), originatorId: e.el(i, 3) };
        return;
      case 'DTM':
        return this.date(i, e.code(i, 1), e.dateOf(i, 2));
      case 'N1': {
        const party = { seg: i, entity: e.code(i, 1), name: e.el(i, 2), idQualifier: e.code(i, 3), id: e.el(i, 4) };
        if (this.loop === Loop.Payer) tx.payer ??= party;
        else if (this.loop === Loop.Payee) tx.payee ??= party;
        return;
      }
      case 'CLP': {
        const claim: Claim = {
          seg: i, lastSeg: i, transaction: tx, id: e.el(i, 1), status: e.code(i, 2), charge: e.money(i, 3), paid: e.money(i, 4),
          patientResponsibility: e.money(i, 5), filingIndicator: e.code(i, 6), payerControlNumber: e.el(i, 7), facilityType: e.code(i, 8),
          frequency: e.code(i, 9), adjustments: [], lines: [], remarks: [],
        };
        tx.claims.push(claim);
        this.model.claims.push(claim);
        this.claim = claim;
        this.line = undefined;
        return;
      }
      case 'SVC': {
        const claim = this.claim;
        if (!claim) return;
        if (this.line) this.line.lastSeg = i - 1;
        const line: ServiceLine = {
          seg: i, lastSeg: i, claim, procedure: this.procedure(i, 1), charge: e.money(i, 2), paid: e.money(i, 3),
          revenueCode: e.code(i, 4), unitsPaid: parseDecimal(e.code(i, 5)), submittedProcedure: e.el(i, 6) ? this.procedure(i, 6) : undefined,
          adjustments: [], remarks: [],
        };
        claim.lines.push(line);
        this.line = line;
        return;
      }
      case 'CAS':
        return this.adjustments(i);
      case 'NM1':
        return this.person(i);
      case 'REF':
        if (this.loop === Loop.ServiceLine && this.line && e.code(i, 1) === '6R') this.line.controlNumber = e.el(i, 2);
        return;
      case 'AMT':
        if (this.loop === Loop.ServiceLine && this.line && e.code(i, 1) === 'B6') this.line.allowed = e.money(i, 2);
        return;
      case 'LQ':
        if (this.line) this.line.remarks.push({ seg: i, elem: 2, qualifier: e.code(i, 1), code: e.code(i, 2) });
        return;
      case 'MOA': case 'MIA': {
        if (!this.claim) return;
        // Remark code positions: MOA03-07, MIA05 and MIA20-24.
        const positions = id === 'MOA' ? MOA_REMARKS : MIA_REMARKS;
        for (const k of positions) {
          const code = e.code(i, k);
          if (code) this.claim.remarks.push({ seg: i, elem: k, qualifier: id, code });
        }
        return;
      }
      case 'PLB':
        return this.providerAdjustments(i, tx);
    }
  }

  private date(i: number, qualifier: string, d: number | undefined): void {
    if (d === undefined) return;
    const tx = this.tx!;
    if (this.loop === Loop.Header && qualifier === '405') tx.productionDate ??= d;
    else if (this.loop === Loop.Claim && this.claim) {
      if (qualifier === '232') this.claim.statementFrom = d;
      else if (qualifier === '233') this.claim.statementTo = d;
      else if (qualifier === '050') this.claim.received = d;
    } else if (this.loop === Loop.ServiceLine && this.line) {
      if (qualifier === '472' || qualifier === '150') this.line.serviceDate ??= d;
      if (qualifier === '472' && this.line.serviceDate !== d) this.line.serviceDate = d;
      if (qualifier === '151') this.line.serviceDateEnd = d;
    }
    void i;
  }

  private procedure(i: number, k: number): Procedure {
    const c = this.t.components(i, k);
    const modifiers = c.length > 2 ? c.slice(2, 6).filter((m) => m !== '') : NO_MODIFIERS;
    return { qualifier: c[0] ?? '', code: c[1] ?? '', modifiers: modifiers.length ? modifiers : NO_MODIFIERS, description: c[6] ?? '' };
  }

  private person(i: number): void {
    const claim = this.claim;
    if (!claim || this.loop !== Loop.Claim) return;
    const p: Person = { seg: i, entity: this.code(i, 1), last: this.el(i, 3), first: this.el(i, 4), middle: this.el(i, 5), idQualifier: this.code(i, 8), id: this.el(i, 9) };
    if (p.entity === 'QC') claim.patient ??= p;
    else if (p.entity === 'IL') claim.insured ??= p;
    else if (p.entity === '74') claim.correctedPatient ??= p;
  }

  private adjustments(i: number): void {
    const claim = this.claim;
    if (!claim) return;
    const level = this.loop === Loop.ServiceLine ? 'line' : 'claim';
    const line = level === 'line' ? this.line : undefined;
    const t = this.t;
    const group = this.code(i, 1);
    const count = t.elementCount(i);
    // Only the triplets the segment has: elements past its end are empty.
    for (let triplet = 0; triplet < 6 && 2 + triplet * 3 < count; triplet++) {
      const k = 2 + triplet * 3;
      const reasonEmpty = t.elementStartOffset(i, k) === t.elementEndOffset(i, k);
      const amountEmpty = k + 1 >= count || t.elementStartOffset(i, k + 1) === t.elementEndOffset(i, k + 1);
      if (reasonEmpty && amountEmpty) continue;
      const qtyEmpty = k + 2 >= count || t.elementStartOffset(i, k + 2) === t.elementEndOffset(i, k + 2);
      const adj: Adjustment = {
        seg: i, triplet, group, reason: this.code(i, k), amount: this.money(i, k + 1), quantity: qtyEmpty ? undefined : parseDecimal(this.el(i, k + 2)),
        reasonElem: k, level, claim, line,
      };
      (line ?? claim).adjustments.push(adj);
      this.model.adjustments.push(adj);
    }
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
        seg: i, pair, providerId, fiscalDate, reason: composite[0] ?? '', reference: composite[1] ?? '',
        amount: this.money(i, k + 1), elem: k, transaction: tx,
      };
      tx.providerAdjustments.push(pa);
      this.model.providerAdjustments.push(pa);
    }
  }
}

/** One shared empty list for the many procedures without modifiers. */
const NO_MODIFIERS: readonly string[] = Object.freeze([]);

type Lists<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A JavaScript array that grew by push keeps room for 16 elements: a claim's lists (and its lines')
 * hold 1 to 4. Exact-size copies when the claim is complete save about a third of the model's memory
 * on big files, and the oversized originals die young.
 */
function compact(claim: Claim): void {
  const c = claim as Lists<Claim>;
  if (c.adjustments.length) c.adjustments = c.adjustments.slice();
  if (c.remarks.length) c.remarks = c.remarks.slice();
  if (!c.lines.length) return;
  c.lines = c.lines.slice();
  for (const line of c.lines as Lists<ServiceLine>[]) {
    if (line.adjustments.length) line.adjustments = line.adjustments.slice();
    if (line.remarks.length) line.remarks = line.remarks.slice();
  }
}

/** Remark code positions: MOA03-07, MIA05 and MIA20-24. */
const MOA_REMARKS = [3, 4, 5, 6, 7];
const MIA_REMARKS = [5, 20, 21, 22, 23, 24];

function describeLoop(loop: Loop): string {
  const l = LOOP_LABELS[loop];
  return /^\d/.test(l.id) ? `loop ${l.id} (${l.name.toLowerCase()})` : `the ${l.name.toLowerCase()}`;
}

const printable = (s: string) => Array.from(s.slice(0, 12)).map((c) => (c >= ' ' && c <= '~' ? c : '·')).join('');

/** Common X12 transaction sets, to name what a non-835 file is. */
const FOREIGN_SETS: Record<string, string> = {
  '837': 'claim', '270': 'eligibility inquiry', '271': 'eligibility response', '276': 'claim status inquiry',
  '277': 'claim status response', '278': 'prior authorization', '820': 'premium payment', '834': 'enrollment',
  '999': 'implementation acknowledgment', '997': 'functional acknowledgment', 'TA1': 'interchange acknowledgment',
};
