import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import { SEG_ID_COUNT, SegId, segIdOfName } from '../../x835/segmentIds';
import { Loop, type Model } from '../../x835/types';
import { segmentIdRange } from '../engine/ranges';
import { inSteps, SEGMENTS_PER_STEP, steppedRule } from '../engine/shared';

/**
 * Maximum repeats from the 005010X221A1 loop tree (domain research 1.2): how often a segment may occur
 * in one instance of its loop, in total and per qualifier, and how often the payer, payee and service
 * line loops may repeat. Segments the builder placed out of order or in the wrong loop are its
 * findings (`segment-out-of-place`); only segments that belong to their loop are counted here.
 * The pass looks at every segment of a file, so it reads numbers only: the segment's loop and `SegId`
 * index one table, and only a counted segment does more.
 */

/** Per loop: segment id -> most occurrences in one loop instance. */
const SEGMENT_MAX: Partial<Record<Loop, Readonly<Record<string, number>>>> = {
  [Loop.Header]: { BPR: 1, TRN: 1, CUR: 1, REF: 2, DTM: 1 },
  [Loop.Payer]: { N3: 1, N4: 1, REF: 4 },
  [Loop.Payee]: { N3: 1, N4: 1, RDM: 1 },
  [Loop.HeaderNumber]: { TS3: 1, TS2: 1 },
  [Loop.Claim]: { CAS: 99, NM1: 7, MIA: 1, MOA: 1, REF: 15, DTM: 4, PER: 2, AMT: 13, QTY: 14 },
  [Loop.ServiceLine]: { DTM: 2, CAS: 99, REF: 24, AMT: 9, QTY: 6, LQ: 99 },
};

/** A cap on a group of qualifiers (element 01) of one segment in one loop. */
interface QualifierCap {
  readonly name: string;
  readonly max: number;
}

const one = (name: string): QualifierCap => ({ name, max: 1 });
const group = (name: string, max: number, codes: string[]) => Object.fromEntries(codes.map((c) => [c, { name, max }]));

const RENDERING_2100 = ['0B', '1A', '1B', '1C', '1D', '1G', '1H', '1J', 'D3', 'G2', 'LU'];

/** Per loop and segment: qualifier -> its cap (qualifiers of one group share a counter). */
const QUALIFIER_MAX: Partial<Record<Loop, Readonly<Record<string, Readonly<Record<string, QualifierCap>>>>>> = {
  [Loop.Header]: { REF: { EV: one('REF*EV'), F2: one('REF*F2') }, DTM: { '405': one('DTM*405') } },
  [Loop.Payer]: { PER: { CX: one('PER*CX'), IC: one('PER*IC') } },
  [Loop.Claim]: {
    NM1: Object.fromEntries(['QC', 'IL', '74', '82', 'TT', 'PR', 'GB'].map((q) => [q, one(`NM1*${q}`)])),
    DTM: { '232': one('DTM*232'), '233': one('DTM*233'), '036': one('DTM*036'), '050': one('DTM*050') },
    REF: {
      ...group('other claim-related REF', 5, ['1L', '1W', '28', '6P', '9A', '9C', 'BB', 'CE', 'EA', 'F8', 'G1', 'G3', 'IG', 'SY']),
      ...group('rendering provider REF', 10, RENDERING_2100),
    },
  },
  [Loop.ServiceLine]: {
    DTM: { '472': one('DTM*472'), '150': one('DTM*150'), '151': one('DTM*151') },
    REF: {
      ...group('rendering provider REF', 10, [...RENDERING_2100.filter((q) => q !== 'LU'), 'HPI', 'SY', 'TJ']),
      ...group('service identification REF', 8, ['1S', 'APC', 'BB', 'E9', 'G1', 'G3', 'LU', 'RB']),
      '6R': one('REF*6R'),
      ...group('REF*0K', 5, ['0K']),
    },
  },
};

/** The segment that starts an instance of each loop counted here. */
const LOOP_START: Partial<Record<Loop, string>> = {
  [Loop.Header]: 'ST',
  [Loop.Payer]: 'N1',
  [Loop.Payee]: 'N1',
  [Loop.HeaderNumber]: 'LX',
  [Loop.Claim]: 'CLP',
  [Loop.ServiceLine]: 'SVC',
};

const WHERE: Partial<Record<Loop, string>> = {
  [Loop.Header]: 'the transaction header',
  [Loop.Payer]: 'the payer loop (1000A)',
  [Loop.Payee]: 'the payee loop (1000B)',
  [Loop.HeaderNumber]: 'this header number loop (2000)',
  [Loop.Claim]: 'this claim (2100)',
  [Loop.ServiceLine]: 'this service line (2110)',
};

const MAX_LINES_PER_CLAIM = 999;

