import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { generate835Text } from '../../../bench/generator';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { foldEdit, type EditRegion } from '../../../server/src/incremental/region';
import { reanalyseClaims } from '../../../server/src/incremental/reanalyse';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { medicareFile } from '../../helpers/fragments';
import { checkProperty } from '../fuzz/kit';
import { firstDifference, snapshot } from './equivalence';

/**
 * The incremental analysis of an edit (server/src/incremental/) must say exactly what a fresh analysis
 * of the edited text says: every finding, every model column, the segment table and the line index.
 * Random edit sequences on generated remits (one transaction of many claims, many small transactions,
 * two interchanges, reversal pairs, one-line and multi-line) add and remove characters, terminators, separators, CLPs, CAS, STs and ISAs;
 * after each edit (or burst of edits analysed once) the two are compared.
 */

/**
 * `text` with a reversal (CLP02 22, CLP03..05 negated, the same CLP01, a negated CO-253) after every
 * `every`-th claim: pairs whose making and breaking by an edit change the verdicts of the other claim.
 */
function withReversals(text: string, every: number): string {
  const sep = text.includes('~\n') ? '~\n' : '~';
  const out: string[] = [];
  let pending: string[] | undefined;
  let n = 0;
  const neg = (x: string | undefined) => (x ? (x.startsWith('-') ? x.slice(1) : '-' + x) : (x ?? ''));
  for (const seg of text.split(sep)) {
    const id = seg.slice(0, seg.indexOf('*'));
    if (pending && (id === 'CLP' || id === 'LX' || id === 'PLB' || id === 'SE')) {
      out.push(...pending);
      pending = undefined;
    }
    if (id === 'CLP' && n++ % every === 0) {
      const e = seg.split('*');
      pending = [[e[0], e[1], '22', neg(e[3]), neg(e[4]), neg(e[5]), ...e.slice(6)].join('*'), 'CAS*CO*253*-1'];
    }
    out.push(seg);
  }
  return out.join(sep);
}

const SAMPLES: readonly string[] = [
  generate835Text({ bytes: 6000, seed: 1 }),
  withReversals(generate835Text({ bytes: 6000, seed: 5 }), 2),
  withReversals(generate835Text({ bytes: 5000, seed: 6, oneLine: true, claimsPerTransaction: 4 }), 3),
  generate835Text({ bytes: 6000, seed: 2, oneLine: true }),
  generate835Text({ bytes: 9000, seed: 3, claimsPerTransaction: 1000 }),
  generate835Text({ bytes: 5000, seed: 4, claimsPerTransaction: 3, oneLine: true }),
  medicareFile(),
  medicareFile({ nl: '\r\n' }),
  // Two interchanges, the second of many small transactions.
  generate835Text({ bytes: 3000, seed: 7 }) + withReversals(generate835Text({ bytes: 3000, seed: 8, claimsPerTransaction: 2 }), 2),
];

const PIECES = [
  '',
  'X',
  '9',
  '0',
  '.',
  '-',
  '*',
  '~',
  '~\n',
  ':',
  '^',
  '\n',
  '\r\n',
  ' ',
  'Ö',
  '253',
  '45',
  'CO',
  'PR',
  'OA',
  '22',
  'CLP*',
  '~CLP*P9*1*100*90*10*MB*1',
  'CLP*P8*22*-100*-90*-10*MB*2~',
  'CAS*CO*253*2~',
  'CAS*CO*253*1.84~',
  'CAS*PR*1*5~',
  'CAS*CO*50*10~',
  'SVC*HC:99213*100*80~',
  'SVC*HC:99213*100*98~DTM*472*20220515~CAS*CO*253*2~',
  'DTM*472*20200615~',
  'DTM*232*20240101~',
  'NM1*QC*1*DOE*JANE~',
  'LQ*HE*N130~',
  'MOA***MA01~',
  'REF*6R*X~',
  'AMT*B6*50~',
  'LX*1~',
  'PLB*1*20241231*WO:1*5~',
  'ST*835*0009~',
  '~SE*5*0001~',
  'SE*',
  'GE*1*1~',
  'IEA*1*000000001~',
  'ISA',
  'BPR*I*10*C~',
];

interface Edit {
  /** Where, as a fraction of the text; snapped to a segment start when `snap`. */
  readonly at: number;
  readonly snap: boolean;
  readonly remove: number;
  readonly insert: string;
  /** Analysed together with the next edit (a burst of keystrokes). */
  readonly burst: boolean;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  // Not fc.double: it favours the extremes (0, 1, tiny fractions), and edits belong everywhere.
  at: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000),
  snap: fc.boolean(),
  remove: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 40 })),
  insert: fc.oneof(
    fc.constantFrom(...PIECES),
    fc.string({ maxLength: 6, unit: fc.constantFrom('1', '5', '.', '*', '~', ':', 'C', 'L', 'P', 'A', 'S', '\n') }),
  ),
  burst: fc.boolean(),
});

/** The edit as offsets into `text`: [start, end) replaced by `insert`. */
function place(text: string, e: Edit): { start: number; end: number; insert: string } {
  let start = Math.min(text.length, Math.floor(e.at * text.length));
  if (e.snap) {
    const term = text.indexOf('~', start);
    start = term < 0 ? text.length : term + 1;
    while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
  }
  return { start, end: Math.min(text.length, start + e.remove), insert: e.insert };
}

