import type { Analysis } from '../../analysis';
import type { Settings } from '../../settings';
import { LOOP_LABELS, type Loop } from '../../x835/types';

/** What the cursor is on: the segment, the element (0 = the segment id) and, in a composite, the component. */
export interface HoverTarget {
  readonly a: Analysis;
  readonly settings: Settings;
  /** The document uri, for links to other places in it (undefined in the CLI and unit tests without one). */
  readonly uri: string | undefined;
  readonly seg: number;
  readonly id: string;
  readonly k: number;
  readonly offset: number;
}

/** "2110 Service payment information › CAS", or "Transaction header › BPR" outside the numbered loops. */
export function loopPath(t: HoverTarget): string {
  const label = LOOP_LABELS[t.a.model.segLoop[t.seg] as Loop];
  const loop = /^\d/.test(label.id) ? `${label.id} ${label.name}` : label.name;
  return `${loop} › ${t.id}`;
}
