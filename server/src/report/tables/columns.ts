import { carcCategory } from '../../codes/carc';
import { procedureText } from '../describe';
import type { AdjustmentFacts, ClaimFacts, LineFacts, MoneySums, PaymentFacts } from './facts';
import { VERDICT_CLASSES } from './verdict';

/**
 * The exported tables' columns: name, kind and meaning, next to how each value is read. The names are a
 * contract (spreadsheets, DuckDB queries and warehouses use them): add columns at the end, never rename
 * or reorder. docs/export-columns.md is generated from these lists, and a test pins both.
 */

/** `money`: cents, written as a plain decimal; `count`: an integer; `date`: ISO YYYY-MM-DD or empty. */
export type ColumnKind = 'text' | 'money' | 'count' | 'date';

export interface Column<R> {
  readonly name: string;
  readonly kind: ColumnKind;
  /** One line for the docs table. */
  readonly doc: string;
  readonly get: (r: R) => string | number;
}

export type TableLevel = 'claim' | 'line' | 'adjustment';

export interface TableDef<R> {
  readonly level: TableLevel;
  /** File name stem of the table in an export directory: claims, lines, adjustments. */
  readonly stem: string;
  readonly columns: readonly Column<R>[];
}

const col = <R>(name: string, kind: ColumnKind, doc: string, get: (r: R) => string | number): Column<R> => ({ name, kind, doc, get });

/** Columns every table repeats about the payment. */
const paymentColumns = <R>(p: (r: R) => PaymentFacts): Column<R>[] => [
  col('file', 'text', 'The file, as named on the command line or relative to the workspace', (r) => p(r).file),
  col('transaction', 'text', 'ST02: the transaction set control number (one payment)', (r) => p(r).tx.controlNumber),
  col('payment_date', 'date', 'BPR16: check issue or EFT effective date', (r) => p(r).paymentDate),
  col('production_date', 'date', 'DTM*405: the date the payer produced the remittance', (r) => p(r).productionDate),
  col('trace_number', 'text', 'TRN02: check or EFT trace number', (r) => p(r).tx.trace?.number ?? ''),
  col('payer', 'text', 'N1*PR02: payer name', (r) => p(r).payer),
  col('payer_id', 'text', 'N1*PR04, else TRN03: payer identifier', (r) => p(r).payerId),
  col('payee', 'text', 'N1*PE02: payee name', (r) => p(r).payee),
  col('payee_npi', 'text', 'N1*PE04 when N103 is XX: payee NPI', (r) => p(r).payeeNpi),
];

/** Columns every table repeats about the claim. */
const claimIdColumns = <R>(c: (r: R) => ClaimFacts): Column<R>[] => [
  col('claim_id', 'text', "CLP01: patient control number (the provider's claim id)", (r) => c(r).claim.id),
  col('claim_status', 'text', 'CLP02: claim status code', (r) => c(r).claim.status.trim()),
  col('claim_status_text', 'text', 'CLP02 in words', (r) => c(r).statusText),
  col('filing_indicator', 'text', 'CLP06: claim filing indicator (MA, MB: Medicare fee-for-service)', (r) =>
    c(r).claim.filingIndicator.trim(),
  ),
  col('payer_claim_number', 'text', 'CLP07: payer claim control number', (r) => c(r).claim.payerControlNumber),
  col('patient', 'text', 'NM1*QC: patient name, LAST, FIRST', (r) => c(r).patient),
  col('subscriber_id', 'text', 'NM1*IL09, else NM1*QC09: subscriber or member id', (r) => c(r).subscriberId),
];

