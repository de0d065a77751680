import type { Analysis } from '../../analysis';
import { formatDate } from '../../x835/values';
import { VerdictFlag } from '../../x835/verdicts';
import { partyOf, patientName } from '../describe';
import type { ExplorerCounts, ExplorerFilter } from './types';

/**
 * What the ERA Explorer keeps of one file between requests: its payments and claims with the work the
 * verdicts found in them, and where each is; not the text nor the analysis (some 200 bytes a claim).
 * Lines and adjustments are read from the analysis when a claim is expanded (see nodes.ts).
 */
export interface FileFacts {
  readonly payments: readonly PaymentFacts[];
  /** Every claim of the file's 835 transactions, in file order. */
  readonly claims: readonly ClaimFacts[];
}

/** A place in the document: 0-based line and UTF-16 character of its start and end. */
export interface Place {
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** One 835 transaction set: a payment to one payee. */
export interface PaymentFacts {
  /** N1*PR name and id. */
  readonly payer: string;
  readonly payerId: string;
  /** BPR02; null when unreadable. */
  readonly amountCents: number | null;
  /** BPR16, else DTM*405, as YYYY-MM-DD; '' when neither. */
  readonly date: string;
  /** TRN02. */
  readonly trace: string;
  /** The first of its claims in `FileFacts.claims`, and how many. */
  readonly firstClaim: number;
  readonly claimCount: number;
  /** The BPR segment (else the ST). */
  readonly place: Place;
}

export interface ClaimFacts {
  /** Position in the analysis' `model.claims`. */
  readonly n: number;
  /** Position of its payment in `FileFacts.payments`. */
  readonly payment: number;
  /** CLP01, CLP07, NM1*QC "LAST, FIRST", CLP02. */
  readonly id: string;
  readonly payerClaimNumber: string;
  readonly patient: string;
  readonly status: string;
  readonly chargedCents: number | null;
  readonly paidCents: number | null;
  /** Actionable triplets of the claim (its own and its lines'), and their recoverable cents. */
  readonly toWork: number;
  readonly toRecoverCents: number;
  readonly lines: number;
  readonly claimAdjustments: number;
  /** The CLP segment. */
  readonly place: Place;
}

const cents = (n: number | undefined): number | null => (n === undefined || !Number.isFinite(n) ? null : n);

/**
 * A string of its own: V8 keeps a slice of 13 or more characters as a view of the text it came from,
 * which would keep a whole file's text alive for one patient name.
 */
const own = (s: string) => (s.length >= 13 ? Buffer.from(s, 'utf8').toString('utf8') : s);

/** The facts of one analysed file, from its verdicts (each triplet judged once by the claim pass). */
export function fileFacts(a: Analysis): FileFacts {
  const { model, verdicts, tokens: t, lines } = a;
  const place = (seg: number): Place => {
    const s = lines.positionAt(t.segStart[seg]);
    const e = lines.positionAt(t.segEnd[seg]);
    return { line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
  };
  const position = new Map<object, number>();
  model.claims.forEach((c, i) => position.set(c, i));
  const amount = model.cas.amount;
  const payments: PaymentFacts[] = [];
  const claims: ClaimFacts[] = [];
  for (const tx of model.transactions) {
    if (tx.setId !== '835') continue;
    const payer = partyOf(tx.payer);
    const date = tx.payment?.date ?? tx.productionDate;
    const p = payments.length;
    payments.push({
      payer: own(payer.name),
      payerId: own(payer.id),
      amountCents: cents(tx.payment?.amount ?? 0),
      date: date === undefined ? '' : formatDate(date),
      trace: own(tx.trace?.number ?? ''),
      firstClaim: claims.length,
      claimCount: tx.claims.length,
      place: place(tx.payment?.seg ?? tx.seg),
    });
    for (const c of tx.claims) {
      let toWork = 0;
      let toRecoverCents = 0;
      const [from, to] = verdicts.claimRows(c.index);
      // As the summary and VerdictTotals count them: unreadable amounts are element-format's, not work.
      for (let r = from; r < to; r++) {
        if (!Number.isFinite(amount[r]) || !(verdicts.flags[r] & VerdictFlag.Actionable)) continue;
        toWork++;
        toRecoverCents += verdicts.recoverable[r];
      }
      claims.push({
        n: position.get(c) ?? -1,
        payment: p,
        id: own(c.id),
        payerClaimNumber: own(c.payerControlNumber),
        patient: own(patientName(c)),
        status: c.status,
        chargedCents: cents(c.charge),
        paidCents: cents(c.paid),
        toWork,
        toRecoverCents,
        lines: c.lines.length,
        claimAdjustments: c.adjustments.length,
        place: place(c.seg),
      });
    }
  }
  return { payments, claims };
}

/** Does the claim pass the filter? */
export function passes(f: FileFacts, c: ClaimFacts, filter: ExplorerFilter): boolean {
  switch (filter.kind) {
    case 'work':
      return c.toWork > 0;
    case 'recoverable':
      return c.toRecoverCents > 0;
    case 'denied':
      return c.status === '4';
    case 'reversals':
      return c.status === '22';
    case 'payer':
      return f.payments[c.payment]?.payer === filter.payer;
    default:
      return true;
  }
}

/** Counts over claims from..to-1 of `f` that pass the filter. */
export function countClaims(f: FileFacts, filter: ExplorerFilter, from = 0, to = f.claims.length): ExplorerCounts {
  let claims = 0;
  let toWork = 0;
  let toRecoverCents = 0;
  let denied = 0;
  let reversals = 0;
  for (let i = from; i < to; i++) {
    const c = f.claims[i];
    if (!passes(f, c, filter)) continue;
    claims++;
    toWork += c.toWork;
    toRecoverCents += c.toRecoverCents;
    if (c.status === '4') denied++;
    else if (c.status === '22') reversals++;
  }
  return { claims, toWork, toRecoverCents, denied, reversals };
}

/** Adds counts up. */
export function addCounts(a: ExplorerCounts, b: ExplorerCounts): ExplorerCounts {
  return {
    claims: a.claims + b.claims,
    toWork: a.toWork + b.toWork,
    toRecoverCents: a.toRecoverCents + b.toRecoverCents,
    denied: a.denied + b.denied,
    reversals: a.reversals + b.reversals,
  };
}

export const NO_COUNTS: ExplorerCounts = { claims: 0, toWork: 0, toRecoverCents: 0, denied: 0, reversals: 0 };

/**
 * Whether two readings of a file found the same payments and claims, with the same work, at the same
 * places: a file opened in the editor, or saved unchanged, keeps its node ids (and the tree its expanded
 * nodes) when nothing the tree shows changed.
 */
export function sameFacts(a: FileFacts, b: FileFacts): boolean {
  if (a.payments.length !== b.payments.length || a.claims.length !== b.claims.length) return false;
  for (let i = 0; i < a.payments.length; i++) if (!sameFields(a.payments[i], b.payments[i])) return false;
  for (let i = 0; i < a.claims.length; i++) if (!sameFields(a.claims[i], b.claims[i])) return false;
  return true;
}

/** Field by field, one level into places. */
function sameFields<T extends object>(x: T, y: T): boolean {
  for (const k of Object.keys(x) as Array<keyof T>) {
    const u = x[k];
    const v = y[k];
    if (u === v) continue;
    if (typeof u !== 'object' || typeof v !== 'object' || u === null || v === null || !sameFields(u, v)) return false;
  }
  return true;
}
