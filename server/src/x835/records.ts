import type { SegmentTable } from '../x12/tokenizer';
import type { Adjustment, AdjustmentLevel, Claim, Person, Procedure, Remark, ServiceLine, Transaction } from './types';
import { parseDecimal } from './values';

/**
 * Where the model keeps its claims, service lines and CAS triplets: typed columns, one row each.
 *
 * A 50 MB remittance holds some 140 k claims, 250 k lines and 700 k triplets. As objects with a field per
 * value they were most of the model's build time (the garbage collector copies every object that lives)
 * and of its memory. So the values live in typed arrays, and the objects features see are either tiny
 * handles (a claim or a line: the store and a row number, made once, so identity holds) or made on
 * request (a triplet: `CasColumns.at`). Ids, names and procedures are read from the text when asked for.
 */

type Column = Int32Array | Float64Array | Uint16Array | Uint8Array;

/** A copy of `a` with room for `size` rows. */
function grown<A extends Column>(a: A, size: number): A {
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(a as never);
  return b;
}

/** `a` cut to `n` rows when a quarter or more of it is unused. */
function trimmed<A extends Column>(a: A, n: number): A {
  return n * 4 < a.length * 3 ? (a.slice(0, n) as A) : a;
}

/** No date: dates are stored as CCYYMMDD numbers, never 0. */
const NO_DATE = 0;
const dateOrUndefined = (d: number) => (d === NO_DATE ? undefined : d);

/**
 * Grows a list to `n` entries of undefined by pushing: setting `length` (or `new Array(n)`) that far
 * would leave V8 a sparse dictionary instead of a fast array.
 */
function padTo<T>(list: (T | undefined)[], n: number): void {
  while (list.length < n) list.push(undefined);
}

/** One shared empty list: most claims have no claim-level remark, most lines no LQ. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Short strings many rows share (CAS groups and reasons, claim statuses, filing indicators), stored once. */
export class CodeStrings {
  readonly list: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);

  /** The id of `code` (added on first sight); past 65,535 distinct codes (a corrupt file) they share the last. */
  idOf(code: string): number {
    let id = this.ids.get(code);
    if (id === undefined) {
      id = Math.min(this.list.length, 0xffff);
      if (id === this.list.length) this.list.push(code);
      this.ids.set(code, id);
    }
    return id;
  }
}

/**
 * Typed columns of one length: `length` rows in use, room for `seg.length`. Every typed-array field of a
 * subclass is a column, grown and trimmed with the others: a new column is one field, made with
 * `this.firstRows` rows, and one line where a row is added.
 */
abstract class ColumnSet {
  length = 0;
  /** Every set has a segment column; its length is the set's capacity. */
  abstract seg: Int32Array;
  /** Rows the columns are made with (at least 16). */
  protected readonly firstRows: number;

  constructor(capacity: number) {
    this.firstRows = Math.max(16, capacity);
  }

  /**
   * Room for half as many rows again. Each subclass checks `length === seg.length` itself before calling
   * this: a check shared by the four sets would see four shapes and slow every row's push (~10 %).
   */
  protected grow(): void {
    this.resize(Math.ceil(this.length * 1.5));
  }

  /** Sets every column of rows from..to-1 to 0, as new rows start (before they are written again after an edit). */
  clearRows(from: number, to: number): void {
    const fields = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const a = fields[key];
      if (a instanceof Int32Array || a instanceof Float64Array || a instanceof Uint16Array || a instanceof Uint8Array) a.fill(0, from, to);
    }
  }

  /** Drops the unused capacity once the model is complete. */
  trim(): void {
    if (this.length * 4 < this.seg.length * 3) this.resize(this.length);
  }

  private resize(n: number): void {
    const fields = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const a = fields[key];
      if (a instanceof Int32Array || a instanceof Float64Array || a instanceof Uint16Array || a instanceof Uint8Array) {
        fields[key] = n > a.length ? grown(a, n) : trimmed(a, n);
      }
    }
  }
}

