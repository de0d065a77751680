/**
 * The remittance summary as plain JSON: what the `era835 summary` command prints, what the
 * `era835/summary` request returns and what the summary webview draws. Type-only (no runtime code),
 * so the VS Code client can import it without bundling the analysis.
 *
 * Money is always integer cents (`...Cents` or a field of a `...Cents` object); dates are ISO
 * `YYYY-MM-DD` strings; ranges are LSP ranges (0-based line, UTF-16 character) into the analysed text.
 */
import type { Range } from 'vscode-languageserver-types';
import type { VerdictClass, VerdictFinding } from '../x835/verdicts';
import type { CarcCategory } from '../codes/types';

export type { Range };

/** A count of claims with one CLP02 status. */
export interface StatusCount {
  readonly status: string;
  /** Our own words for the status ("Processed as primary payer"); empty for a code the list lacks. */
  readonly text: string;
  readonly count: number;
}

/** A payer or payee (N1*PR / N1*PE). */
export interface PartySummary {
  readonly name: string;
  readonly idQualifier: string;
  readonly id: string;
}

/** One transaction set (ST..SE): one payment to one payee. */
export interface PaymentSummary {
  /** 1-based position of the transaction in the file. */
  readonly index: number;
  /** ST02. */
  readonly controlNumber: string;
  readonly payer: PartySummary;
  readonly payee: PartySummary;
  /** BPR02; null when unreadable (element-format reports it). */
  readonly amountCents: number | null;
  /** BPR03: C credit, D debit. */
  readonly creditDebit: string;
  /** BPR04 (ACH, CHK, NON...) and our words for it. */
  readonly method: string;
  readonly methodText: string;
  /** BPR16: check issue or EFT effective date. */
  readonly paymentDate?: string;
  /** DTM*405. */
  readonly productionDate?: string;
  /** TRN02: the check or EFT trace number. */
  readonly traceNumber: string;
  readonly claims: number;
  readonly claimsByStatus: readonly StatusCount[];
  /** Σ CLP04 − Σ PLB: what BPR02 should be. */
  readonly expectedCents: number;
  /** BPR02 − expected (0 when it balances); null when BPR02 is unreadable. */
  readonly differenceCents: number | null;
  /** The BPR segment, to reveal it. */
  readonly range?: Range;
}

/**
 * Totals over the file, by what an analyst does with the money. Adjustments are added up by the class
 * of their verdict (x835/verdicts.ts), as the hovers, code lenses and CSV do: every triplet counts in
 * exactly one class, so charged = paid + contractual + sequestration + patientResponsibility + denied +
 * recoverable + other when every claim balances.
 */
export interface TotalsCents {
  /** Σ CLP03. */
  readonly charged: number;
  /** Σ CLP04. */
  readonly paid: number;
  readonly contractual: number;
  /** Medicare fee-for-service sequestration (other payers' CO-253 is recoverable or needs work). */
  readonly sequestration: number;
  readonly patientResponsibility: number;
  /** Adjustments of class `needsWork`: denials, missing information, 253 under the wrong group, Medicare Advantage cuts to verify. */
  readonly denied: number;
  /** Adjustments of class `recoverable`: money taken that should not have been. */
  readonly recoverable: number;
  readonly other: number;
  /** Σ PLB amounts (positive = withheld from the payment). */
  readonly providerAdjustments: number;
  /** Σ BPR02 over the transactions. */
  readonly payments: number;
}

/** The adjustments of one group + reason + verdict class (CO-253 is sequestration on Medicare, recoverable elsewhere...). */
export interface ReasonRow {
  /** "CO-45". */
  readonly key: string;
  readonly group: string;
  readonly reason: string;
  readonly cls: VerdictClass;
  readonly category: CarcCategory | undefined;
  /** True when some triplet of this row needs work. */
  readonly actionable: boolean;
  readonly count: number;
  readonly cents: number;
  /** Our words for the reason code (empty when the list lacks it). */
  readonly text: string;
  /** What the group and reason mean for the analyst (classify().why). */
  readonly why: string;
  /** What to do about it (the CARC list's action line; empty when unknown). */
  readonly action: string;
}

/** One CAS triplet someone should work on: an actionable verdict. */
export interface WorkItem {
  /** Its verdict: class, the finding code that explains it (the diagnostic it has), and the cents to claim back. */
  readonly cls: VerdictClass;
  readonly finding: VerdictFinding | '';
  readonly recoverableCents: number;
  readonly claimId: string;
  readonly payerClaimNumber: string;
  /** "LAST, FIRST". */
  readonly patient: string;
  readonly group: string;
  readonly reason: string;
  readonly cents: number;
  readonly level: 'claim' | 'line';
  /** The service line's procedure ("HC:93000"), empty at claim level. */
  readonly procedure: string;
  readonly serviceDate?: string;
  /** Our words for the reason, else why it needs work. */
  readonly explanation: string;
  readonly action: string;
  /** True when the claim is a reversal (CLP02 22): its amounts are negated. */
  readonly reversal: boolean;
  /** The reason code and its amount in the CAS, to reveal it. */
  readonly range: Range;
}