/** PR split, verdict classes, work and recoverable money over a set of triplets. */
const sumColumns = <R>(s: (r: R) => MoneySums, of: string): Column<R>[] => [
  col('deductible', 'money', `PR-1 adjustments of the ${of}`, (r) => s(r).deductible),
  col('coinsurance', 'money', `PR-2 adjustments of the ${of}`, (r) => s(r).coinsurance),
  col('copay', 'money', `PR-3 adjustments of the ${of}`, (r) => s(r).copay),
  col('other_pr', 'money', `Other PR adjustments of the ${of}`, (r) => s(r).otherPr),
  ...VERDICT_CLASSES.map((c) =>
    col<R>(`class_${c}`, 'money', `Adjustments of the ${of} whose verdict class is ${c.replace('_', ' ')}`, (r) => s(r).byClass[c]),
  ),
  col('to_work', 'count', `Triplets of the ${of} that need work (verdict: actionable)`, (r) => s(r).toWork),
  col('to_work_amount', 'money', `Their amount`, (r) => s(r).toWorkAmount),
  col('recoverable_amount', 'money', `Money of the ${of} that can be asked back (verdicts)`, (r) => s(r).recoverable),
];

/** One row per claim (CLP). */
export const CLAIM_TABLE: TableDef<ClaimFacts> = {
  level: 'claim',
  stem: 'claims',
  columns: [
    ...paymentColumns<ClaimFacts>((r) => r.payment),
    ...claimIdColumns<ClaimFacts>((r) => r),
    col('rendering_npi', 'text', 'NM1*82 09 when NM108 is XX: rendering provider NPI', (r) => r.renderingNpi),
    col('service_from', 'date', 'DTM*232, else the earliest line date', (r) => r.serviceFrom),
    col('service_to', 'date', 'DTM*233, else the latest line date', (r) => r.serviceTo),
    col('charge', 'money', 'CLP03: charged', (r) => r.claim.charge),
    col('paid', 'money', 'CLP04: paid', (r) => r.claim.paid),
    col('patient_responsibility', 'money', 'CLP05: patient responsibility as the payer states it', (r) => r.claim.patientResponsibility),
    col('allowed', 'money', "Sum of the lines' AMT*B6 when every line has one, else computed (see allowed_source)", (r) => r.allowed),
    col(
      'allowed_source',
      'text',
      '`AMT*B6`, or `computed`: charge minus the contractual and needs-work adjustments',
      (r) => r.allowedSource,
    ),
    ...sumColumns<ClaimFacts>((r) => r.sums, 'claim (claim level and lines)'),
    col('lines', 'count', 'Number of service lines (SVC)', (r) => r.claim.lines.length),
  ],
};

/** One row per service line (SVC). */
export const LINE_TABLE: TableDef<LineFacts> = {
  level: 'line',
  stem: 'lines',
  columns: [
    ...paymentColumns<LineFacts>((r) => r.claim.payment),
    ...claimIdColumns<LineFacts>((r) => r.claim),
    col('line_number', 'count', 'Position of the line in its claim, from 1', (r) => r.number),
    col('line_control_number', 'text', 'REF*6R: line item control number', (r) => r.line.controlNumber ?? ''),
    col('procedure', 'text', 'SVC01: qualifier:code:modifiers', (r) => procedureText(r.line.procedure)),
    col('revenue_code', 'text', 'SVC04: revenue code', (r) => r.line.revenueCode.trim()),
    col('units_paid', 'text', 'SVC05: units paid', (r) => r.line.unitsPaid ?? ''),
    col('rendering_npi', 'text', "REF*HPI of the line, else the claim's NM1*82 NPI", (r) => r.renderingNpi),
    col('service_from', 'date', "DTM*472 or DTM*150, else the claim's DTM*232", (r) => r.serviceFrom),
    col('service_to', 'date', 'DTM*151, else the service date', (r) => r.serviceTo),
    col('charge', 'money', 'SVC02: charged', (r) => r.line.charge),
    col('paid', 'money', 'SVC03: paid', (r) => r.line.paid),
    col('allowed', 'money', 'AMT*B6, else computed (see allowed_source)', (r) => r.allowed),
    col(
      'allowed_source',
      'text',
      '`AMT*B6`, or `computed`: charge minus the contractual and needs-work adjustments',
      (r) => r.allowedSource,
    ),
    ...sumColumns<LineFacts>((r) => r.sums, 'line'),
    col('remarks', 'text', 'LQ02 remark codes, space-separated', (r) => r.remarks),
  ],
};

