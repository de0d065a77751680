import type { Analysis } from '../analysis';
import { CARC } from '../codes/carc';
import { officialText } from './codeLookup';
import { groupCode } from '../codes/lists';
import { formatPeriod, formatRate } from '../codes/sequestration';
import type { Settings } from '../settings';
import { classify, isCo223Sequestration, type Classification } from '../x835/classify';
import { payerKind } from '../x835/payerType';
import { expectedSequestration, TOLERANCE_CENTS, type SequestrationCheck } from '../x835/sequestrationCheck';
import { CLASS_WORDS, type Verdict } from '../x835/verdicts';
import type { Adjustment } from '../x835/types';
import { formatCents, formatDate, formatMoney } from '../x835/values';

/**
 * One CAS triplet read aloud, as markdown for the hover: who bears it, why, how much, and its verdict
 * (x835/verdicts.ts: the class, whether anyone should work on it, what to recover, what to do), read
 * from the analysis, never judged again here. For sequestration reasons (253, and CO-223 on Medicare
 * remits of 2013) it adds the rate in force for the date that decides it and the expected amount against
 * the reported one. Pure: the same analysis, triplet and settings always give the same text.
 */
export function describeAdjustment(a: Analysis, adj: Adjustment, settings: Settings): string {
  const c = classify(adj);
  const reason = adj.reason.trim();
  const row = a.model.cas.rowOf(adj.seg, adj.triplet);
  const v = row >= 0 && row < a.verdicts.length ? a.verdicts.at(row) : undefined;
  const actionable = v?.actionable ?? false;
  const head = sentence(adj, c, actionable, v?.action ?? '');
  const verdict = v ? verdictLine(v) : '';
  if (reason === '253' || isCo223Sequestration(adj)) {
    const seq = sequestration(a, adj, settings, v);
    // When the verdict is not the expected cut, its paragraph replaces the reassuring classification note.
    const why = v && v.finding !== 'co253-sequestration' && !v.reversal ? [] : [`_${capitalise(c.why)}._`];
    return [head, ...why, ...seq, verdict].filter(Boolean).join('\n\n') + officialText(settings.official, 'carc', reason);
  }
  const parts = [head, `_${capitalise(c.why)}._`];
  if (reason === '223')
    parts.push(
      'CO-223 meant Medicare sequestration only on Medicare remits for services from April 2013 to January 2014 (before CO-253); here it is another legally required adjustment.',
    );
  if (v && (v.reversal || v.reversedInFile)) parts.push(verdict);
  return parts.join('\n\n') + officialText(settings.official, 'carc', reason);
}

/** "Contractual obligation, reason 45: Billed amount is above the allowed amount..., $100.00 — not actionable" */
function sentence(adj: Adjustment, c: Classification, actionable: boolean, action: string): string {
  const group = adj.group.trim().toUpperCase();
  const groupName = groupCode.entries.get(group)?.text.split(':')[0] ?? `Group ${group || '(empty)'}`;
  const info = CARC.entries.get(adj.reason.trim().toUpperCase());
  const reasonText = info ? info.text.replace(/\.$/, '') : 'a reason code this list does not hold';
  const amount = Number.isFinite(adj.amount) ? formatMoney(adj.amount) : 'an unreadable amount';
  // For a denial the reason's own action; for sequestration the verdict paragraph below says what to do.
  const todo = c.cls === 'actionable' && action ? `: ${action.replace(/\.$/, '')}` : '';
  const verdict = actionable ? `**actionable**${todo}` : 'not actionable';
  return `**${group}-${adj.reason}** · ${groupName}, reason ${adj.reason}: ${reasonText}, ${amount} — ${verdict}`;
}

/**
 * The verdict in one line when it says more than the sentence above: "Verdict: recoverable, **6.80 to
 * recover**." for work, or why a reversal is no work; '' otherwise.
 */
function verdictLine(v: Verdict): string {
  if (v.actionable)
    return `Verdict: ${CLASS_WORDS[v.cls]}${v.recoverableCents > 0 ? `, **${formatCents(v.recoverableCents)} to recover**` : ''}.`;
  if (v.reversal)
    return `Verdict: ${CLASS_WORDS[v.cls]}, in a reversal (CLP02 22): the undoing of the original payment, never work of its own.`;
  if (v.reversedInFile) return `Verdict: ${CLASS_WORDS[v.cls]}; a reversal later in this file undoes this payment: nothing to claim.`;
  return '';
}

