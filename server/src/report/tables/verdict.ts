import { classify } from '../../x835/classify';
import type { Adjustment } from '../../x835/types';

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

const CLASS_OF = {
  contractual: 'contractual', sequestration: 'sequestration', patientResponsibility: 'patient', actionable: 'needs_work', other: 'other',
} as const;

/** The model's verdict of `adj`. */
export function verdictOf(adj: Adjustment): TableVerdict {
  const c = classify(adj);
  return { cls: CLASS_OF[c.cls], actionable: c.actionable, recoverable: 0, finding: '', action: c.why };
}