/** Claim rows (CLP and what its loop says). */
export class ClaimColumns extends ColumnSet {
  seg = new Int32Array(this.firstRows);
  lastSeg = new Int32Array(this.firstRows);
  /** Index in `Model.transactions`. */
  tx = new Int32Array(this.firstRows);
  status = new Uint16Array(this.firstRows);
  filingIndicator = new Uint16Array(this.firstRows);
  /** Cents: CLP03, CLP04, CLP05 (0 when absent, NaN when unreadable). */
  charge = new Float64Array(this.firstRows);
  paid = new Float64Array(this.firstRows);
  patientResponsibility = new Float64Array(this.firstRows);
  /** DTM*232, DTM*233, DTM*050 (0: none). */
  statementFrom = new Int32Array(this.firstRows);
  statementTo = new Int32Array(this.firstRows);
  received = new Int32Array(this.firstRows);
  /** Claim-level triplets: CAS rows casFrom..casTo-1. */
  casFrom = new Int32Array(this.firstRows);
  casTo = new Int32Array(this.firstRows);
  /** Service lines: line rows lineFrom..lineTo-1. */
  lineFrom = new Int32Array(this.firstRows);
  lineTo = new Int32Array(this.firstRows);
  /** First NM1*QC / NM1*IL / NM1*74 of the claim loop (-1: none). */
  patientSeg = new Int32Array(this.firstRows);
  insuredSeg = new Int32Array(this.firstRows);
  correctedPatientSeg = new Int32Array(this.firstRows);
  /** MOA/MIA remark codes: remark rows remarkFrom..remarkTo-1. */
  remarkFrom = new Int32Array(this.firstRows);
  remarkTo = new Int32Array(this.firstRows);

  /** A new row; its lists start empty at `cas` / `line` / `remark`. */
  add(
    seg: number,
    tx: number,
    status: number,
    filing: number,
    charge: number,
    paid: number,
    patient: number,
    cas: number,
    line: number,
    remark: number,
  ): number {
    if (this.length === this.seg.length) this.grow();
    const i = this.length++;
    this.seg[i] = seg;
    this.lastSeg[i] = seg;
    this.tx[i] = tx;
    this.status[i] = status;
    this.filingIndicator[i] = filing;
    this.charge[i] = charge;
    this.paid[i] = paid;
    this.patientResponsibility[i] = patient;
    this.casFrom[i] = this.casTo[i] = cas;
    this.lineFrom[i] = this.lineTo[i] = line;
    this.remarkFrom[i] = this.remarkTo[i] = remark;
    this.patientSeg[i] = this.insuredSeg[i] = this.correctedPatientSeg[i] = -1;
    return i;
  }
}

/** Service line rows (SVC and what its loop says). */
export class LineColumns extends ColumnSet {
  seg = new Int32Array(this.firstRows);
  lastSeg = new Int32Array(this.firstRows);
  /** Index of the line's claim. */
  claim = new Int32Array(this.firstRows);
  /** Cents: SVC02, SVC03; AMT*B6 when `hasAllowed`. */
  charge = new Float64Array(this.firstRows);
  paid = new Float64Array(this.firstRows);
  allowed = new Float64Array(this.firstRows);
  hasAllowed = new Uint8Array(this.firstRows);
  /** DTM*472 (or DTM*150), DTM*151 (0: none). */
  serviceDate = new Int32Array(this.firstRows);
  serviceDateEnd = new Int32Array(this.firstRows);
  /** The line's triplets: CAS rows casFrom..casTo-1. */
  casFrom = new Int32Array(this.firstRows);
  casTo = new Int32Array(this.firstRows);
  /** Last REF*6R of the line (-1: none). */
  controlNumberSeg = new Int32Array(this.firstRows);
  /** LQ remark codes: remark rows remarkFrom..remarkTo-1. */
  remarkFrom = new Int32Array(this.firstRows);
  remarkTo = new Int32Array(this.firstRows);

  add(seg: number, claim: number, charge: number, paid: number, cas: number, remark: number): number {
    if (this.length === this.seg.length) this.grow();
    const i = this.length++;
    this.seg[i] = seg;
    this.lastSeg[i] = seg;
    this.claim[i] = claim;
    this.charge[i] = charge;
    this.paid[i] = paid;
    this.casFrom[i] = this.casTo[i] = cas;
    this.remarkFrom[i] = this.remarkTo[i] = remark;
    this.controlNumberSeg[i] = -1;
    return i;
  }
}

/** Remark codes (LQ02 of lines; MOA03-07, MIA05, MIA20-24 of claims), in document order. */
export class RemarkColumns extends ColumnSet {
  seg = new Int32Array(this.firstRows);
  /** Element position of the code. */
  elem = new Uint8Array(this.firstRows);
  /** Qualifier (LQ01, or 'MOA' / 'MIA') and code, as ids of `ModelStore.codes`. */
  qualifier = new Uint16Array(this.firstRows);
  code = new Uint16Array(this.firstRows);

  constructor(
    private readonly codes: CodeStrings,
    capacity: number,
  ) {
    super(capacity);
  }

