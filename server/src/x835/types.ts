import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import type { CasColumns, ModelStore } from './records';

/**
 * The 835 as an analyst thinks of it. Every object keeps the index of the segment it came from
 * (`seg`) so features can point back at the exact bytes; amounts are integer cents (`NaN` when the
 * element is present but unreadable, which a rule reports), dates are comparable numbers (20240131).
 */

/** Loops and envelope levels, the value stored per segment in `Model.segLoop`. */
export const enum Loop {
  None = 0,
  Interchange,
  Group,
  Header,
  Payer,
  Payee,
  HeaderNumber,
  Claim,
  ServiceLine,
  Summary,
  TransactionEnd,
  GroupEnd,
  InterchangeEnd,
  /** Inside a transaction set that is not an 835 (837, 270...): syntax only. */
  Foreign,
}

export const LOOP_LABELS: Readonly<Record<Loop, { id: string; name: string }>> = {
  [Loop.None]: { id: '', name: 'Outside any interchange' },
  [Loop.Interchange]: { id: 'ISA', name: 'Interchange header' },
  [Loop.Group]: { id: 'GS', name: 'Functional group header' },
  [Loop.Header]: { id: 'Header', name: 'Transaction header' },
  [Loop.Payer]: { id: '1000A', name: 'Payer identification' },
  [Loop.Payee]: { id: '1000B', name: 'Payee identification' },
  [Loop.HeaderNumber]: { id: '2000', name: 'Header number' },
  [Loop.Claim]: { id: '2100', name: 'Claim payment information' },
  [Loop.ServiceLine]: { id: '2110', name: 'Service payment information' },
  [Loop.Summary]: { id: 'Summary', name: 'Provider adjustment (summary)' },
  [Loop.TransactionEnd]: { id: 'SE', name: 'Transaction set trailer' },
  [Loop.GroupEnd]: { id: 'GE', name: 'Functional group trailer' },
  [Loop.InterchangeEnd]: { id: 'IEA', name: 'Interchange trailer' },
  [Loop.Foreign]: { id: 'other', name: 'Transaction set that is not an 835' },
};

export interface Interchange {
  readonly seg: number;
  ieaSeg?: number;
  readonly controlNumber: string;
  readonly sender: string;
  readonly receiver: string;
  readonly groups: Group[];
}

export interface Group {
  readonly seg: number;
  geSeg?: number;
  readonly interchange: Interchange;
  readonly controlNumber: string;
  readonly version: string;
  readonly transactions: Transaction[];
}

export interface Payment {
  readonly seg: number;
  readonly handling: string;
  readonly amount: number;
  readonly creditDebit: string;
  readonly method: string;
  readonly format: string;
  /** BPR16: check issue or EFT effective date. */
  readonly date?: number;
}

export interface Trace {
  readonly seg: number;
  /** TRN02: check or EFT trace number. */
  readonly number: string;
  readonly originatorId: string;
}

export interface Party {
  readonly seg: number;
  readonly entity: string;
  readonly name: string;
  readonly idQualifier: string;
  readonly id: string;
}

export interface Person {
  readonly seg: number;
  readonly entity: string;
  readonly last: string;
  readonly first: string;
  readonly middle: string;
  readonly idQualifier: string;
  readonly id: string;
}

export interface Transaction {
  readonly seg: number;
  seSeg?: number;
  lastSeg: number;
  readonly group: Group | undefined;
  /** ST01: '835' for the transactions this product models; others keep syntax features only. */
  readonly setId: string;
  readonly controlNumber: string;
  readonly implementation: string;
  payment?: Payment;
  trace?: Trace;
  /** DTM*405. */
  productionDate?: number;
  payer?: Party;
  payee?: Party;
  readonly claims: Claim[];
  readonly providerAdjustments: ProviderAdjustment[];
}

export type AdjustmentLevel = 'claim' | 'line';

