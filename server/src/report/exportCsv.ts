import type { Analysis } from '../analysis';
import { classify } from '../x835/classify';
import { claimAdjustments } from '../x835/totals';
import { csvRecord, decimalOf } from './csv';
import { patientName, procedureText, serviceDateOf } from './describe';

/**
 * Every CAS triplet as one CSV record, for spreadsheets and posting checks: which file, payer and
 * payment it came with, which claim and line, the group and reason, the amount as a plain decimal,
 * the reason's category, our class and whether it needs work. RFC 4180 (see csv.ts).
 * Unreadable amounts are left empty (element-format reports them).
 */

export const ADJUSTMENT_COLUMNS = [
  'file', 'payer', 'trace_number', 'claim_id', 'payer_claim_number', 'patient', 'service_date', 'procedure',
  'group', 'reason', 'amount', 'category', 'class', 'actionable',
] as const;

/** The header record (CRLF-terminated). */
export const ADJUSTMENT_CSV_HEADER = csvRecord(ADJUSTMENT_COLUMNS);

export interface AdjustmentRecords {
  /** CRLF-terminated records, without the header. */
  readonly csv: string;
  readonly rows: number;
}

/** The records of one analysed file, in document order; `file` is the name the first column shows. */
export function adjustmentRecords(a: Analysis, file: string): AdjustmentRecords {
  const parts: string[] = [];
  for (const tx of a.model.transactions) {
    if (tx.setId !== '835') continue;
    const payer = tx.payer?.name.trim() ?? '';
    const trace = tx.trace?.number ?? '';
    for (const claim of tx.claims) {
      const patient = patientName(claim);
      for (const adj of claimAdjustments(claim)) {
        const c = classify(adj);
        parts.push(csvRecord([
          file, payer, trace, claim.id, claim.payerControlNumber, patient, serviceDateOf(adj),
          adj.line ? procedureText(adj.line.procedure) : '',
          adj.group.trim().toUpperCase(), adj.reason.trim().toUpperCase(), decimalOf(adj.amount),
          c.category ?? '', c.cls, c.actionable ? 'yes' : 'no',
        ]));
      }
    }
  }
  return { csv: parts.join(''), rows: parts.length };
}

/** A whole CSV document for one file: header plus its records. */
export function adjustmentsCsv(a: Analysis, file: string): string {
  return ADJUSTMENT_CSV_HEADER + adjustmentRecords(a, file).csv;
}
