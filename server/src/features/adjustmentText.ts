import type { Analysis } from '../analysis';
import { CARC } from '../codes/carc';
import { officialText } from './codeLookup';
import { groupCode } from '../codes/lists';
import { formatPeriod, formatRate } from '../codes/sequestration';
import type { Settings } from '../settings';
import { classify, isCo223Sequestration, type Classification } from '../x835/classify';
import { payerKind } from '../x835/payerType';
import { expectedSequestration, TOLERANCE_CENTS, type SequestrationCheck } from '../x835/sequestrationCheck';
import type { Adjustment } from '../x835/types';
import { formatCents, formatDate, formatMoney } from '../x835/values';

/**
 * One CAS triplet read aloud, as markdown for the hover: who bears it, why, how much, and whether
 * anyone should work on it. For sequestration (253, and CO-223 on Medicare remits of 2013) it adds the
 * rate in force for the date that decides it, the expected amount against the reported one, and how to
 * post it. Pure: the same analysis, triplet and settings always give the same text.
 */
export function describeAdjustment(a: Analysis, adj: Adjustment, settings: Settings): string {
  const c = classify(adj);
  const reason = adj.reason.trim();
  if (reason === '253' || isCo223Sequestration(adj)) {
    const seq = sequestration(a, adj, settings);
    // When a check fails, the "needs work" paragraph replaces the reassuring classification note.
    const why = seq.needsWork && c.cls === 'sequestration' ? [] : [`_${capitalise(c.why)}._`];
    return [sentence(adj, c, seq.needsWork), ...why, ...seq.paragraphs].join('\n\n') + officialText(settings.official, 'carc', reason);
  }
  const parts = [sentence(adj, c, c.actionable), `_${capitalise(c.why)}._`];
  if (reason === '223') parts.push('CO-223 meant Medicare sequestration only on Medicare remits for services from April 2013 to January 2014 (before CO-253); here it is another legally required adjustment.');
  return parts.join('\n\n') + officialText(settings.official, 'carc', reason);
}

/** "Contractual obligation, reason 45: Billed amount is above the allowed amount..., $100.00 — not actionable" */
function sentence(adj: Adjustment, c: Classification, actionable: boolean): string {
  const group = adj.group.trim().toUpperCase();
  const groupName = groupCode.entries.get(group)?.text.split(':')[0] ?? `Group ${group || '(empty)'}`;
  const info = CARC.entries.get(adj.reason.trim().toUpperCase());
  const reasonText = info ? info.text.replace(/\.$/, '') : 'a reason code this list does not hold';
  const amount = Number.isFinite(adj.amount) ? formatMoney(adj.amount) : 'an unreadable amount';
  // For sequestration the "what to do" depends on the checks below, not on the code alone.
  const action = c.cls === 'actionable' && info?.action ? `: ${info.action.replace(/\.$/, '')}` : '';
  const verdict = actionable ? `**actionable**${action}` : 'not actionable';
  return `**${group}-${adj.reason}** · ${groupName}, reason ${adj.reason}: ${reasonText}, ${amount} — ${verdict}`;
}

/** The sequestration paragraphs: rate and date, arithmetic, verdict and posting advice. */
function sequestration(a: Analysis, adj: Adjustment, settings: Settings): { paragraphs: string[]; needsWork: boolean } {
  const check = expectedSequestration(adj, settings, a.tokens);
  if (!check) return { paragraphs: ['Sequestration: an amount here is unreadable, so the expected cut cannot be computed.'], needsWork: true };
  const out = [rateLine(check), arithmetic(adj, check)];
  const kind = payerKind(adj.claim);
  const group = adj.group.trim().toUpperCase();
  const problems: string[] = [];
  if (kind === 'other') problems.push(`the claim is not Medicare fee-for-service (CLP06 "${adj.claim.filingIndicator}"), so no law requires this cut: check the contract and appeal if it does not allow it`);
  if (kind === 'medicare-advantage') problems.push('the claim is Medicare Advantage: the plan passes the cut on only if its contract says so; check the contract');
  if (group === 'PR') problems.push('it is grouped PR, pushed to the patient: do not bill the patient; ask the payer to correct the group to CO');
  else if (group !== 'CO') problems.push(`it is grouped ${group || '(empty)'}: it belongs under CO; ask the payer to correct the group`);
  if (kind === 'medicare-ffs' && group === 'CO' && check.date) {
    if (check.lookup.status !== 'in-force') problems.push(`no sequestration was in force for this date: ask the payer to reprocess and pay back ${formatCents(check.observed)}`);
    else if (!check.withinTolerance) problems.push(`the amount is off the rate by ${formatCents(check.difference)}: ask the payer to reprocess (unless every CO-253 of the file shows one new rate, then update \`era835.sequestration.periods\`)`);
  }
  if (isDoubleTaken(adj)) problems.push('sequestration is also taken at the other level (claim and line) of this claim: ask for the double cut back');
  out.push(problems.length
    ? `**Needs work**: ${problems.join('; ')}.`
    : '**Expected and not recoverable.** Post as a contractual adjustment with its own code (Medicare sequestration), apart from denials and CO-45; do not appeal, rebill or bill the patient; carry it to a secondary payer\'s claim.');
  return { paragraphs: out, needsWork: problems.length > 0 };
}

const DATE_NAMES: Record<string, string> = {
  '472': 'line service date', '150': 'line service period start', '232': 'claim statement start', '233': 'claim statement end (discharge)',
};

function rateLine(check: SequestrationCheck): string {
  const lookup = check.lookup;
  const source = lookup.source === 'setting' ? 'your `era835.sequestration.periods`' : 'built-in table';
  if (!check.date) return 'Medicare sequestration rate: unknown, since neither the line nor the claim has a service or statement date.';
  const date = `${formatDate(check.date.date)} (DTM*${check.date.source}, ${DATE_NAMES[check.date.source]})`;
  switch (lookup.status) {
    case 'in-force': return `Medicare sequestration rate **${formatRate(lookup.rate)}** for ${date}: in force ${formatPeriod(lookup.period)} (${source}).`;
    case 'suspended': return `No sequestration for ${date}: suspended ${formatPeriod(lookup.period)} (${source}).`;
    case 'before': return `No sequestration for ${date}: it applies to services from ${lookup.source === 'table' ? '2013-04-01' : 'the first configured period'} (${source}).`;
    default: return `No sequestration period covers ${date} (${source}).`;
  }
}

function arithmetic(adj: Adjustment, check: SequestrationCheck): string {
  const paid = adj.level === 'line' ? 'SVC03 paid' : 'CLP04 paid';
  const observedRate = Number.isFinite(check.observedRate) ? ` (${formatRate(check.observedRate)})` : '';
  const match = check.withinTolerance ? 'matches' : `differs by ${formatCents(check.difference)}`;
  return `Expected ${formatRate(check.rate)} × (${paid} ${formatCents(check.paid)} + ${formatCents(check.observed)}) = **${formatCents(check.expected)}**; reported ${formatCents(check.observed)}${observedRate}: ${match} (tolerance ${formatCents(TOLERANCE_CENTS)}).`;
}

/** CO-253 at claim level and at line level of the same claim. */
function isDoubleTaken(adj: Adjustment): boolean {
  const isCo253 = (x: Adjustment) => x.reason.trim() === '253' && x.group.trim().toUpperCase() === 'CO' && x.amount !== 0;
  if (!isCo253(adj)) return false;
  const claim = adj.claim;
  return claim.adjustments.some(isCo253) && claim.lines.some((l) => l.adjustments.some(isCo253));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
