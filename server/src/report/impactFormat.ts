/**
 * How the impact table is shown, shared by the command line and the VS Code client (which renders the
 * table the server computed; see ImpactTable in impactTable.ts). Pure formatting: no computation.
 */

/** The month key of transactions whose payment date is not a date. */
export const UNKNOWN_MONTH = 'unknown';

/** The share as a percentage with two decimals ("1.99"), "" without a base. */
export function sharePercent(share: number | null): string {
  return share === null ? '' : (Math.round(share * 10_000) / 100).toFixed(2);
}
