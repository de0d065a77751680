import { classify, type AdjustmentClass } from '../../x835/classify';
import type { Adjustment, Claim, ServiceLine } from '../../x835/types';
import { formatMoney } from '../../x835/values';

/**
 * "Why was this paid less than charged": the charge walked down to the payment, one step per kind of
 * adjustment (classified by x835/classify), in the order an analyst reasons about it:
 * charged → contractual → allowed → patient responsibility → sequestration → other/denied → paid.
 * All arithmetic in integer cents.
 */

interface Step {
  readonly label: string;
  readonly cls: AdjustmentClass[];
}

const STEPS: readonly Step[] = [
  { label: 'Contractual', cls: ['contractual'] },
  { label: 'Patient responsibility', cls: ['patientResponsibility'] },
  { label: 'Sequestration', cls: ['sequestration'] },
  { label: 'Other / denied', cls: ['actionable', 'other'] },
];

/** Codes shown per row before "+N more". */
const MAX_CODES = 4;

/** The adjustments of a claim: its own CAS and every line's, in document order. */
export function allAdjustments(claim: Claim): Adjustment[] {
  return [...claim.adjustments, ...claim.lines.flatMap((l) => l.adjustments)].sort((x, y) => x.seg - y.seg || x.triplet - y.triplet);
}

const code = (adj: Adjustment) => `${adj.group || '?'}-${adj.reason || '?'}`;
const minus = (cents: number) => (cents < 0 ? `+${formatMoney(-cents)}` : `−${formatMoney(cents)}`);

/** "CO-45 $100.00, CO-253 $1.60" (one entry per code, amounts summed), shortened past MAX_CODES. */
function codeSummary(adjs: readonly Adjustment[]): string {
  const byCode = new Map<string, number>();
  for (const a of adjs) byCode.set(code(a), (byCode.get(code(a)) ?? 0) + a.amount);
  const parts = [...byCode].map(([c, cents]) => `${c} ${formatMoney(cents)}`);
  return parts.length > MAX_CODES ? `${parts.slice(0, MAX_CODES).join(', ')} +${parts.length - MAX_CODES} more` : parts.join(', ');
}

/**
 * The waterfall as a markdown table. `charged` and `paid` are the reported totals (CLP03/CLP04 or
 * SVC02/SVC03); when they do not balance with the adjustments the gap is shown, never hidden.
 */
export function waterfallTable(charged: number, paid: number, adjs: readonly Adjustment[], labels: { charged: string; paid: string }): string {
  const rows: string[] = ['| | |', '|:--|--:|', `| Charged (${labels.charged}) | ${formatMoney(charged)} |`];
  const groups = STEPS.map((s) => adjs.filter((a) => s.cls.includes(classify(a).cls)));
  let running = charged;
  STEPS.forEach((step, i) => {
    const these = groups[i];
    const sum = these.reduce((s, a) => s + a.amount, 0);
    if (these.length) rows.push(`| ${step.label}: ${codeSummary(these)} | ${minus(sum)} |`);
    running -= sum;
    if (i === 0) rows.push(`| **= Allowed** | **${formatMoney(running)}** |`);
  });
  rows.push(`| **= Paid (${labels.paid})** | **${formatMoney(paid)}** |`);
  const gap = running - paid;
  if (Number.isFinite(gap) && gap !== 0) rows.push(`| ⚠ Not explained by adjustments | ${formatMoney(gap)} |`);
  return rows.join('\n');
}

/** The claim's waterfall (claim- and line-level adjustments together). */
export function claimWaterfall(claim: Claim): string {
  return waterfallTable(claim.charge, claim.paid, allAdjustments(claim), { charged: 'CLP03', paid: 'CLP04' });
}

/** One service line's waterfall. */
export function lineWaterfall(line: ServiceLine): string {
  return waterfallTable(line.charge, line.paid, line.adjustments, { charged: 'SVC02', paid: 'SVC03' });
}

/** The adjustments someone should work on, as "CO-16 $50.00 (line 2)" style text; '' when none. */
export function actionableSummary(adjs: readonly Adjustment[], where: (adj: Adjustment) => string): string {
  const work = adjs.filter((a) => classify(a).actionable);
  if (!work.length) return '';
  const list = work.slice(0, MAX_CODES).map((a) => `${code(a)} ${formatMoney(a.amount)}${where(a)}`).join(', ');
  const more = work.length > MAX_CODES ? ` +${work.length - MAX_CODES} more` : '';
  return `⚠ Needs work: ${list}${more}`;
}
