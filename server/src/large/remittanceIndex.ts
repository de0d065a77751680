import { closeSync, fstatSync, openSync } from 'node:fs';
import { analyzeInSlices, type Analysis } from '../analysis';
import type { Settings } from '../settings';
import type { Finding, Severity } from '../x12/finding';
import { PIECE_CHARS, readPieces, type Piece } from '../stream/pieces';
import { classify } from '../x835/classify';
import { claimAt, transactionAt } from '../x835/lookup';
import { claimAdjustments } from '../x835/totals';
import { Loop, type Claim, type Transaction } from '../x835/types';

/**
 * An index of a remittance too big for the editor (VS Code passes no document over 50 MB to extensions):
 * where each payment (transaction set) and claim sits in the file, with its totals and work counts, and
 * nothing of the text. It is built by reading the file in pieces through the same analysis as
 * `era835 check`; a payment or claim is read back from disk on demand (large/parts.ts).
 */
export interface RemittanceIndex {
  readonly path: string;
  readonly bytes: number;
  readonly interchanges: number;
  /** 835 transaction sets (payments), in file order. */
  readonly transactions: readonly IndexedTransaction[];
  /** Every claim of every 835 transaction, in file order. */
  readonly claims: readonly IndexedClaim[];
  /** Transaction sets that are not 835s (left out of the lists). */
  readonly otherTransactions: number;
  /** Shown findings of the whole file by severity (after the user's rule settings). */
  readonly errors: number;
  readonly warnings: number;
  /** Findings outside any claim or payment (envelopes, junk): counted here only. */
  readonly outside: number;
  /** Why part of the file could not be read, one line each. */
  readonly problems: readonly string[];
}

/** A run of the file: where it starts (bytes, and 1-based line and column for people) and how many bytes. */
export interface FileSpan {
  readonly byte: number;
  readonly bytes: number;
  readonly line: number;
  readonly column: number;
}

/** The interchange and group around transactions: what a part needs to be a valid file on its own. */
export interface IndexedEnvelope {
  readonly isa: FileSpan;
  readonly gs: FileSpan;
  readonly element: string;
  readonly terminator: string;
}

export interface IndexedTransaction {
  /** 0-based position among the indexed transactions. */
  readonly n: number;
  readonly envelope: IndexedEnvelope;
  readonly controlNumber: string;
  readonly payer: string;
  readonly payee: string;
  /** TRN02: check or EFT trace number. */
  readonly trace: string;
  /** BPR02 in cents; null when absent or unreadable. */
  readonly paidCents: number | null;
  /** ST..SE, with the terminator of SE. */
  readonly span: FileSpan;
  /** ST up to the first header-number (LX) loop or claim: the payment, payer and payee. */
  readonly header: FileSpan;
  readonly firstClaim: number;
  readonly claimCount: number;
  /** CAS triplets that need work, and shown findings, in the whole transaction. */
  readonly toWork: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface IndexedClaim {
  /** 0-based position among all indexed claims. */
  readonly n: number;
  readonly transaction: number;
  /** CLP01. */
  readonly id: string;
  readonly status: string;
  readonly chargedCents: number | null;
  readonly paidCents: number | null;
  readonly toWork: number;
  readonly errors: number;
  readonly warnings: number;
  /** CLP through the claim's last segment. */
  readonly span: FileSpan;
  /** The header-number loop (LX, TS3, TS2) the claim is in, if any: shared by its claims. */
  readonly lx?: FileSpan;
}

/** How the user's settings show a finding: its severity, or undefined when turned off. */
export type SeverityOf = (f: Finding) => Severity | undefined;

/**
 * Indexes the file at `path`, yielding between analysis slices of about `sliceMs` so that a server stays
 * responsive (drive it with setImmediate; stop calling next() to cancel). Memory: one piece's analysis at
 * a time (as `era835 check`), plus the index (some 200 bytes a claim).
 */
export function* indexRemittance(
  path: string,
  settings: Settings,
  severityOf: SeverityOf,
  sliceMs = 20,
  pieceChars = PIECE_CHARS,
): Generator<void, RemittanceIndex, void> {
  const fd = openSync(path, 'r');
  try {
    const acc = new Accumulator(path, fstatSync(fd).size);
    for (const piece of readPieces(fd, { pieceChars, onProblem: (m) => acc.problems.push(`${path}: ${m}`) })) {
      const steps = analyzeInSlices(piece.text, settings, sliceMs);
      let r = steps.next();
      while (!r.done) {
        yield;
        r = steps.next();
      }
      acc.add(r.value, piece, severityOf);
      yield;
    }
    return acc.result();
  } finally {
    closeSync(fd);
  }
}

/** Drives `indexRemittance` to the end at once (tests, scripts); `pieceChars` as in readPieces. */
export function indexRemittanceNow(path: string, settings: Settings, severityOf: SeverityOf, pieceChars = PIECE_CHARS): RemittanceIndex {
  const steps = indexRemittance(path, settings, severityOf, 1e9, pieceChars);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * A string of its own: V8 keeps a slice of 13 or more characters as a view of the text it came from,
 * which would keep a whole piece of the file alive for one payer name.
 */
const own = (s: string) => (s.length >= 13 ? Buffer.from(s, 'utf8').toString('utf8') : s);

const cents = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? null : n);

/** The index as it grows, piece by piece. */
class Accumulator {
  readonly problems: string[] = [];
  private readonly transactions: IndexedTransaction[] = [];
  private readonly claims: IndexedClaim[] = [];
  private interchanges = 0;
  private others = 0;
  private errors = 0;
  private warnings = 0;
  private outside = 0;
  /** Bytes of the file before the next piece. */
  private byte = 0;

