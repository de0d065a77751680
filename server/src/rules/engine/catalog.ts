import type { Severity } from '../../x12/finding';

/**
 * The diagnostic-code contract: every code a finding may carry, its default severity and a short title.
 * Codes are stable (tests, settings `era835.rules.<code>` and the README use them): add, never rename.
 */
export interface CodeEntry {
  readonly severity: Severity;
  readonly title: string;
}

export const DIAGNOSTIC_CODES = {
  'isa-invalid': { severity: 'error', title: 'No usable ISA: the delimiters cannot be read' },
  'encoding-invalid': { severity: 'warning', title: 'Bytes that are not UTF-8 (kept as they are; reported by era835 check)' },
  'isa-width': { severity: 'warning', title: 'ISA fields are not their fixed widths (delimiters still readable)' },
  'segment-unterminated': { severity: 'warning', title: 'The last segment has no terminator (truncated file?)' },
  'not-835': { severity: 'information', title: 'An X12 transaction set that is not an 835: syntax features only' },
  'segment-unknown': { severity: 'warning', title: 'Not an 835 segment' },
  'segment-out-of-place': { severity: 'warning', title: 'Segment not allowed here in the loop structure' },
  'segment-missing': { severity: 'error', title: 'A required segment or envelope trailer is missing' },
  'segment-repeat': { severity: 'warning', title: 'A segment repeats more often than the guide allows' },
  'element-required': { severity: 'warning', title: 'A required element is missing' },
  'element-format': { severity: 'warning', title: 'Bad number, date, time or length' },
  'element-code': { severity: 'warning', title: 'Value not in its code list' },
  'element-extra': { severity: 'warning', title: 'More elements than the segment defines' },
  'se-count': { severity: 'error', title: 'SE01 differs from the segments counted from ST to SE' },
  'control-number-mismatch': { severity: 'error', title: 'ST02/SE02, GS06/GE02 or ISA13/IEA02 differ' },
  'envelope-count': { severity: 'error', title: 'GE01 or IEA01 differ from the transactions or groups counted' },
  'envelope-version': { severity: 'warning', title: 'GS08/ST03 is not 005010X221A1, or ST01 is not 835' },
  'service-balance': { severity: 'warning', title: 'SVC02 - line adjustments != SVC03' },
  'claim-balance': { severity: 'warning', title: 'CLP03 - claim and line adjustments != CLP04' },
  'patient-responsibility': { severity: 'warning', title: 'CLP05 != sum of PR adjustments' },
  'transaction-balance': { severity: 'warning', title: 'BPR02 != sum of CLP04 - sum of PLB amounts' },
  'co253-sequestration': { severity: 'information', title: 'Medicare sequestration at the expected rate: not actionable' },
  'co253-amount': { severity: 'warning', title: 'CO-253 differs from the rate in force for the service date' },
  'co253-non-medicare': { severity: 'warning', title: 'Sequestration on a claim that is not Medicare fee-for-service' },
  'co253-suspended-period': { severity: 'warning', title: 'Sequestration taken while it was suspended (or not yet in force)' },
  'co253-group': { severity: 'warning', title: 'Reason 253 under a group other than CO (e.g. billed to the patient)' },
  'co253-duplicate': { severity: 'warning', title: 'Sequestration taken at claim level and again at line level' },
  'co253-unknown-rate': { severity: 'warning', title: 'Every CO-253 applies one rate the rate table does not know' },
  'co253-reversal': {
    severity: 'information',
    title: 'Sequestration in a reversal (CLP02 22): the undoing of the original, nothing to claim',
  },
  'reversal-pair': {
    severity: 'information',
    title: 'A reversal (CLP02 22) and its original in another file of the workspace, with the net effect on the CO-253',
  },
  'internal-error': {
    severity: 'error',
    title: 'A check failed on this file (a bug in the inspector): please report it with a redacted sample',
  },
  'adjustment-actionable': { severity: 'warning', title: 'An adjustment that usually needs work (the worklist)' },
} as const satisfies Record<string, CodeEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function defaultSeverity(code: string): Severity {
  return (DIAGNOSTIC_CODES as Record<string, CodeEntry>)[code]?.severity ?? 'warning';
}