/** The sequestration paragraphs: rate and date, arithmetic, and what the verdict means. */
function sequestration(a: Analysis, adj: Adjustment, settings: Settings, v: Verdict | undefined): string[] {
  const check = expectedSequestration(adj, settings, a.tokens);
  if (!check) return ['Sequestration: an amount here is unreadable, so the expected cut cannot be computed.'];
  const out = [rateLine(check), arithmetic(adj, check)];
  const kind = payerKind(adj.claim);
  const money = v && v.recoverableCents > 0 ? formatCents(v.recoverableCents) : formatCents(check.observed);
  switch (v?.finding) {
    case 'co253-group':
      out.push(
        adj.group.trim().toUpperCase() === 'PR'
          ? `**Needs work**: it is grouped PR, pushed to the patient: do not bill the patient; ask the payer to correct the group to CO${kind === 'other' || kind === 'medicaid' ? ` (not Medicare: no law allows this cut, ask for ${money} back)` : ''}.`
          : `**Needs work**: it is grouped ${adj.group.trim().toUpperCase() || '(empty)'}: it belongs under CO; ask the payer to correct the group.`,
      );
      break;
    case 'co253-non-medicare':
      out.push(
        kind === 'medicare-advantage'
          ? `**Needs work: verify the contract.** The claim is Medicare Advantage (CLP06 "${adj.claim.filingIndicator}"): passing the cut on is allowed only if your contract says so.`
          : `**Recoverable: ${money}.** The claim is not Medicare fee-for-service (CLP06 "${adj.claim.filingIndicator}"${kind === 'medicaid' ? ', Medicaid' : ''}): this payer has no law behind the cut; unless your contract allows it, ask for a refund.`,
      );
      break;
    case 'co253-duplicate':
      out.push(`**Recoverable: ${money}.** Sequestration is also taken on the service lines of this claim: ask for the double cut back.`);
      break;
    case 'co253-suspended-period':
      out.push(`**Recoverable: ${money}.** No sequestration was in force for this date: ask the payer to reprocess and pay back ${money}.`);
      break;
    case 'co253-amount':
      out.push(
        v!.recoverableCents > 0
          ? `**Recoverable: ${money}.** The amount is off the rate by ${formatCents(check.difference)}, taken in excess: ask the payer to reprocess and refund it.`
          : `The amount is off the rate by ${formatCents(check.difference)}, less than expected: nothing to recover (check the base the payer used).`,
      );
      break;
    case 'co253-unknown-rate':
      out.push(
        'Every CO-253 of this file applies one rate the table does not know: the table is likely out of date (see co253-unknown-rate); post as a contractual adjustment.',
      );
      break;
    case 'co253-reversal':
      out.push(
        '**Reversal, nothing to claim.** This undoes the sequestration of the original payment, which was not the expected Medicare cut: the payer takes the whole payment back, this amount included.',
      );
      break;
    default:
      out.push(
        v?.reversal
          ? 'A reversal of an expected Medicare sequestration: post it against the original; nothing to claim.'
          : "**Expected and not recoverable.** Post as a contractual adjustment with its own code (Medicare sequestration), apart from denials and CO-45; do not appeal, rebill or bill the patient; carry it to a secondary payer's claim.",
      );
  }
  return out;
}

const DATE_NAMES: Record<string, string> = {
  '472': 'line service date',
  '150': 'line service period start',
  '232': 'claim statement start',
  '233': 'claim statement end (discharge)',
};

function rateLine(check: SequestrationCheck): string {
  const lookup = check.lookup;
  const source = lookup.source === 'setting' ? 'your `era835.sequestration.periods`' : 'built-in table';
  if (!check.date) return 'Medicare sequestration rate: unknown, since neither the line nor the claim has a service or statement date.';
  const date = `${formatDate(check.date.date)} (DTM*${check.date.source}, ${DATE_NAMES[check.date.source]})`;
  switch (lookup.status) {
    case 'in-force':
      return `Medicare sequestration rate **${formatRate(lookup.rate)}** for ${date}: in force ${formatPeriod(lookup.period)} (${source}).`;
    case 'suspended':
      return `No sequestration for ${date}: suspended ${formatPeriod(lookup.period)} (${source}).`;
    case 'before':
      return `No sequestration for ${date}: it applies to services from ${lookup.source === 'table' ? '2013-04-01' : 'the first configured period'} (${source}).`;
    default:
      return `No sequestration period covers ${date} (${source}).`;
  }
}

function arithmetic(adj: Adjustment, check: SequestrationCheck): string {
  const paid = adj.level === 'line' ? 'SVC03 paid' : 'CLP04 paid';
  const observedRate = Number.isFinite(check.observedRate) ? ` (${formatRate(check.observedRate)})` : '';
  const match = check.withinTolerance ? 'matches' : `differs by ${formatCents(check.difference)}`;
  return `Expected ${formatRate(check.rate)} × (${paid} ${formatCents(check.paid)} + ${formatCents(check.observed)}) = **${formatCents(check.expected)}**; reported ${formatCents(check.observed)}${observedRate}: ${match} (tolerance ${formatCents(TOLERANCE_CENTS)}).`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
