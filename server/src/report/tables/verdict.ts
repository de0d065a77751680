import type { Adjustment } from '../../x835/types';
import type { Verdicts, VerdictClass as ModelClass } from '../../x835/verdicts';

/**
 * The verdict of one CAS triplet as the exported tables show it. The tables never judge a triplet
 * themselves: this is the one place they read the model's verdict from (see DESIGN.md, Verdicts).
 */
export type VerdictClass = 'contractual' | 'sequestration' | 'patient' | 'needs_work' | 'recoverable' | 'other';

/** Verdict classes in column order (the `class_*` columns). */
export const VERDICT_CLASSES: readonly VerdictClass[] = ['contractual', 'sequestration', 'patient', 'needs_work', 'recoverable', 'other'];

export interface TableVerdict {
  readonly cls: VerdictClass;
  readonly actionable: boolean;
  /** Cents someone can ask back (0 when nothing). */
  readonly recoverable: number;
  /** The finding code that explains the verdict ('' when none). */
  readonly finding: string;
  /** What to do, in words. */
  readonly action: string;
}

const CLASS_OF: Readonly<Record<ModelClass, VerdictClass>> = {
  contractual: 'contractual',
  sequestration: 'sequestration',
  patientResponsibility: 'patient',
  needsWork: 'needs_work',
  recoverable: 'recoverable',
  other: 'other',
};

/** The model's verdict of `adj` (x835/verdicts.ts: judged once by the claim pass). */
export function verdictOf(verdicts: Verdicts, adj: Adjustment): TableVerdict {
  const row = verdicts.store.cas.rowOf(adj.seg, adj.triplet);
  if (row < 0) return { cls: 'other', actionable: false, recoverable: 0, finding: '', action: '' };
  return {
    cls: CLASS_OF[verdicts.classOf(row)],
    actionable: verdicts.isActionable(row),
    recoverable: verdicts.recoverable[row],
    finding: verdicts.findingOf(row) ?? '',
    action: verdicts.actionOf(row),
  };
}
