import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import type { ModelStore } from '../../x835/records';
import type { Adjustment, Claim, ServiceLine } from '../../x835/types';
import { formatCents } from '../../x835/values';
import { blank, casRelated, equation } from './balanceSupport';
import { elementRange, MAX_RELATED, relatedAt } from './ranges';

/**
 * service-balance, claim-balance and patient-responsibility: the walk over every claim (claimPass.ts)
 * adds up each line's and each claim's triplets from the model's columns and compares the sums; only a
 * line or claim whose sums do not match is looked at here, as objects, to check it fully and say why
 * (one function per rule). Each rule's findings go in a list of its own, in claim order.
 */
export interface ClaimBalanceFindings {
  readonly serviceBalance: readonly Finding[];
  readonly claimBalance: readonly Finding[];
  readonly patientResponsibility: readonly Finding[];
}

/** The three lists, and the checks the walk calls when a sum does not match. */
export class BalanceChecks implements ClaimBalanceFindings {
  readonly serviceBalance: Finding[] = [];
  readonly claimBalance: Finding[] = [];
  readonly patientResponsibility: Finding[] = [];

  /** `store.claimAt`: only a claim that does not balance becomes an object. */
  constructor(
    private readonly t: SegmentTable,
    private readonly store: ModelStore,
  ) {}

  /** Line `n` of claim row `claim`, whose triplets add up to `adjusted`, is not charge - adjusted = paid. */
  serviceLine(claim: number, n: number, adjusted: number): void {
    const c = this.store.claimAt(claim);
    checkServiceLine(this.t, c, c.lines[n], n, adjusted, this.serviceBalance);
  }

  /** Claim row `claim`, whose triplets (its own and its lines') add up to `adjusted`, is not charge - adjusted = paid. */
  claim(claim: number, adjusted: number): void {
    checkClaimBalance(this.t, this.store.claimAt(claim), adjusted, this.claimBalance);
  }

  /** Claim row `claim`'s PR triplets add up to `pr`, not CLP05. */
  patient(claim: number, pr: number): void {
    checkPatientResponsibility(this.t, this.store.claimAt(claim), pr, this.patientResponsibility);
  }
}

const isPatient = (a: Adjustment) => a.group === 'PR';

/** service-balance: SVC02 - the line's adjustments (`adjusted`) = SVC03. */
function checkServiceLine(t: SegmentTable, claim: Claim, line: ServiceLine, n: number, adjusted: number, out: Finding[]): void {
  if (blank(t, line.seg, 2) || blank(t, line.seg, 3)) return;
  if (Number.isNaN(line.charge) || Number.isNaN(line.paid) || Number.isNaN(adjusted)) return;
  if (line.charge - adjusted === line.paid) return;
  out.push({
    code: 'service-balance',
    ...elementRange(t, line.seg, 3),
    message: `Service line ${n + 1}${label(line)} of claim ${claim.id || '(no CLP01)'} does not balance: ${equation('charged', line.charge, 'adjustments', adjusted, 'paid', line.paid)}.`,
    related: [relatedAt(elementRange(t, line.seg, 2), `SVC02 charge ${t.element(line.seg, 2)}`), ...casRelated(t, line.adjustments)],
  });
}

function label(line: ServiceLine): string {
  const p = line.procedure;
  const code = [p.qualifier, p.code].filter(Boolean).join(':');
  return code ? ` (${code})` : '';
}

/** claim-balance: CLP03 - the claim's and its lines' adjustments (`adjusted`) = CLP04. */
function checkClaimBalance(t: SegmentTable, claim: Claim, adjusted: number, out: Finding[]): void {
  if (blank(t, claim.seg, 3) || blank(t, claim.seg, 4)) return;
  if (Number.isNaN(claim.charge) || Number.isNaN(claim.paid) || Number.isNaN(adjusted)) return;
  if (claim.charge - adjusted === claim.paid) return;
  const related = [
    relatedAt(elementRange(t, claim.seg, 3), `CLP03 charge ${t.element(claim.seg, 3)}`),
    ...casRelated(t, claim.adjustments, 'claim-level'),
  ];
  for (const line of claim.lines) {
    if (related.length >= MAX_RELATED) break;
    related.push(...casRelated(t, line.adjustments, 'line-level'));
  }
  out.push({
    code: 'claim-balance',
    ...elementRange(t, claim.seg, 4),
    message: `Claim ${claim.id || '(no CLP01)'} does not balance: ${equation('charged', claim.charge, 'adjustments', adjusted, 'paid', claim.paid)}.${lineChargeNote(claim)}`,
    related: related.slice(0, MAX_RELATED),
  });
}

/**
 * When every line is reported, the lines' charges add up to CLP03 (the guide's derived rule). If they
 * do not, the likely cause is a service line missing from the remit: worth saying beside the imbalance.
 */
function lineChargeNote(claim: Claim): string {
  if (!claim.lines.length) return '';
  let lines = 0;
  for (const l of claim.lines) lines += l.charge;
  if (Number.isNaN(lines) || lines === claim.charge) return '';
  return ` The service lines charge ${formatCents(lines)} in total, not ${formatCents(claim.charge)}: a line may be missing from the remit.`;
}

/** patient-responsibility: CLP05 = the claim's and its lines' PR adjustments (`pr`). */
function checkPatientResponsibility(t: SegmentTable, claim: Claim, pr: number, out: Finding[]): void {
  if (Number.isNaN(pr) || Number.isNaN(claim.patientResponsibility) || pr === claim.patientResponsibility) return;
  const related = casRelated(t, claim.adjustments.filter(isPatient), 'claim-level');
  for (const line of claim.lines) {
    if (related.length >= MAX_RELATED) break;
    related.push(...casRelated(t, line.adjustments.filter(isPatient), 'line-level'));
  }
  const stated = t.element(claim.seg, 5) === '' ? 'CLP05 is empty (0.00)' : `CLP05 says ${formatCents(claim.patientResponsibility)}`;
  out.push({
    code: 'patient-responsibility',
    ...elementRange(t, claim.seg, 5),
    message: `Claim ${claim.id || '(no CLP01)'}: ${stated}, but its PR (patient responsibility) adjustments add up to ${formatCents(pr)} (off by ${formatCents(Math.abs(pr - claim.patientResponsibility))}).`,
    related: related.slice(0, MAX_RELATED),
  });
}