/** One CAS triplet: group + reason + amount (+ quantity), with the element positions it came from. */
export interface Adjustment {
  readonly seg: number;
  /** 0..5: which triplet of the CAS. */
  readonly triplet: number;
  readonly group: string;
  readonly reason: string;
  readonly amount: number;
  readonly quantity?: number;
  /** Element index of the reason (2, 5, 8, ...); the amount is the next element. */
  readonly reasonElem: number;
  readonly level: AdjustmentLevel;
  readonly claim: Claim;
  readonly line?: ServiceLine;
}

/** A remark code from LQ (service line) or MOA/MIA (claim). */
export interface Remark {
  readonly seg: number;
  readonly elem: number;
  readonly qualifier: string;
  readonly code: string;
}

export interface Procedure {
  readonly qualifier: string;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly description: string;
}

export interface ServiceLine {
  /** The line's row in the model's line columns (`Model.store.lines`). */
  readonly index: number;
  readonly seg: number;
  readonly lastSeg: number;
  readonly claim: Claim;
  readonly procedure: Procedure;
  readonly charge: number;
  readonly paid: number;
  readonly revenueCode: string;
  readonly unitsPaid?: number;
  readonly submittedProcedure?: Procedure;
  /** DTM*472, or DTM*150 (period start). */
  readonly serviceDate?: number;
  /** DTM*151 (period end). */
  readonly serviceDateEnd?: number;
  /** REF*6R line item control number. */
  readonly controlNumber?: string;
  /** AMT*B6 allowed amount. */
  readonly allowed?: number;
  readonly adjustments: Adjustment[];
  readonly remarks: Remark[];
}

export interface Claim {
  /** The claim's row in the model's claim columns (`Model.store.claims`); its triplets' verdicts are found by it. */
  readonly index: number;
  readonly seg: number;
  readonly lastSeg: number;
  readonly transaction: Transaction;
  /** CLP01 patient control number (the provider's claim id). */
  readonly id: string;
  readonly status: string;
  readonly charge: number;
  readonly paid: number;
  /** CLP05, 0 when absent. */
  readonly patientResponsibility: number;
  readonly filingIndicator: string;
  /** CLP07 payer claim control number. */
  readonly payerControlNumber: string;
  readonly facilityType: string;
  readonly frequency: string;
  /** NM1*QC, NM1*IL, NM1*74: read from the text on each access (a fresh object each time). */
  readonly patient?: Person;
  readonly insured?: Person;
  readonly correctedPatient?: Person;
  /** DTM*232 / DTM*233. */
  readonly statementFrom?: number;
  readonly statementTo?: number;
  /** DTM*050. */
  readonly received?: number;
  readonly adjustments: Adjustment[];
  readonly lines: ServiceLine[];
  readonly remarks: Remark[];
}

/** One reason/amount pair of a PLB. */
export interface ProviderAdjustment {
  readonly seg: number;
  /** 0..5: which pair of the PLB. */
  readonly pair: number;
  readonly providerId: string;
  readonly fiscalDate?: number;
  readonly reason: string;
  readonly reference: string;
  /** Positive amounts are withheld from the payment, negative ones added to it. */
  readonly amount: number;
  /** Element index of the reason composite (3, 5, ...); the amount is the next element. */
  readonly elem: number;
  readonly transaction: Transaction;
}

export interface Model {
  readonly tokens: SegmentTable;
  readonly interchanges: Interchange[];
  readonly transactions: Transaction[];
  /** Every claim in document order. */
  readonly claims: Claim[];
  /** Every CAS triplet in document order (claim and line level), as columns; `cas.at(i)` / `cas.all()` give objects. */
  readonly cas: CasColumns;
  /** The columns behind `claims`, their lines and `cas` (x835/records.ts): rules that visit every row read these. */
  readonly store: ModelStore;
  readonly providerAdjustments: ProviderAdjustment[];
  /** The loop each segment belongs to (`Loop`), parallel to the segment table. */
  readonly segLoop: Uint8Array;
  /** Each segment's id as a `SegId` (x835/segmentIds.ts; 0 for ids the 835 does not have), parallel to the segment table. */
  readonly segIds: Uint8Array;
  /** Structure findings: unknown and out-of-place segments, non-835 transactions. */
  readonly findings: Finding[];
}