const show = (a: Analysis) => JSON.stringify(snapshot(a));

/** Applies the edits in order; after each burst, the incremental result against a fresh analysis. Returns how many bursts went incrementally. */
function run(text: string, edits: readonly Edit[]): number {
  let analysis = analyze(text, DEFAULT_SETTINGS);
  let region: EditRegion | undefined;
  let fast = 0;
  for (let i = 0; i < edits.length; i++) {
    const { start, end, insert } = place(text, edits[i]);
    text = text.slice(0, start) + insert + text.slice(end);
    region = foldEdit(region, start, end, insert.length);
    if (edits[i].burst && i + 1 < edits.length) continue;
    const incremental = reanalyseClaims(analysis, region, text, DEFAULT_SETTINGS);
    const full = analyze(text, DEFAULT_SETTINGS);
    if (incremental) {
      fast++;
      const d = firstDifference(snapshot(incremental), snapshot(full));
      assert.equal(
        d,
        '',
        `edit ${i} (${JSON.stringify(region)}, ${JSON.stringify(text.slice(region.start, region.newEnd))}) differs from a fresh analysis (incremental vs full) at ${d}`,
      );
    }
    analysis = incremental ?? full;
    region = undefined;
  }
  return fast;
}

describe('incremental analysis: an edit re-reads only the claims it touched, and the result equals a full analysis', () => {
  test('random edit sequences: after each, the incremental result equals a fresh analysis', () => {
    let fast = 0;
    checkProperty(
      'incremental-equals-full',
      fc.property(fc.nat({ max: SAMPLES.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 8 }), (i, edits) => {
        fast += run(SAMPLES[i], edits);
      }),
      150,
    );
    assert.ok(fast > 50, `the incremental path was taken ${fast} times`);
  });

  test('a one-character edit of a patient name is analysed incrementally, and equals a fresh analysis', () => {
    const text = SAMPLES[4];
    const at = text.indexOf('NM1*QC*1*', text.length >> 1) + 9;
    const edited = text.slice(0, at) + 'Q' + text.slice(at + 1);
    const a = reanalyseClaims(analyze(text, DEFAULT_SETTINGS), { start: at, oldEnd: at + 1, newEnd: at + 1 }, edited, DEFAULT_SETTINGS);
    assert.ok(a, 'incremental');
    assert.equal(show(a), show(analyze(edited, DEFAULT_SETTINGS)));
  });

  test('an amount edit that unbalances a claim and the payment is reported as a fresh analysis reports it', () => {
    const text = SAMPLES[0];
    const at = text.indexOf('CLP*', text.length >> 1);
    // CLP04: after the fourth separator.
    let paid = at;
    for (let k = 0; k < 4; k++) paid = text.indexOf('*', paid) + 1;
    const edited = text.slice(0, paid) + '7' + text.slice(paid);
    const a = reanalyseClaims(analyze(text, DEFAULT_SETTINGS), { start: paid, oldEnd: paid, newEnd: paid + 1 }, edited, DEFAULT_SETTINGS);
    assert.ok(a, 'incremental');
    const codes = a.findings.map((f) => f.code);
    assert.ok(codes.includes('claim-balance') && codes.includes('transaction-balance'), codes.join(' '));
    assert.equal(show(a), show(analyze(edited, DEFAULT_SETTINGS)));
  });

  test('an edit that breaks a reversal pair changes the verdicts of the original, outside the edited claim, as a fresh analysis does', () => {
    const text = SAMPLES[1];
    const reversal = text.indexOf('*22*-');
    // CLP04 of the reversal: after CLP03; dropping its minus sign unpairs it from its original.
    const paid = text.indexOf('*', reversal + 4) + 1;
    assert.equal(text[paid], '-');
    const edited = text.slice(0, paid) + text.slice(paid + 1);
    const before = analyze(text, DEFAULT_SETTINGS);
    const reversedBefore = before.verdicts.flags.filter((f) => f & 8).length;
    const a = reanalyseClaims(before, { start: paid, oldEnd: paid + 1, newEnd: paid }, edited, DEFAULT_SETTINGS);
    assert.ok(a, 'incremental');
    const full = analyze(edited, DEFAULT_SETTINGS);
    assert.ok(full.verdicts.flags.filter((f) => f & 8).length < reversedBefore, 'the original is no longer reversed in the file');
    assert.equal(show(a), show(full));
  });

  test('folded edits: a burst of edits is one region covering them all', () => {
    const old = 'abcdefghij';
    let text = old;
    let region: EditRegion | undefined;
    for (const [start, end, insert] of [
      [2, 4, 'XYZ'],
      [8, 9, ''],
      [0, 1, 'Q'],
      [5, 5, '12'],
    ] as const) {
      text = text.slice(0, start) + insert + text.slice(end);
      region = foldEdit(region, start, end, insert.length);
    }
    assert.ok(region);
    assert.equal(old.slice(0, region.start) + text.slice(region.start, region.newEnd) + old.slice(region.oldEnd), text);
  });
});
