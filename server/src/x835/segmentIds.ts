import type { SegmentTable } from '../x12/tokenizer';

/**
 * The segment ids of the 835 as small integers, read from the text without making a string. The builder
 * and the per-segment rules switch on these numbers instead of comparing id strings two million times
 * on a 50 MB file; `Model.segIds` keeps one byte per segment for every later pass.
 */
export const enum SegId {
  /** Not an id of the 835 (or not an id at all). */
  Other = 0,
  ISA,
  IEA,
  GS,
  GE,
  ST,
  SE,
  TA1,
  BPR,
  TRN,
  CUR,
  REF,
  DTM,
  N1,
  N3,
  N4,
  PER,
  RDM,
  LX,
  TS3,
  TS2,
  CLP,
  CAS,
  NM1,
  MIA,
  MOA,
  AMT,
  QTY,
  SVC,
  LQ,
  PLB,
}

/** The ids in `SegId` order (index 0, `Other`, has none). */
export const SEG_ID_NAMES: readonly string[] = [
  '',
  'ISA',
  'IEA',
  'GS',
  'GE',
  'ST',
  'SE',
  'TA1',
  'BPR',
  'TRN',
  'CUR',
  'REF',
  'DTM',
  'N1',
  'N3',
  'N4',
  'PER',
  'RDM',
  'LX',
  'TS3',
  'TS2',
  'CLP',
  'CAS',
  'NM1',
  'MIA',
  'MOA',
  'AMT',
  'QTY',
  'SVC',
  'LQ',
  'PLB',
];

/** Number of `SegId` values, to size tables indexed by them. */
export const SEG_ID_COUNT = SEG_ID_NAMES.length;

/**
 * SegId by the id's characters, a direct table: ids are 2 or 3 of [0-9A-Z], so the key is
 * (a, b, c or nothing) in base 37 ('0'..'9' -> 1..10, 'A'..'Z' -> 11..36, nothing -> 0): 50,653 bytes,
 * and no hashing for two million segments.
 */
const BY_CHARS = new Uint8Array(37 * 37 * 37);

/** 1..36 for [0-9A-Z], -1 for anything else. */
function digit37(c: number): number {
  if (c >= 48 && c <= 57) return c - 47;
  if (c >= 65 && c <= 90) return c - 54;
  return -1;
}

SEG_ID_NAMES.forEach((name, id) => {
  if (id === SegId.Other) return;
  BY_CHARS[(digit37(name.charCodeAt(0)) * 37 + digit37(name.charCodeAt(1))) * 37 + (name.length === 3 ? digit37(name.charCodeAt(2)) : 0)] =
    id;
});

/** The `SegId` of segment `seg` (`Other` for anything that is not an 835 id, including `isa` or `ISA ` ). */
export function segIdOf(t: SegmentTable, seg: number): SegId {
  const start = t.segStart[seg];
  const length = t.elementEndOffset(seg, 0) - start;
  if (length !== 2 && length !== 3) return SegId.Other;
  const text = t.text;
  const a = digit37(text.charCodeAt(start));
  const b = digit37(text.charCodeAt(start + 1));
  const c = length === 3 ? digit37(text.charCodeAt(start + 2)) : 0;
  if (a <= 0 || b <= 0 || c < 0) return SegId.Other;
  return BY_CHARS[(a * 37 + b) * 37 + c] as SegId;
}

/** The `SegId` of an id string (`Other` when the 835 has no such segment). */
export function segIdOfName(name: string): SegId {
  const i = SEG_ID_NAMES.indexOf(name);
  return i > 0 ? (i as SegId) : SegId.Other;
}