  constructor(
    private readonly path: string,
    private readonly bytes: number,
  ) {}

  add(a: Analysis, piece: Piece, severityOf: SeverityOf): void {
    const { model, tokens: t } = a;
    this.interchanges += model.interchanges.length;
    const counts = this.countFindings(a, severityOf);
    const points = new Points(a, piece, this.byte);
    this.byte += points.bytesOf(0, a.text.length);
    const next = (seg: number) => (seg + 1 < t.count ? t.segStart[seg + 1] : a.text.length);
    const envelopes = new Map<object, IndexedEnvelope>();
    for (const tx of model.transactions) {
      if (tx.setId !== '835' || !tx.group) {
        this.others++;
        continue;
      }
      const group = tx.group;
      let envelope = envelopes.get(group);
      if (!envelope) {
        const ic = group.interchange;
        const isaStart = points.at(t.segStart[ic.seg]);
        const isaEnd = points.at(next(ic.seg));
        const gsStart = points.at(t.segStart[group.seg]);
        const gsEnd = points.at(next(group.seg));
        const d = delimitersAt(a, ic.seg);
        envelope = { isa: span(isaStart, isaEnd), gs: span(gsStart, gsEnd), element: own(d.element), terminator: own(d.segment) };
        envelopes.set(group, envelope);
      }
      const stStart = points.at(t.segStart[tx.seg]);
      const headerEnd = points.at(t.segStart[headerEndSeg(a, tx)] ?? a.text.length);
      const n = this.transactions.length;
      const firstClaim = this.claims.length;
      let lx: FileSpan | undefined;
      let lxFirst = -1;
      let toWork = 0;
      for (const claim of tx.claims) {
        // The header-number loop right before this claim, else the one before the previous claim.
        let s = claim.seg - 1;
        while (s > tx.seg && model.segLoop[s] === Loop.HeaderNumber) s--;
        if (s + 1 < claim.seg && s + 1 !== lxFirst) {
          lxFirst = s + 1;
          lx = span(points.at(t.segStart[lxFirst]), points.at(t.segStart[claim.seg]));
        }
        const start = points.at(t.segStart[claim.seg]);
        const end = points.at(next(claim.lastSeg));
        const c = counts.claims.get(claim);
        const work = workOf(claim);
        toWork += work;
        this.claims.push({
          n: this.claims.length,
          transaction: n,
          id: own(claim.id),
          status: own(claim.status),
          chargedCents: cents(claim.charge),
          paidCents: cents(claim.paid),
          toWork: work,
          errors: c?.errors ?? 0,
          warnings: c?.warnings ?? 0,
          span: span(start, end),
          lx,
        });
      }
      const end = points.at(next(tx.lastSeg));
      const c = counts.transactions.get(tx);
      const party = (p: Transaction['payer']) => own(p?.name || p?.id || '');
      this.transactions.push({
        n,
        envelope,
        controlNumber: own(tx.controlNumber),
        payer: party(tx.payer),
        payee: party(tx.payee),
        trace: own(tx.trace?.number ?? ''),
        paidCents: cents(tx.payment?.amount),
        span: span(stStart, end),
        header: span(stStart, headerEnd),
        firstClaim,
        claimCount: this.claims.length - firstClaim,
        toWork,
        errors: c?.errors ?? 0,
        warnings: c?.warnings ?? 0,
      });
    }
  }

