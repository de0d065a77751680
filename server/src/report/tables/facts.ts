import type { Analysis } from '../../analysis';
import { claimStatus } from '../../codes/lists';
import { SegId } from '../../x835/segmentIds';
import type { Adjustment, Claim, ServiceLine, Transaction } from '../../x835/types';
import { formatDate } from '../../x835/values';
import { patientName } from '../describe';
import { VERDICT_CLASSES, verdictOf, type TableVerdict, type VerdictClass } from './verdict';

/**
 * What the exported tables say about each payment, claim, line and triplet, gathered in one walk over
 * an analysed file. Money is integer cents; dates ISO strings ('' when absent).
 */

/** The payment (one 835 transaction set) every row of it repeats. */
export interface PaymentFacts {
  readonly file: string;
  readonly tx: Transaction;
  readonly paymentDate: string;
  readonly productionDate: string;
  readonly payer: string;
  /** N1*PR04, else TRN03 (the payer's id as originator of the trace). */
  readonly payerId: string;
  readonly payee: string;
  /** N1*PE04 when N103 is XX (an NPI). */
  readonly payeeNpi: string;
}

/** Sums over a set of triplets: PR split by reason, the verdict classes, work and recoverable money. */
export interface MoneySums {
  deductible: number;
  coinsurance: number;
  copay: number;
  otherPr: number;
  readonly byClass: Record<VerdictClass, number>;
  toWork: number;
  toWorkAmount: number;
  recoverable: number;
}

export interface ClaimFacts {
  readonly payment: PaymentFacts;
  readonly claim: Claim;
  readonly patient: string;
  readonly statusText: string;
  /** NM1*IL09, else NM1*QC09. */
  readonly subscriberId: string;
  /** NM1*82 09 when NM108 is XX. */
  readonly renderingNpi: string;
  readonly serviceFrom: string;
  readonly serviceTo: string;
  readonly allowed: number;
  readonly allowedSource: AllowedSource;
  /** Every triplet of the claim, claim level and lines. */
  readonly sums: MoneySums;
}

export interface LineFacts {
  readonly claim: ClaimFacts;
  readonly line: ServiceLine;
  /** 1-based position in the claim. */
  readonly number: number;
  /** REF*HPI of the line, else the claim's rendering NPI. */
  readonly renderingNpi: string;
  readonly serviceFrom: string;
  readonly serviceTo: string;
  readonly allowed: number;
  readonly allowedSource: AllowedSource;
  readonly remarks: string;
  readonly sums: MoneySums;
}

export interface AdjustmentFacts {
  readonly claim: ClaimFacts;
  readonly line: LineFacts | undefined;
  readonly adj: Adjustment;
  readonly verdict: TableVerdict;
}

/**
 * `AMT*B6`: the payer's allowed amount. `computed`: charge minus the contractual and needs-work
 * adjustments, i.e. what the payer recognised (paid + patient share + sequestration + other).
 */
export type AllowedSource = 'AMT*B6' | 'computed';

export interface RowVisitor {
  claim?(f: ClaimFacts): void;
  line?(f: LineFacts): void;
  adjustment?(f: AdjustmentFacts): void;
}

/**
 * Visits the rows of one analysed file in document order: each claim, then its claim-level triplets,
 * then each line followed by its triplets. Only 835 transaction sets are read.
 */
export function visitRows(a: Analysis, file: string, v: RowVisitor): void {
  for (const tx of a.model.transactions) {
    if (tx.setId === '835') visitTransaction(a, paymentFacts(file, tx), v);
  }
}

/** Visits the rows of one transaction (see `visitRows`). */
export function visitTransaction(a: Analysis, payment: PaymentFacts, v: RowVisitor): void {
  for (const claim of payment.tx.claims) visitClaim(a, payment, claim, v);
}

/** What every row of a payment repeats. */
export function paymentFacts(file: string, tx: Transaction): PaymentFacts {
  const payee = tx.payee;
  return {
    file,
    tx,
    paymentDate: dateText(tx.payment?.date),
    productionDate: dateText(tx.productionDate),
    payer: tx.payer?.name.trim() ?? '',
    payerId: tx.payer?.id.trim() || tx.trace?.originatorId.trim() || '',
    payee: payee?.name.trim() ?? '',
    payeeNpi: payee && payee.idQualifier.trim() === 'XX' ? payee.id.trim() : '',
  };
}

