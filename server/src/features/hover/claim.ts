import type { Analysis } from '../../analysis';
import { claimFilingIndicator, claimStatus } from '../../codes/lists';
import type { Adjustment, Claim, ServiceLine } from '../../x835/types';
import { formatMoney } from '../../x835/values';
import { patientName, procedureLabel } from '../symbols';
import { longDate } from './format';
import { reversalNote } from './reversal';
import { claimJudged, claimWaterfall, claimWork, lineWaterfall, lineWork } from './waterfall';

/**
 * The claim at a glance, on its CLP: who, what status and payer type, then the waterfall that answers
 * "why was this paid less than charged", what needs work, and its reversal/correction partner.
 */
export function claimSummary(a: Analysis, claim: Claim, uri: string | undefined): string {
  const status = claimStatus.entries.get(claim.status)?.text;
  const filing = claimFilingIndicator.entries.get(claim.filingIndicator)?.text;
  const head = [
    `**Claim ${claim.id || '(no CLP01)'}**`,
    patientName(claim),
    status ? lowerFirst(status) : claim.status && `status ${claim.status}`,
    filing ?? claim.filingIndicator,
  ]
    .filter(Boolean)
    .join(' · ');
  const lineNo = (adj: Adjustment) => (adj.line ? ` (line ${claim.lines.indexOf(adj.line) + 1})` : ' (claim level)');
  const period =
    claim.statementFrom !== undefined
      ? `Statement ${longDate(claim.statementFrom)}${claim.statementTo !== undefined && claim.statementTo !== claim.statementFrom ? ` to ${longDate(claim.statementTo)}` : ''}.`
      : '';
  return [
    head,
    claimWaterfall(a.verdicts, claim),
    patientNote(a, claim),
    claimWork(a.verdicts, claim, lineNo),
    reversalNote(a, claim, uri),
    period,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** CLP05 is what the patient owes; say so when it disagrees with the PR adjustments. */
function patientNote(a: Analysis, claim: Claim): string {
  let pr = 0;
  for (const { adj } of claimJudged(a.verdicts, claim)) if (adj.group === 'PR') pr += adj.amount;
  if (!Number.isFinite(claim.patientResponsibility) || claim.patientResponsibility === pr) return '';
  return `⚠ CLP05 says the patient owes ${formatMoney(claim.patientResponsibility)}, the PR adjustments add up to ${formatMoney(pr)} (patient-responsibility).`;
}

/** One service line, on its SVC: the code and units, then its own waterfall. */
export function lineSummary(a: Analysis, line: ServiceLine): string {
  const claim = line.claim;
  const n = claim.lines.indexOf(line) + 1;
  const head = [
    `**Line ${n} of claim ${claim.id || '(no CLP01)'}**`,
    procedureLabel(line),
    line.unitsPaid !== undefined ? `${line.unitsPaid} unit${line.unitsPaid === 1 ? '' : 's'}` : '',
    line.serviceDate !== undefined ? `served ${longDate(line.serviceDate)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const allowed = line.allowed !== undefined ? `Allowed amount reported by the payer (AMT*B6): ${formatMoney(line.allowed)}.` : '';
  return [head, lineWaterfall(a.verdicts, line), allowed, lineWork(a.verdicts, line)].filter(Boolean).join('\n\n');
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
