import type { Finding } from '../x12/finding';
import type { Adjustment } from '../x835/types';
import { formatCents } from '../x835/values';
import { casRelated, sumAmounts } from './balanceSupport';
import { elementRange, MAX_RELATED } from './ranges';
import type { Rule } from './types';

const isPatient = (a: Adjustment) => a.group === 'PR';

/**
 * CLP05 patient responsibility = the sum of PR-group adjustments of the claim, claim level and line
 * level together, exactly in cents. An absent CLP05 counts as 0 (the guide sends it only when there is
 * a patient share). The finding points at CLP05 with every PR adjustment as related information.
 */
export const patientResponsibilityRule: Rule = {
  id: 'patient-responsibility',
  check({ model }) {
    const t = model.tokens;
    const out: Finding[] = [];
    for (const claim of model.claims) {
      let pr = sumAmounts(claim.adjustments, isPatient);
      for (const line of claim.lines) pr += sumAmounts(line.adjustments, isPatient);
      if (Number.isNaN(pr) || Number.isNaN(claim.patientResponsibility) || pr === claim.patientResponsibility) continue;
      const related = casRelated(t, claim.adjustments.filter(isPatient), 'claim-level');
      for (const line of claim.lines) {
        if (related.length >= MAX_RELATED) break;
        related.push(...casRelated(t, line.adjustments.filter(isPatient), 'line-level'));
      }
      const stated = t.element(claim.seg, 5) === '' ? 'CLP05 is empty (0.00)' : `CLP05 says ${formatCents(claim.patientResponsibility)}`;
      out.push({
        code: 'patient-responsibility', ...elementRange(t, claim.seg, 5),
        message: `Claim ${claim.id || '(no CLP01)'}: ${stated}, but its PR (patient responsibility) adjustments add up to ${formatCents(pr)} (off by ${formatCents(Math.abs(pr - claim.patientResponsibility))}).`,
        related: related.slice(0, MAX_RELATED),
      });
    }
    return out;
  },
};
