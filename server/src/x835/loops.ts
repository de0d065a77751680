import { Loop } from './types';

/**
 * Which segments each loop may hold, in the order the implementation guide (005010X221A1) gives.
 * The rank (position in the list) lets the builder notice a segment that comes back after a later one.
 */
export const LOOP_SEGMENTS: Partial<Record<Loop, readonly string[]>> = {
  [Loop.Header]: ['ST', 'BPR', 'TRN', 'CUR', 'REF', 'DTM'],
  [Loop.Payer]: ['N1', 'N3', 'N4', 'REF', 'PER'],
  [Loop.Payee]: ['N1', 'N3', 'N4', 'REF', 'RDM'],
  [Loop.HeaderNumber]: ['LX', 'TS3', 'TS2'],
  [Loop.Claim]: ['CLP', 'CAS', 'NM1', 'MIA', 'MOA', 'REF', 'DTM', 'PER', 'AMT', 'QTY'],
  [Loop.ServiceLine]: ['SVC', 'DTM', 'CAS', 'REF', 'AMT', 'QTY', 'LQ'],
  [Loop.Summary]: ['PLB'],
};

/** Every segment id the 835 uses (envelope included). */
export const KNOWN_SEGMENTS: ReadonlySet<string> = new Set([
  'ISA',
  'IEA',
  'GS',
  'GE',
  'ST',
  'SE',
  'TA1',
  ...Object.values(LOOP_SEGMENTS).flat(),
]);

/** The rank of `id` in `loop`, or -1 when the loop does not allow it. */
export function rankIn(loop: Loop, id: string): number {
  return LOOP_SEGMENTS[loop]?.indexOf(id) ?? -1;
}