/**
 * The tables above, turned into numbers once: a counter slot per (loop, segment id) with a cap, and per
 * (loop, segment id, qualifier group). The pass then reads each segment's `SegId` (Model.segIds) and its
 * qualifier as packed character codes, and counts in typed arrays: no string and no map per segment.
 */
interface Counted {
  readonly id: string;
  readonly loop: Loop;
  /** Most occurrences in one loop instance, and the slot that counts them (-1: no cap on the segment). */
  readonly max: number;
  readonly slot: number;
  /** True when some qualifiers (element 01) have caps (in `CAP_KEYS`). */
  readonly hasCaps: boolean;
}

/** Loop values are small (see `Loop`): `Model.segLoop` bytes index tables of this many rows. */
const LOOP_COUNT = 32;
if (Loop.Foreign >= LOOP_COUNT) throw new Error('repeats.ts: Loop values outgrew LOOP_COUNT');
/** Per (loop * SEG_ID_COUNT + SegId): START for the segment that starts the loop, else 1 + the index in `COUNTED`, or 0. */
const ACTION = new Int16Array(LOOP_COUNT * SEG_ID_COUNT);
const START = -1;
const COUNTED: Counted[] = [];
/** Qualifier caps by `capKey(counted index, packed qualifier)`, in an open-addressing table. */
const CAP_KEYS = new Int32Array(256);
const CAP_SLOTS = new Int32Array(256);
const CAP_OF: (QualifierCap | undefined)[] = new Array<QualifierCap | undefined>(256).fill(undefined);

/** One non-zero number per (counted, qualifier): the packed qualifier takes 23 bits, the counted index (a few dozen) the rest. */
function capKey(counted: number, qualifier: number): number {
  return ((counted + 1) << 23) | qualifier;
}

/** The slot of `key` in the cap table, or the empty slot where it would go (the table is never more than half full). */
function capSlotOf(key: number): number {
  const mask = CAP_KEYS.length - 1;
  let i = Math.imul(key, 0x9e3779b1) >>> 24;
  while (CAP_KEYS[i] !== 0 && CAP_KEYS[i] !== key) i = (i + 1) & mask;
  return i;
}

/** The SegId of an id in the tables above (all are 835 ids). */
function segIdOfTable(id: string): SegId {
  const sid = segIdOfName(id);
  if (sid === SegId.Other) throw new Error(`x835/segmentIds.ts has no SegId for ${id}`);
  return sid;
}

let slots = 0;
let caps = 0;
for (const [loopKey, startId] of Object.entries(LOOP_START)) {
  const loop = Number(loopKey) as Loop;
  const ids = new Set([...Object.keys(SEGMENT_MAX[loop] ?? {}), ...Object.keys(QUALIFIER_MAX[loop] ?? {})]);
  for (const id of ids) {
    const max = SEGMENT_MAX[loop]?.[id];
    const qualifiers = QUALIFIER_MAX[loop]?.[id];
    const index = COUNTED.length;
    if (qualifiers) {
      const slotOfName = new Map<string, number>();
      for (const [qualifier, cap] of Object.entries(qualifiers)) {
        let slot = slotOfName.get(cap.name);
        if (slot === undefined) slotOfName.set(cap.name, (slot = slots++));
        if (++caps * 2 > CAP_KEYS.length) throw new Error('repeats.ts: the qualifier cap table needs more room');
        const key = capKey(index, packed(qualifier, 0, qualifier.length));
        const at = capSlotOf(key);
        CAP_KEYS[at] = key;
        CAP_SLOTS[at] = slot;
        CAP_OF[at] = cap;
      }
    }
    COUNTED.push({ id, loop, max: max ?? -1, slot: max === undefined ? -1 : slots++, hasCaps: !!qualifiers });
    ACTION[loop * SEG_ID_COUNT + segIdOfTable(id)] = index + 1;
  }
  // Last: a loop's start segment starts an instance and is never counted in it.
  ACTION[loop * SEG_ID_COUNT + segIdOfTable(startId)] = START;
}
const SLOTS = slots;
/** `COUNTED` as numbers, for the pass. */
const COUNTED_MAX = Int32Array.from(COUNTED, (c) => c.max);
const COUNTED_SLOT = Int32Array.from(COUNTED, (c) => c.slot);
const COUNTED_HAS_CAPS = Uint8Array.from(COUNTED, (c) => (c.hasCaps ? 1 : 0));

/** 1 to 3 characters with codes 1..127, 7 bits each, and the length; -1 for anything else (no id or qualifier above is like that). */
function packed(text: string, start: number, end: number): number {
  const n = end - start;
  if (n < 1 || n > 3) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 1 || c > 127) return -1;
    key = (key << 7) | c;
  }
  return (n << 21) | key;
}

export const repeatsRule = steppedRule('segment-repeat', function* ({ model }) {
  const pass = new RepeatsPass(model);
  yield* inSteps(model.tokens.count, SEGMENTS_PER_STEP, (from, to) => pass.check(from, to));
  return pass.out;
});