/**
 * One row per CAS triplet. The first fourteen columns are the adjustments CSV of earlier versions, in
 * the same order.
 */
export const ADJUSTMENT_TABLE: TableDef<AdjustmentFacts> = {
  level: 'adjustment',
  stem: 'adjustments',
  columns: [
    col('file', 'text', 'The file, as named on the command line or relative to the workspace', (r) => r.claim.payment.file),
    col('payer', 'text', 'N1*PR02: payer name', (r) => r.claim.payment.payer),
    col('trace_number', 'text', 'TRN02: check or EFT trace number', (r) => r.claim.payment.tx.trace?.number ?? ''),
    col('claim_id', 'text', 'CLP01: patient control number', (r) => r.claim.claim.id),
    col('payer_claim_number', 'text', 'CLP07: payer claim control number', (r) => r.claim.claim.payerControlNumber),
    col('patient', 'text', 'NM1*QC: patient name, LAST, FIRST', (r) => r.claim.patient),
    col(
      'service_date',
      'date',
      "The line's DTM*472/150, else the claim's DTM*232",
      (r) => r.line?.serviceFrom ?? dateOnly(r.claim.claim.statementFrom, r),
    ),
    col('procedure', 'text', 'SVC01 of the line (empty at claim level)', (r) => (r.line ? procedureText(r.line.line.procedure) : '')),
    col('group', 'text', 'CAS01: group code (CO, PR, OA, PI, CR)', (r) => r.adj.group.trim().toUpperCase()),
    col('reason', 'text', 'CARC reason code', (r) => r.adj.reason.trim().toUpperCase()),
    col('amount', 'money', 'Adjustment amount', (r) => r.adj.amount),
    col(
      'category',
      'text',
      "The reason's category in our code list (contractual, denial, patient...)",
      (r) => carcCategory(r.adj.reason.trim()) ?? '',
    ),
    col('class', 'text', 'Verdict class: contractual, sequestration, patient, needs_work, recoverable, other', (r) => r.verdict.cls),
    col('actionable', 'text', 'Verdict: yes when someone should work on it', (r) => (r.verdict.actionable ? 'yes' : 'no')),
    col('level', 'text', '`claim` (CAS in the claim loop) or `line`', (r) => r.adj.level),
    col('line_number', 'count', 'Position of the line in its claim, from 1 (empty at claim level)', (r) => r.line?.number ?? ''),
    col('line_control_number', 'text', 'REF*6R of the line', (r) => r.line?.line.controlNumber ?? ''),
    col('transaction', 'text', 'ST02: the transaction set control number', (r) => r.claim.payment.tx.controlNumber),
    col('payment_date', 'date', 'BPR16: check issue or EFT effective date', (r) => r.claim.payment.paymentDate),
    col('payer_id', 'text', 'N1*PR04, else TRN03', (r) => r.claim.payment.payerId),
    col('payee_npi', 'text', 'N1*PE04 when N103 is XX', (r) => r.claim.payment.payeeNpi),
    col('claim_status', 'text', 'CLP02: claim status code', (r) => r.claim.claim.status.trim()),
    col('filing_indicator', 'text', 'CLP06: claim filing indicator', (r) => r.claim.claim.filingIndicator.trim()),
    col('recoverable_amount', 'money', 'Verdict: cents that can be asked back', (r) => r.verdict.recoverable),
    col('finding', 'text', 'Verdict: the finding code that explains it', (r) => r.verdict.finding),
    col('action', 'text', 'Verdict: what to do, in words', (r) => r.verdict.action),
  ],
};

/** The claim's statement date when the triplet has no line (claim level). */
function dateOnly(d: number | undefined, r: AdjustmentFacts): string {
  return d === undefined ? '' : r.claim.serviceFrom;
}

export const TABLES = { claim: CLAIM_TABLE, line: LINE_TABLE, adjustment: ADJUSTMENT_TABLE } as const;