function visitClaim(a: Analysis, payment: PaymentFacts, claim: Claim, v: RowVisitor): void {
  const t = a.tokens;
  const ids = a.model.segIds;
  let renderingNpi = '';
  for (let s = claim.seg + 1; s <= claim.lastSeg && s < ids.length; s++) {
    if (ids[s] === SegId.SVC) break; // the claim loop's NM1s come before its lines
    if (ids[s] === SegId.NM1 && t.element(s, 1) === '82' && t.element(s, 8) === 'XX') {
      renderingNpi = t.element(s, 9);
      break;
    }
  }
  const claimAdjustments = claim.adjustments;
  const lines = claim.lines;
  const lineAdjustments = lines.map((l) => l.adjustments);
  const sums = sumsOf(a, claimAdjustments);
  for (const list of lineAdjustments) addSums(a, sums, list);

  // Allowed: the lines' AMT*B6 when every line has one; else computed from the claim's triplets.
  const allAllowed = lines.length > 0 && lines.every((l) => l.allowed !== undefined && Number.isFinite(l.allowed));
  const lineDates = lines.map((l) => l.serviceDate).filter((d): d is number => d !== undefined);
  const lineEnds = lines.map((l) => l.serviceDateEnd ?? l.serviceDate).filter((d): d is number => d !== undefined);
  const facts: ClaimFacts = {
    payment,
    claim,
    sums,
    patient: patientName(claim),
    statusText: claimStatus.entries.get(claim.status.trim())?.text ?? '',
    subscriberId: (claim.insured?.id || claim.patient?.id || '').trim(),
    renderingNpi,
    serviceFrom: dateText(claim.statementFrom ?? min(lineDates)),
    serviceTo: dateText(claim.statementTo ?? max(lineEnds) ?? claim.statementFrom),
    allowed: allAllowed ? lines.reduce((s, l) => s + l.allowed!, 0) : computedAllowed(claim.charge, sums),
    allowedSource: allAllowed ? 'AMT*B6' : 'computed',
  };
  v.claim?.(facts);
  if (v.adjustment)
    for (const adj of claimAdjustments) v.adjustment({ claim: facts, line: undefined, adj, verdict: verdictOf(a.verdicts, adj) });
  if (!v.line && !v.adjustment) return;
  lines.forEach((line, i) => {
    const adjs = lineAdjustments[i];
    const lineSums = sumsOf(a, adjs);
    const hasAllowed = line.allowed !== undefined && Number.isFinite(line.allowed);
    const lf: LineFacts = {
      claim: facts,
      line,
      number: i + 1,
      sums: lineSums,
      renderingNpi: lineReference(a, line, 'HPI') || renderingNpi,
      serviceFrom: dateText(line.serviceDate ?? claim.statementFrom),
      serviceTo: dateText(line.serviceDateEnd ?? line.serviceDate ?? claim.statementTo ?? claim.statementFrom),
      allowed: hasAllowed ? line.allowed! : computedAllowed(line.charge, lineSums),
      allowedSource: hasAllowed ? 'AMT*B6' : 'computed',
      remarks: line.remarks
        .map((r) => r.code.trim())
        .filter(Boolean)
        .join(' '),
    };
    v.line?.(lf);
    if (v.adjustment) for (const adj of adjs) v.adjustment({ claim: facts, line: lf, adj, verdict: verdictOf(a.verdicts, adj) });
  });
}

/** REF02 of the first REF*<qualifier> in the line's loop, or ''. */
function lineReference(a: Analysis, line: ServiceLine, qualifier: string): string {
  const t = a.tokens;
  const ids = a.model.segIds;
  for (let s = line.seg + 1; s <= line.lastSeg && s < ids.length; s++) {
    if (ids[s] === SegId.REF && t.element(s, 1) === qualifier) return t.element(s, 2).trim();
  }
  return '';
}

function computedAllowed(charge: number, sums: MoneySums): number {
  return charge - sums.byClass.contractual - sums.byClass.needs_work;
}

function emptySums(): MoneySums {
  const byClass = {} as Record<VerdictClass, number>;
  for (const c of VERDICT_CLASSES) byClass[c] = 0;
  return { deductible: 0, coinsurance: 0, copay: 0, otherPr: 0, byClass, toWork: 0, toWorkAmount: 0, recoverable: 0 };
}

function sumsOf(a: Analysis, adjs: readonly Adjustment[]): MoneySums {
  const s = emptySums();
  addSums(a, s, adjs);
  return s;
}

/** Adds triplets to `s`; unreadable amounts are skipped (element-format reports them), as the verdict totals do. */
function addSums(a: Analysis, s: MoneySums, adjs: readonly Adjustment[]): void {
  for (const adj of adjs) {
    const cents = adj.amount;
    if (!Number.isFinite(cents)) continue;
    if (adj.group.trim().toUpperCase() === 'PR') {
      const reason = adj.reason.trim();
      if (reason === '1') s.deductible += cents;
      else if (reason === '2') s.coinsurance += cents;
      else if (reason === '3') s.copay += cents;
      else s.otherPr += cents;
    }
    const v = verdictOf(a.verdicts, adj);
    s.byClass[v.cls] += cents;
    if (v.actionable) {
      s.toWork++;
      s.toWorkAmount += cents;
    }
    s.recoverable += v.recoverable;
  }
}

const dateText = (d: number | undefined): string => (d === undefined ? '' : formatDate(d));
const min = (xs: number[]): number | undefined => (xs.length ? Math.min(...xs) : undefined);
const max = (xs: number[]): number | undefined => (xs.length ? Math.max(...xs) : undefined);
