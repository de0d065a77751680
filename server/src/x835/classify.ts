import { carcCategory } from '../codes/carc';
import type { CarcCategory } from '../codes/types';
import { isMedicareFfs } from './payerType';
import { decidingDate } from './sequestrationCheck';
import type { Adjustment } from './types';

export { applyRate, decidingDate, expectedSequestration, TOLERANCE_CENTS } from './sequestrationCheck';
export type { DateSource, DecidingDate, SequestrationCheck } from './sequestrationCheck';

/**
 * What an analyst does with one CAS triplet, decided from its group code and its reason's category:
 * - `sequestration`: the federal Medicare cut (CO-253; CO-223 on Medicare remits of 2013): post it as a
 *   contractual adjustment of its own; the co253-* rules say when it is wrong.
 * - `contractual`: an expected write-off under the contract or fee schedule.
 * - `patientResponsibility`: group PR: the patient owes it.
 * - `actionable`: a denial or missing information: the worklist.
 * - `other`: informational (prior payer, timing, interest...) or a reason we do not know.
 */
export type AdjustmentClass = 'sequestration' | 'contractual' | 'patientResponsibility' | 'actionable' | 'other';

export interface Classification {
  readonly cls: AdjustmentClass;
  /** The reason's category from the CARC list; undefined for a code the list does not hold. */
  readonly category: CarcCategory | undefined;
  /**
   * True when someone should work on it: every `actionable` triplet, and reason 253 under a group other
   * than CO (a misuse the co253-group rule reports; the worklist rule reports only `actionable`).
   */
  readonly actionable: boolean;
  /** One short sentence saying why, for hovers and messages. */
  readonly why: string;
}

/** Medicare reported sequestration as CO-223 from its start until CO-253 replaced it (CR 8378, January 2014). */
export const CO223_SEQUESTRATION_FROM = 20130401;
export const CO223_SEQUESTRATION_TO = 20140131;

export function classify(adj: Adjustment): Classification {
  const c = classifyTriplet(adj);
  // A reversal (CLP02 22) takes back an earlier payment with its adjustments: nothing in it is new work.
  return c.actionable && adj.claim.status.trim() === '22'
    ? { ...c, actionable: false, why: `${c.why} (here in a reversal of an earlier payment: nothing new to work)` }
    : c;
}

/**
 * `classify(adj).cls === 'actionable'`, answered without building the classification: the worklist rule
 * asks it of every triplet of the file, and only a reason of the denial category can be actionable.
 */
export function isActionableClass(adj: Adjustment): boolean {
  return mayBeActionable(adj.reason) && classifyTriplet(adj).cls === 'actionable';
}

/** False when no triplet with this reason can be `actionable` (whatever its group and claim). */
export function mayBeActionable(reason: string): boolean {
  return carcCategory(reason.trim()) === 'denial';
}

function classifyTriplet(adj: Adjustment): Classification {
  const group = adj.group.trim().toUpperCase();
  const reason = adj.reason.trim();
  const category = carcCategory(reason);
  const of = (cls: AdjustmentClass, why: string, actionable = cls === 'actionable'): Classification => ({ cls, category, actionable, why });

  if (reason === '253') {
    if (group === 'CO')
      return of(
        'sequestration',
        'Medicare sequestration: a federal payment cut the provider absorbs; post it as a contractual adjustment, do not appeal or rebill',
      );
    if (group === 'PR')
      return of(
        'patientResponsibility',
        'sequestration pushed to the patient: Medicare never bills the patient for it; ask the payer to correct the group to CO',
        true,
      );
    return of(
      'sequestration',
      `sequestration under group ${group || '(none)'}: it belongs under CO; ask the payer to correct the group`,
      true,
    );
  }
  if (group === 'PR') return of('patientResponsibility', 'the patient owes this (deductible, coinsurance, copay or a non-covered service)');
  if (reason === '223' && group === 'CO' && isCo223Sequestration(adj)) {
    return of(
      'sequestration',
      'Medicare sequestration reported as CO-223 (used April 2013 to January 2014, before CO-253 existed): post it as a contractual adjustment, do not appeal or rebill',
    );
  }
  switch (category) {
    case 'contractual':
      return of('contractual', 'an expected write-off under the contract or fee schedule');
    case 'denial':
      return of('actionable', 'a denial or missing information: rebill, correct or appeal');
    case 'patient':
      return group === 'CO'
        ? of('contractual', 'a patient-share reason under CO: the provider writes it off and may not bill the patient')
        : of('other', `a patient-share reason under group ${group || '(none)'}: check who owes it`);
    case 'sequestration':
      return of('other', 'a legally mandated adjustment that is not Medicare sequestration here: read the remark codes');
    case 'informational':
      return of('other', 'informational: nothing to work on by itself');
    default:
      return of('other', `reason ${reason || '(empty)'} is not in the code list: look it up before posting`);
  }
}

/**
 * The class a triplet has from its group and reason alone, before anything about its claim is known:
 * where the claim pass (rules/engine/claimPass.ts) starts each verdict. Reason 253 under CO starts as
 * sequestration and under another group as other, CO-223 as its code list says (a mandated write-off:
 * contractual): the pass judges those with their claim, payer and date. Pure and cheap: the pass asks it
 * once per distinct group and reason code.
 */
export function codeClass(group: string, reason: string): AdjustmentClass {
  const g = group.trim().toUpperCase();
  const r = reason.trim();
  if (r === '253') return g === 'CO' ? 'sequestration' : 'other';
  if (g === 'PR') return 'patientResponsibility';
  switch (carcCategory(r)) {
    case 'contractual':
      return 'contractual';
    case 'denial':
      return 'actionable';
    case 'patient':
      return g === 'CO' ? 'contractual' : 'other';
    default:
      return 'other';
  }
}

/** CO-223 means sequestration on a Medicare fee-for-service claim whose deciding date is in April 2013..January 2014. */
export function isCo223Sequestration(adj: Adjustment): boolean {
  if (adj.reason.trim() !== '223' || adj.group.trim().toUpperCase() !== 'CO' || !isMedicareFfs(adj.claim)) return false;
  const d = decidingDate(adj)?.date;
  return d !== undefined && d >= CO223_SEQUESTRATION_FROM && d <= CO223_SEQUESTRATION_TO;
}
