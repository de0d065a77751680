import type { Adjustment, Claim, ServiceLine } from '../../x835/types';
import { formatCents, formatMoney } from '../../x835/values';
import type { VerdictClass, Verdicts } from '../../x835/verdicts';

/**
 * "Why was this paid less than charged": the charge walked down to the payment, one step per verdict
 * class (x835/verdicts.ts, the same classes the summary and the CSV add up), in the order an analyst
 * reasons about it: charged → contractual → allowed → patient responsibility → sequestration →
 * recoverable → needs work → other → paid. All arithmetic in integer cents.
 */

interface Step {
  readonly label: string;
  readonly cls: VerdictClass;
}

const STEPS: readonly Step[] = [
  { label: 'Contractual', cls: 'contractual' },
  { label: 'Patient responsibility', cls: 'patientResponsibility' },
  { label: 'Sequestration (Medicare)', cls: 'sequestration' },
  { label: 'Recoverable', cls: 'recoverable' },
  { label: 'Needs work', cls: 'needsWork' },
  { label: 'Other', cls: 'other' },
];

/** Codes shown per row before "+N more". */
const MAX_CODES = 4;

/** A triplet with its row in the verdict columns. */
interface Judged {
  readonly adj: Adjustment;
  readonly row: number;
}

/** The triplets of CAS rows from..to-1 as objects with their rows. */
function judged(verdicts: Verdicts, from: number, to: number): Judged[] {
  const cas = verdicts.store.cas;
  const out: Judged[] = [];
  for (let r = from; r < to; r++) out.push({ adj: cas.at(r), row: r });
  return out;
}

const code = (adj: Adjustment) => `${adj.group || '?'}-${adj.reason || '?'}`;
const minus = (cents: number) => (cents < 0 ? `+${formatMoney(-cents)}` : `−${formatMoney(cents)}`);

/** "CO-45 $100.00, CO-253 $1.60" (one entry per code, amounts summed), shortened past MAX_CODES. */
function codeSummary(items: readonly Judged[]): string {
  const byCode = new Map<string, number>();
  for (const { adj } of items) byCode.set(code(adj), (byCode.get(code(adj)) ?? 0) + adj.amount);
  const parts = [...byCode].map(([c, cents]) => `${c} ${formatMoney(cents)}`);
  return parts.length > MAX_CODES ? `${parts.slice(0, MAX_CODES).join(', ')} +${parts.length - MAX_CODES} more` : parts.join(', ');
}

/**
 * The waterfall as a markdown table. `charged` and `paid` are the reported totals (CLP03/CLP04 or
 * SVC02/SVC03); when they do not balance with the adjustments the gap is shown, never hidden.
 */
function waterfallTable(
  verdicts: Verdicts,
  charged: number,
  paid: number,
  items: readonly Judged[],
  labels: { charged: string; paid: string },
): string {
  const rows: string[] = ['| | |', '|:--|--:|', `| Charged (${labels.charged}) | ${formatMoney(charged)} |`];
  let running = charged;
  STEPS.forEach((step, i) => {
    const these = items.filter((x) => verdicts.classOf(x.row) === step.cls && Number.isFinite(x.adj.amount));
    const sum = these.reduce((s, x) => s + x.adj.amount, 0);
    if (these.length) rows.push(`| ${step.label}: ${codeSummary(these)} | ${minus(sum)} |`);
    running -= sum;
    if (i === 0) rows.push(`| **= Allowed** | **${formatMoney(running)}** |`);
  });
  rows.push(`| **= Paid (${labels.paid})** | **${formatMoney(paid)}** |`);
  const gap = running - paid;
  if (Number.isFinite(gap) && gap !== 0) rows.push(`| ⚠ Not explained by adjustments | ${formatMoney(gap)} |`);
  return rows.join('\n');
}

/** The claim's triplets (claim and line level), in document order, with their rows. */
export function claimJudged(verdicts: Verdicts, claim: Claim): Judged[] {
  const [from, to] = verdicts.claimRows(claim.index);
  return judged(verdicts, from, to);
}

/** The line's triplets with their rows. */
function lineJudged(verdicts: Verdicts, line: ServiceLine): Judged[] {
  const lines = verdicts.store.lines;
  return judged(verdicts, lines.casFrom[line.index], lines.casTo[line.index]);
}

/** The claim's waterfall (claim- and line-level adjustments together). */
export function claimWaterfall(verdicts: Verdicts, claim: Claim): string {
  return waterfallTable(verdicts, claim.charge, claim.paid, claimJudged(verdicts, claim), { charged: 'CLP03', paid: 'CLP04' });
}

/** One service line's waterfall. */
export function lineWaterfall(verdicts: Verdicts, line: ServiceLine): string {
  return waterfallTable(verdicts, line.charge, line.paid, lineJudged(verdicts, line), { charged: 'SVC02', paid: 'SVC03' });
}

/** The claim's work, as "⚠ Needs work: CO-16 $50.00 (line 2), CO-253 $10.00 (line 1, 6.80 to recover)"; '' when none. */
export function claimWork(verdicts: Verdicts, claim: Claim, where: (adj: Adjustment) => string): string {
  return workSummary(verdicts, claimJudged(verdicts, claim), where);
}

/** The line's work (see `claimWork`). */
export function lineWork(verdicts: Verdicts, line: ServiceLine): string {
  return workSummary(verdicts, lineJudged(verdicts, line), () => '');
}

function workSummary(verdicts: Verdicts, items: readonly Judged[], where: (adj: Adjustment) => string): string {
  const work = items.filter((x) => verdicts.isActionable(x.row));
  if (!work.length) return '';
  const recover = (row: number) => (verdicts.recoverable[row] > 0 ? `${formatCents(verdicts.recoverable[row])} to recover` : '');
  const list = work
    .slice(0, MAX_CODES)
    .map((x) => {
      const notes = [where(x.adj).replace(/^ \((.*)\)$/, '$1'), recover(x.row)].filter(Boolean).join(', ');
      return `${code(x.adj)} ${formatMoney(x.adj.amount)}${notes ? ` (${notes})` : ''}`;
    })
    .join(', ');
  const more = work.length > MAX_CODES ? ` +${work.length - MAX_CODES} more` : '';
  return `⚠ Needs work: ${list}${more}`;
}