  push(seg: number, elem: number, qualifier: number, code: number): void {
    if (this.length === this.seg.length) this.grow();
    const i = this.length++;
    this.seg[i] = seg;
    this.elem[i] = elem;
    this.qualifier[i] = qualifier;
    this.code[i] = code;
  }

  /** Rows from..to-1 as objects (a shared empty list when there are none). */
  views(from: number, to: number): Remark[] {
    if (from >= to) return NONE;
    const list = this.codes.list;
    const out = new Array<Remark>(to - from);
    for (let i = from; i < to; i++)
      out[i - from] = { seg: this.seg[i], elem: this.elem[i], qualifier: list[this.qualifier[i]], code: list[this.code[i]] };
    return out;
  }
}

/**
 * Every CAS triplet of the document, in document order. A claim's claim-level triplets, and each line's,
 * are consecutive rows. Rules that visit every triplet read the columns; features get objects (`at`,
 * `views`, a claim's or a line's `adjustments`).
 */
export class CasColumns extends ColumnSet {
  /** CAS segment of each triplet. */
  seg = new Int32Array(this.firstRows);
  /** 0..5: which triplet of its CAS. */
  triplet = new Uint8Array(this.firstRows);
  /** Amount in cents (NaN when unreadable). */
  amount = new Float64Array(this.firstRows);
  /** Group (CAS01) and reason codes as ids of `ModelStore.codes`. */
  group = new Uint16Array(this.firstRows);
  reason = new Uint16Array(this.firstRows);
  /** The claim (row) and line (position in the claim's lines, -1 at claim level). */
  claim = new Int32Array(this.firstRows);
  line = new Int32Array(this.firstRows);

  constructor(
    private readonly store: ModelStore,
    capacity: number,
  ) {
    super(capacity);
  }

  push(seg: number, triplet: number, group: number, reason: number, amount: number, claim: number, line: number): void {
    if (this.length === this.seg.length) this.grow();
    const i = this.length++;
    this.seg[i] = seg;
    this.triplet[i] = triplet;
    this.group[i] = group;
    this.reason[i] = reason;
    this.amount[i] = amount;
    this.claim[i] = claim;
    this.line[i] = line;
  }

  /** The strings behind `group` and `reason` ids (shared with the claims' codes). */
  get codes(): readonly string[] {
    return this.store.codes.list;
  }

  /** The group (CAS01) of row i. */
  groupOf(i: number): string {
    return this.store.codes.list[this.group[i]];
  }

  /** The reason code of row i. */
  reasonOf(i: number): string {
    return this.store.codes.list[this.reason[i]];
  }

  /** Row i as an object (a new one on each call: compare triplets by `seg` and `triplet`). */
  at(i: number): Adjustment {
    const s = this.store;
    const claimRow = this.claim[i];
    const claim = s.claimAt(claimRow);
    const lineInClaim = this.line[i];
    const line = lineInClaim < 0 ? undefined : s.lineAt(s.claims.lineFrom[claimRow] + lineInClaim);
    const codes = s.codes.list;
    return new AdjustmentView(
      s.tokens,
      this.seg[i],
      this.triplet[i],
      codes[this.group[i]],
      codes[this.reason[i]],
      this.amount[i],
      line ? 'line' : 'claim',
      claim,
      line,
    );
  }

  /** Rows from..to-1 as objects. */
  views(from: number, to: number): Adjustment[] {
    if (from >= to) return [];
    const out = new Array<Adjustment>(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.at(i);
    return out;
  }

  /** Every row as objects (reports over the whole file; rules read the columns instead). */
  all(): Adjustment[] {
    return this.views(0, this.length);
  }

  /** The row of triplet `triplet` of CAS segment `seg` (e.g. an `Adjustment`'s), or -1. */
  rowOf(seg: number, triplet: number): number {
    for (let i = this.firstAfter(seg - 1); i < this.length && this.seg[i] === seg; i++) if (this.triplet[i] === triplet) return i;
    return -1;
  }

  /** The first row whose segment comes after `seg` (rows are in document order). */
  firstAfter(seg: number): number {
    const segs = this.seg;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid] <= seg) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Everything the handles read: the columns, the shared code strings and the text. */
export class ModelStore {
  readonly codes = new CodeStrings();
  readonly claims: ClaimColumns;
  readonly lines: LineColumns;
  readonly cas: CasColumns;
  /** Remark codes of claims (MOA, MIA) and of lines (LQ), each table in document order. */
  readonly claimRemarks: RemarkColumns;
  readonly lineRemarks: RemarkColumns;
  constructor(
    readonly tokens: SegmentTable,
    readonly transactions: readonly Transaction[],
  ) {
    // Sized from big remittances (a claim per ~350 characters, a line per ~200, a triplet per ~70) so
    // that they rarely regrow; small files start at 16 rows.
    const n = tokens.text.length;
    this.claims = new ClaimColumns(Math.ceil(n / 320));
    this.lines = new LineColumns(Math.ceil(n / 180));
    this.cas = new CasColumns(this, Math.ceil(n / 64));
    this.claimRemarks = new RemarkColumns(this.codes, 16);
    this.lineRemarks = new RemarkColumns(this.codes, Math.ceil(n / 1024));
  }

