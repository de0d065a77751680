import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import { Loop, type Model } from '../x835/types';
import { segmentIdRange } from './ranges';
import { inSteps, SEGMENTS_PER_STEP, steppedRule } from './shared';

/**
 * Maximum repeats from the 005010X221A1 loop tree (domain research 1.2): how often a segment may occur
 * in one instance of its loop, in total and per qualifier, and how often the payer, payee and service
 * line loops may repeat. Segments the builder placed out of order or in the wrong loop are its
 * findings (`segment-out-of-place`); only segments that belong to their loop are counted here.
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
  [Loop.Header]: 'ST', [Loop.Payer]: 'N1', [Loop.Payee]: 'N1', [Loop.HeaderNumber]: 'LX', [Loop.Claim]: 'CLP', [Loop.ServiceLine]: 'SVC',
};

const WHERE: Partial<Record<Loop, string>> = {
  [Loop.Header]: 'the transaction header', [Loop.Payer]: 'the payer loop (1000A)', [Loop.Payee]: 'the payee loop (1000B)',
  [Loop.HeaderNumber]: 'this header number loop (2000)', [Loop.Claim]: 'this claim (2100)', [Loop.ServiceLine]: 'this service line (2110)',
};

const MAX_LINES_PER_CLAIM = 999;

/**
 * The tables above, turned into numbers once: a counter slot per (loop, segment id) with a cap, and per
 * (loop, segment id, qualifier group). The pass then reads segment ids and qualifiers as packed character
 * codes and counts in typed arrays: no string and no map entry per segment.
 */
interface Counted {
  readonly id: string;
  readonly loop: Loop;
  /** Most occurrences in one loop instance, and the slot that counts them (-1: no cap on the segment). */
  readonly max: number;
  readonly slot: number;
  /** Qualifier (element 01) caps by packed qualifier. */
  readonly caps: ReadonlyMap<number, { readonly cap: QualifierCap; readonly slot: number }> | undefined;
}

/** (loop << 24 | packed id) -> what is counted; built from SEGMENT_MAX and QUALIFIER_MAX. */
const COUNTED = new Map<number, Counted>();
/** Loop values are small (see `Loop`). */
const LOOP_COUNT = 32;
/** Packed id of the segment that starts each counted loop; 0 for loops not counted here. */
const START_KEY = new Int32Array(LOOP_COUNT);
let slots = 0;
for (const [loopKey, startId] of Object.entries(LOOP_START)) {
  const loop = Number(loopKey) as Loop;
  START_KEY[loop] = packed(startId, 0, startId.length);
  const ids = new Set([...Object.keys(SEGMENT_MAX[loop] ?? {}), ...Object.keys(QUALIFIER_MAX[loop] ?? {})]);
  for (const id of ids) {
    const max = SEGMENT_MAX[loop]?.[id];
    const qualifiers = QUALIFIER_MAX[loop]?.[id];
    let caps: Map<number, { cap: QualifierCap; slot: number }> | undefined;
    if (qualifiers) {
      caps = new Map();
      const slotOfName = new Map<string, number>();
      for (const [qualifier, cap] of Object.entries(qualifiers)) {
        let slot = slotOfName.get(cap.name);
        if (slot === undefined) slotOfName.set(cap.name, (slot = slots++));
        caps.set(packed(qualifier, 0, qualifier.length), { cap, slot });
      }
    }
    COUNTED.set((loop << 24) | packed(id, 0, id.length), { id, loop, max: max ?? -1, slot: max === undefined ? -1 : slots++, caps });
  }
}
const SLOTS = slots;

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

  check(from: number, to: number): void {
    const t = this.t;
    const segLoop = this.model.segLoop;
    for (let i = from; i < to; i++) {
      const loop = segLoop[i] as Loop;
      const startKey = START_KEY[loop];
      if (startKey === 0) continue;
      const start = t.segStart[i];
      const key = packed(t.text, start, t.elementEndOffset(i, 0));
      if (key < 0) continue;
      if (key === startKey) this.startLoop(i, loop);
      else {
        const counted = COUNTED.get((loop << 24) | key);
        if (counted) this.countSegment(i, counted);
      }
    }
  }

  private startLoop(i: number, loop: Loop): void {
    this.instance[loop] = ++this.instances;
    if (loop === Loop.Header) { this.payerLoops = 0; this.payeeLoops = 0; }
    else if (loop === Loop.Payer && ++this.payerLoops === 2) this.report(i, 'A second payer loop (N1*PR, 1000A) in this transaction set: the guide allows one payer per 835.');
    else if (loop === Loop.Payee && ++this.payeeLoops === 2) this.report(i, 'A second payee loop (N1*PE, 1000B) in this transaction set: the guide allows one payee per 835; send another 835 for another payee.');
    else if (loop === Loop.Claim) this.lines = 0;
    else if (loop === Loop.ServiceLine && ++this.lines === MAX_LINES_PER_CLAIM + 1) this.report(i, `Service line ${this.lines} of this claim: the guide allows at most ${MAX_LINES_PER_CLAIM} per claim.`);
  }

  private countSegment(i: number, counted: Counted): void {
    const { id, loop, max } = counted;
    if (max >= 0) {
      const n = this.bump(counted.slot, loop);
      if (n === max + 1) {
        this.report(i, max === 1
          ? `A second ${id} in ${WHERE[loop]}: the guide allows one.`
          : `${id} number ${n} in ${WHERE[loop]}: the guide allows at most ${max}.`);
        return;
      }
    }
    const caps = counted.caps;
    if (!caps) return;
    const t = this.t;
    const q = t.elementCount(i) > 1 ? packed(t.text, t.elementStartOffset(i, 1), t.elementEndOffset(i, 1)) : -1;
    const hit = q < 0 ? undefined : caps.get(q);
    if (!hit) return;
    const cap = hit.cap;
    const m = this.bump(hit.slot, loop);
    if (m === cap.max + 1) {
      this.report(i, cap.max === 1
        ? `A second ${cap.name} in ${WHERE[loop]}: the guide allows one.`
        : `${cap.name} number ${m} in ${WHERE[loop]}: the guide allows at most ${cap.max}.`);
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