/**
 * The same findings for segments from..to-1 only: whole claims (from a CLP to the segment before the
 * next claim, LX, PLB or SE), whose counts start and end with them (an edit's re-analysis).
 */
export function repeatFindingsIn(model: Model, from: number, to: number): Finding[] {
  const pass = new RepeatsPass(model);
  pass.check(from, to);
  return pass.out;
}

/** The counting pass, resumable between chunks of segments. */
class RepeatsPass {
  readonly out: Finding[] = [];
  private readonly t: SegmentTable;
  /** Counts per slot, valid while `stamp[slot]` is the current instance number of the slot's loop. */
  private readonly count = new Int32Array(SLOTS);
  private readonly stamp = new Int32Array(SLOTS);
  /** The current instance number of each loop kind (0 before its first start segment). */
  private readonly instance = new Int32Array(LOOP_COUNT);
  private instances = 0;
  private payerLoops = 0;
  private payeeLoops = 0;
  private lines = 0;

  constructor(private readonly model: Model) {
    this.t = model.tokens;
  }

  /** Counts segments from..to-1, in order (chunks must follow each other). The usual segment costs a few loads, inline. */
  check(from: number, to: number): void {
    const { segLoop, segIds } = this.model;
    const { count, stamp, instance } = this;
    for (let i = from; i < to; i++) {
      const loop = segLoop[i];
      const action = ACTION[loop * SEG_ID_COUNT + segIds[i]];
      if (action === 0) continue;
      if (action === START) {
        this.startLoop(i, loop as Loop);
        continue;
      }
      const index = action - 1;
      const slot = COUNTED_SLOT[index];
      if (slot >= 0) {
        // One more in the current instance of the loop (a count from an earlier instance starts over).
        const current = instance[loop];
        const n = stamp[slot] === current ? count[slot] + 1 : 1;
        stamp[slot] = current;
        count[slot] = n;
        if (n === COUNTED_MAX[index] + 1) {
          this.tooMany(i, index, n);
          continue;
        }
      }
      if (COUNTED_HAS_CAPS[index] !== 0) this.countQualifier(i, index, loop as Loop);
    }
  }

  private startLoop(i: number, loop: Loop): void {
    this.instance[loop] = ++this.instances;
    if (loop === Loop.Header) {
      this.payerLoops = 0;
      this.payeeLoops = 0;
    } else if (loop === Loop.Payer && ++this.payerLoops === 2)
      this.report(i, 'A second payer loop (N1*PR, 1000A) in this transaction set: the guide allows one payer per 835.');
    else if (loop === Loop.Payee && ++this.payeeLoops === 2)
      this.report(
        i,
        'A second payee loop (N1*PE, 1000B) in this transaction set: the guide allows one payee per 835; send another 835 for another payee.',
      );
    else if (loop === Loop.Claim) this.lines = 0;
    else if (loop === Loop.ServiceLine && ++this.lines === MAX_LINES_PER_CLAIM + 1)
      this.report(i, `Service line ${this.lines} of this claim: the guide allows at most ${MAX_LINES_PER_CLAIM} per claim.`);
  }

  private tooMany(i: number, index: number, n: number): void {
    const { id, loop, max } = COUNTED[index];
    this.report(
      i,
      max === 1
        ? `A second ${id} in ${WHERE[loop]}: the guide allows one.`
        : `${id} number ${n} in ${WHERE[loop]}: the guide allows at most ${max}.`,
    );
  }

  /** The qualifier (element 01) of a counted segment against its caps. */
  private countQualifier(i: number, index: number, loop: Loop): void {
    const t = this.t;
    const q = t.elementCount(i) > 1 ? packed(t.text, t.elementStartOffset(i, 1), t.elementEndOffset(i, 1)) : -1;
    if (q < 0) return;
    const at = capSlotOf(capKey(index, q));
    const cap = CAP_OF[at];
    if (!cap) return;
    const m = this.bump(CAP_SLOTS[at], loop);
    if (m === cap.max + 1) {
      this.report(
        i,
        cap.max === 1
          ? `A second ${cap.name} in ${WHERE[loop]}: the guide allows one.`
          : `${cap.name} number ${m} in ${WHERE[loop]}: the guide allows at most ${cap.max}.`,
      );
    }
  }

  /** Adds one to a slot's count in the current instance of its loop; returns the new count. */
  private bump(slot: number, loop: Loop): number {
    const current = this.instance[loop];
    if (this.stamp[slot] !== current) {
      this.stamp[slot] = current;
      this.count[slot] = 0;
    }
    return ++this.count[slot];
  }

  private report(i: number, message: string): void {
    this.out.push({ code: 'segment-repeat', ...segmentIdRange(this.t, i), message });
  }
}