  private readonly claimList: (ClaimRecord | undefined)[] = [];
  private readonly lineList: (LineRecord | undefined)[] = [];

  /**
   * The handle of claim row i, made on first use and then kept, so a claim is always the same object.
   * The rules read the columns and ask only for the few claims they report: analysing a big file makes
   * almost none.
   */
  claimAt(i: number): ClaimRecord {
    const list = this.claimList;
    if (list.length < this.claims.length) padTo(list, this.claims.length);
    let claim = list[i];
    if (claim === undefined) {
      claim = list[i] = new ClaimRecord(this, i);
      this.claimsMade++;
    }
    return claim;
  }

  /** The handle of service line row i (see `claimAt`). */
  lineAt(i: number): LineRecord {
    const list = this.lineList;
    if (list.length < this.lines.length) padTo(list, this.lines.length);
    return (list[i] ??= new LineRecord(this, i));
  }

  /** How many claim handles `claimList` holds (when all, `claimHandles` has nothing to fill). */
  private claimsMade = 0;

  /** Every claim's handle (`Model.claims`), in document order; read it, never change it. */
  get claimHandles(): ClaimRecord[] {
    // Called for every `model.claims[i]`: after the first call, only a comparison.
    if (this.claimsMade !== this.claims.length) {
      for (let i = 0; i < this.claims.length; i++) this.claimAt(i);
    }
    return this.claimList as ClaimRecord[];
  }

  /** Service line handles from..to-1. */
  lineHandles(from: number, to: number): LineRecord[] {
    const out = new Array<LineRecord>(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.lineAt(i);
    return out;
  }

  trim(): void {
    this.claims.trim();
    this.lines.trim();
    this.cas.trim();
    this.claimRemarks.trim();
    this.lineRemarks.trim();
  }
}

/** A claim: its store and row. Every value is read from the columns or the text on access. */
export class ClaimRecord implements Claim {
  constructor(
    private readonly s: ModelStore,
    readonly index: number,
  ) {}

  get seg(): number {
    return this.s.claims.seg[this.index];
  }
  get lastSeg(): number {
    return this.s.claims.lastSeg[this.index];
  }
  get transaction(): Transaction {
    return this.s.transactions[this.s.claims.tx[this.index]];
  }
  get status(): string {
    return this.s.codes.list[this.s.claims.status[this.index]];
  }
  get filingIndicator(): string {
    return this.s.codes.list[this.s.claims.filingIndicator[this.index]];
  }
  get charge(): number {
    return this.s.claims.charge[this.index];
  }
  get paid(): number {
    return this.s.claims.paid[this.index];
  }
  get patientResponsibility(): number {
    return this.s.claims.patientResponsibility[this.index];
  }
  get statementFrom(): number | undefined {
    return dateOrUndefined(this.s.claims.statementFrom[this.index]);
  }
  get statementTo(): number | undefined {
    return dateOrUndefined(this.s.claims.statementTo[this.index]);
  }
  get received(): number | undefined {
    return dateOrUndefined(this.s.claims.received[this.index]);
  }

  /** Fresh objects on each access. */
  get adjustments(): Adjustment[] {
    const c = this.s.claims;
    return this.s.cas.views(c.casFrom[this.index], c.casTo[this.index]);
  }

  /** A fresh list of the same line handles on each access. */
  get lines(): LineRecord[] {
    const c = this.s.claims;
    const from = c.lineFrom[this.index];
    const to = c.lineTo[this.index];
    return from === to ? NONE : this.s.lineHandles(from, to);
  }

  get remarks(): Remark[] {
    return this.s.claimRemarks.views(this.s.claims.remarkFrom[this.index], this.s.claims.remarkTo[this.index]);
  }

