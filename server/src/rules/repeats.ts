import type { Finding } from '../x12/finding';
import { Loop } from '../x835/types';
import { segmentIdRange } from './ranges';
import type { Rule } from './types';

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

export const repeatsRule: Rule = {
  id: 'segment-repeat',
  check({ model }) {
    const t = model.tokens;
    const out: Finding[] = [];
    // One counter map per loop kind, cleared when a new instance of that loop starts: no allocation per segment.
    const counts = new Map<Loop, Map<string, number>>();
    for (const loop of Object.keys(LOOP_START)) counts.set(Number(loop) as Loop, new Map());
    let payerLoops = 0;
    let payeeLoops = 0;
    let lines = 0;
    const report = (i: number, message: string) => out.push({ code: 'segment-repeat', ...segmentIdRange(t, i), message });

    for (let i = 0; i < t.count; i++) {
      const loop = model.segLoop[i] as Loop;
      const counter = counts.get(loop);
      if (!counter) continue;
      const id = t.id(i);
      if (id === LOOP_START[loop]) {
        counter.clear();
        if (loop === Loop.Header) { payerLoops = 0; payeeLoops = 0; }
        else if (loop === Loop.Payer && ++payerLoops === 2) report(i, 'A second payer loop (N1*PR, 1000A) in this transaction set: the guide allows one payer per 835.');
        else if (loop === Loop.Payee && ++payeeLoops === 2) report(i, 'A second payee loop (N1*PE, 1000B) in this transaction set: the guide allows one payee per 835; send another 835 for another payee.');
        else if (loop === Loop.Claim) lines = 0;
        else if (loop === Loop.ServiceLine && ++lines === MAX_LINES_PER_CLAIM + 1) report(i, `Service line ${lines} of this claim: the guide allows at most ${MAX_LINES_PER_CLAIM} per claim.`);
        continue;
      }
      const max = SEGMENT_MAX[loop]?.[id];
      if (max !== undefined) {
        const n = (counter.get(id) ?? 0) + 1;
        counter.set(id, n);
        if (n === max + 1) {
          report(i, max === 1
            ? `A second ${id} in ${WHERE[loop]}: the guide allows one.`
            : `${id} number ${n} in ${WHERE[loop]}: the guide allows at most ${max}.`);
          continue;
        }
      }
      const caps = QUALIFIER_MAX[loop]?.[id];
      if (!caps) continue;
      const cap = caps[t.element(i, 1)];
      if (!cap) continue;
      const key = `${id}\u0000${cap.name}`;
      const m = (counter.get(key) ?? 0) + 1;
      counter.set(key, m);
      if (m === cap.max + 1) {
        report(i, cap.max === 1
          ? `A second ${cap.name} in ${WHERE[loop]}: the guide allows one.`
          : `${cap.name} number ${m} in ${WHERE[loop]}: the guide allows at most ${cap.max}.`);
      }
    }
    return out;
  },
};