  result(): RemittanceIndex {
    return {
      path: this.path,
      bytes: this.bytes,
      interchanges: this.interchanges,
      transactions: this.transactions,
      claims: this.claims,
      otherTransactions: this.others,
      errors: this.errors,
      warnings: this.warnings,
      outside: this.outside,
      problems: this.problems,
    };
  }

  /** Shown errors and warnings per claim and per transaction (a claim's count also in its transaction's). */
  private countFindings(a: Analysis, severityOf: SeverityOf) {
    type Count = { errors: number; warnings: number };
    const claims = new Map<Claim, Count>();
    const transactions = new Map<Transaction, Count>();
    const bump = <K>(m: Map<K, Count>, k: K, error: boolean) => {
      let c = m.get(k);
      if (!c) m.set(k, (c = { errors: 0, warnings: 0 }));
      if (error) c.errors++;
      else c.warnings++;
    };
    for (const f of a.findings) {
      const severity = severityOf(f);
      if (severity !== 'error' && severity !== 'warning') continue;
      const error = severity === 'error';
      if (error) this.errors++;
      else this.warnings++;
      const seg = a.tokens.segmentAt(f.start);
      const tx = seg >= 0 ? transactionAt(a.model, seg) : undefined;
      if (!tx) {
        this.outside++;
        continue;
      }
      bump(transactions, tx, error);
      const claim = claimAt(a.model, seg);
      if (claim) bump(claims, claim, error);
    }
    return { claims, transactions };
  }
}

/** CAS triplets of the claim that need work (the summary's worklist count). */
function workOf(claim: Claim): number {
  let n = 0;
  for (const adj of claimAdjustments(claim)) if (Number.isFinite(adj.amount) && classify(adj).actionable) n++;
  return n;
}

/** The first segment after the transaction's header (a header-number loop, a claim, PLB or SE). */
function headerEndSeg(a: Analysis, tx: Transaction): number {
  const loops = a.model.segLoop;
  for (let s = tx.seg + 1; s <= tx.lastSeg; s++) {
    const l = loops[s];
    if (l === Loop.HeaderNumber || l === Loop.Claim || l === Loop.ServiceLine || l === Loop.Summary || l === Loop.TransactionEnd) return s;
  }
  return tx.lastSeg + 1;
}

function delimitersAt(a: Analysis, seg: number) {
  const spans = a.tokens.spans;
  let d = spans[0].delimiters;
  for (const s of spans) if (s.firstSegment <= seg) d = s.delimiters;
  return d;
}

/** A place in the file: byte offset and 1-based line and column. */
interface Point {
  readonly byte: number;
  readonly line: number;
  readonly column: number;
}

const span = (start: Point, end: Point): FileSpan => ({
  byte: start.byte,
  bytes: end.byte - start.byte,
  line: start.line,
  column: start.column,
});

/**
 * Character offsets of one piece as file points. Asked in increasing order, so the byte count of the
 * text between two questions is measured once (a piece of plain ASCII needs no counting at all).
 */
class Points {
  private char = 0;
  private byte = 0;
  private readonly ascii: boolean;

  constructor(
    private readonly a: Analysis,
    private readonly piece: Piece,
    private readonly firstByte: number,
  ) {
    this.ascii = piece.invalid.length === 0 && Buffer.byteLength(a.text, 'utf8') === a.text.length;
  }

  at(offset: number): Point {
    if (this.ascii) this.byte = offset;
    else {
      if (offset < this.char) {
        this.char = 0;
        this.byte = 0;
      }
      this.byte += this.bytesOf(this.char, offset);
    }
    this.char = offset;
    const p = this.a.lines.positionAt(offset);
    const { origin } = this.piece;
    return { byte: this.firstByte + this.byte, line: origin.line + p.line, column: (p.line === 0 ? origin.column : 0) + p.character + 1 };
  }

  /**
   * Bytes the file holds for text[from, to). A byte that was not UTF-8 is kept as one character
   * U+DC80..U+DCFF (stream/keepBytes.ts), which UTF-8 would write as 3 bytes: it was 1.
   */
  bytesOf(from: number, to: number): number {
    if (this.ascii) return to - from;
    const kept = below(this.piece.invalid, to) - below(this.piece.invalid, from);
    return Buffer.byteLength(this.a.text.slice(from, to), 'utf8') - 2 * kept;
  }
}

/** How many of the sorted `offsets` are below `x`. */
function below(offsets: readonly number[], x: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