  get id(): string {
    return this.s.tokens.element(this.seg, 1);
  }
  get payerControlNumber(): string {
    return this.s.tokens.element(this.seg, 7);
  }
  get facilityType(): string {
    return this.s.tokens.element(this.seg, 8);
  }
  get frequency(): string {
    return this.s.tokens.element(this.seg, 9);
  }

  /** Fresh objects on each access. */
  get patient(): Person | undefined {
    return personAt(this.s.tokens, this.s.claims.patientSeg[this.index]);
  }
  get insured(): Person | undefined {
    return personAt(this.s.tokens, this.s.claims.insuredSeg[this.index]);
  }
  get correctedPatient(): Person | undefined {
    return personAt(this.s.tokens, this.s.claims.correctedPatientSeg[this.index]);
  }
}

/** A service line: its store and row. */
export class LineRecord implements ServiceLine {
  constructor(
    private readonly s: ModelStore,
    readonly index: number,
  ) {}

  get seg(): number {
    return this.s.lines.seg[this.index];
  }
  get lastSeg(): number {
    return this.s.lines.lastSeg[this.index];
  }
  get claim(): ClaimRecord {
    return this.s.claimAt(this.s.lines.claim[this.index]);
  }
  get charge(): number {
    return this.s.lines.charge[this.index];
  }
  get paid(): number {
    return this.s.lines.paid[this.index];
  }
  get allowed(): number | undefined {
    return this.s.lines.hasAllowed[this.index] ? this.s.lines.allowed[this.index] : undefined;
  }
  get serviceDate(): number | undefined {
    return dateOrUndefined(this.s.lines.serviceDate[this.index]);
  }
  get serviceDateEnd(): number | undefined {
    return dateOrUndefined(this.s.lines.serviceDateEnd[this.index]);
  }

  /** Fresh objects on each access. */
  get adjustments(): Adjustment[] {
    const l = this.s.lines;
    return this.s.cas.views(l.casFrom[this.index], l.casTo[this.index]);
  }

  get remarks(): Remark[] {
    return this.s.lineRemarks.views(this.s.lines.remarkFrom[this.index], this.s.lines.remarkTo[this.index]);
  }

  get procedure(): Procedure {
    return procedureAt(this.s.tokens, this.seg, 1);
  }
  get revenueCode(): string {
    return this.s.tokens.element(this.seg, 4);
  }
  get unitsPaid(): number | undefined {
    return parseDecimal(this.s.tokens.element(this.seg, 5));
  }
  get submittedProcedure(): Procedure | undefined {
    return this.s.tokens.element(this.seg, 6) ? procedureAt(this.s.tokens, this.seg, 6) : undefined;
  }

  get controlNumber(): string | undefined {
    const seg = this.s.lines.controlNumberSeg[this.index];
    return seg < 0 ? undefined : this.s.tokens.element(seg, 2);
  }
}

/** One CAS triplet as an object, made on request from a row of `CasColumns`. */
export class AdjustmentView implements Adjustment {
  constructor(
    private readonly t: SegmentTable,
    readonly seg: number,
    readonly triplet: number,
    readonly group: string,
    readonly reason: string,
    readonly amount: number,
    readonly level: AdjustmentLevel,
    readonly claim: Claim,
    readonly line: ServiceLine | undefined,
  ) {}

  get reasonElem(): number {
    return 2 + this.triplet * 3;
  }

  get quantity(): number | undefined {
    const text = this.t.element(this.seg, this.reasonElem + 2);
    return text === '' ? undefined : parseDecimal(text);
  }
}

/** The NM1 at `seg` as a person (claim loop names), or undefined for -1. */
function personAt(t: SegmentTable, seg: number): Person | undefined {
  if (seg < 0) return undefined;
  return {
    seg,
    entity: t.element(seg, 1),
    last: t.element(seg, 3),
    first: t.element(seg, 4),
    middle: t.element(seg, 5),
    idQualifier: t.element(seg, 8),
    id: t.element(seg, 9),
  };
}

/** One shared empty list for the many procedures without modifiers. */
const NO_MODIFIERS: readonly string[] = Object.freeze([]);

/** The composite procedure of element k (SVC01 or SVC06). */
function procedureAt(t: SegmentTable, seg: number, k: number): Procedure {
  const c = t.components(seg, k);
  const modifiers = c.length > 2 ? c.slice(2, 6).filter((m) => m !== '') : NO_MODIFIERS;
  return { qualifier: c[0] ?? '', code: c[1] ?? '', modifiers: modifiers.length ? modifiers : NO_MODIFIERS, description: c[6] ?? '' };
}