export type BalanceCode = 'service-balance' | 'claim-balance' | 'patient-responsibility' | 'transaction-balance';

/** One balancing rule: OK, or how many places do not add up. */
export interface BalanceCheck {
  readonly code: BalanceCode;
  /** "Service lines: SVC02 − adjustments = SVC03". */
  readonly label: string;
  readonly status: 'ok' | 'problems';
  /** Number of findings with this code. */
  readonly findings: number;
  /** True when the user turned the diagnostic off (the arithmetic is still reported here). */
  readonly off: boolean;
  /** The first findings (capped), to reveal them. */
  readonly items: ReadonlyArray<{ readonly message: string; readonly range: Range }>;
}

/**
 * Where the charged money went, in cents: paid + contractual + sequestration + patient + denied + other
 * = charged when every claim balances; `unexplained` is the remainder otherwise (claim-balance says where).
 */
export interface MoneyFlowCents {
  readonly charged: number;
  readonly paid: number;
  readonly contractual: number;
  readonly sequestration: number;
  readonly patient: number;
  readonly denied: number;
  readonly recoverable: number;
  readonly other: number;
  readonly unexplained: number;
}

/** One claim, for the claims table. */
export interface ClaimRow {
  readonly id: string;
  readonly payerClaimNumber: string;
  readonly patient: string;
  readonly status: string;
  readonly statusText: string;
  /** CLP06. */
  readonly filingIndicator: string;
  /** CLP03, CLP04, CLP05: null when unreadable (element-format reports it). */
  readonly chargedCents: number | null;
  readonly paidCents: number | null;
  readonly patientCents: number | null;
  /** Triplets of the claim that need work. */
  readonly toWork: number;
  readonly range: Range;
}

/** Medicare sequestration in this file (the same verdicts as `era835 impact`), and other payers' CO-253 apart. */
export interface SequestrationSummary {
  /** Claims with CLP06 MA or MB: with none, no sequestration is expected at all. */
  readonly medicareClaims: number;
  /** CO-253 of payers that are not Medicare fee-for-service: recoverable (commercial, Medicaid) or to verify against the contract (Medicare Advantage). */
  readonly otherRecoverableCents: number;
  readonly otherToVerifyCents: number;
  /** Σ CLP04 of Medicare fee-for-service claims (CLP06 MA/MB). */
  readonly medicarePaidCents: number;
  /** Σ CO-253 (and CO-223 of 2013) on those claims. */
  readonly medicareCo253Cents: number;
  /** Σ CO-253 on every claim. */
  readonly co253Cents: number;
  /** medicareCo253 / (medicarePaid + medicareCo253); null when there is no Medicare payment. */
  readonly share: number | null;
  /** Medicare CO-253 lines off the rate table: above or below the rate (co253-amount), in a suspended period, taken twice. */
  readonly deviating: number;
  /** Σ (reported − expected) over those lines. */
  readonly deviationCents: number;
  /**
   * What to say about it, in order, as sentences the views print as they are: it never reassures about
   * what is not there (no Medicare claim: no "every CO-253 is at the rate"), and other payers' CO-253
   * has its own sentence.
   */
  readonly notes: ReadonlyArray<{ readonly tone: 'ok' | 'warn' | 'info'; readonly text: string }>;
}

export interface RemittanceSummary {
  /** Bumped when the shape changes incompatibly. */
  readonly version: 1;
  readonly transactions: readonly PaymentSummary[];
  readonly claimCount: number;
  readonly claimsByStatus: readonly StatusCount[];
  readonly totals: TotalsCents;
  /** Number of triplets that need work (actionable verdicts), and their cents. */
  readonly toWork: number;
  readonly toWorkCents: number;
  /** Σ recoverable cents of the work (what to claim back). */
  readonly toRecoverCents: number;
  /** Sorted by group, then reason. */
  readonly byReason: readonly ReasonRow[];
  /** In document order; at most `WORKLIST_LIMIT` items (`toWork` has the full count). */
  readonly worklist: readonly WorkItem[];
  readonly balance: readonly BalanceCheck[];
  readonly moneyFlow: MoneyFlowCents;
  readonly sequestration: SequestrationSummary;
  /** In document order; at most `CLAIMS_LIMIT` rows (`claimCount` has the full count). */
  readonly claims: readonly ClaimRow[];
}
