/**
 * Shared pieces of the fuzz and property tests: the seed, the sample files to mutate, the mutations,
 * and checks that any range a feature returns lies inside the document.
 *
 * Reproducing a failure: fast-check prints `seed` and `path`; run the same file with
 * `FUZZ_SEED=<seed> node --import tsx --test <file>`. Each failing input is also written to
 * `.tmp/fuzz-failures/<name>.json`; copy it to test/fixtures/fuzz/ and `regressions.test.ts` replays it forever.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { medicareFile } from '../../helpers/fragments';

const ROOT = join(__dirname, '../../..');

/** One seed for every property in a run (printed on failure); FUZZ_SEED replays a failing run. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20240105);
/** FUZZ_SCALE=10 runs ten times more cases (a longer, deeper run by hand or in a nightly job). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
export const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

/**
 * Runs a property with the run's seed. On failure the message says how to replay it, and the
 * counterexample's text (when it has one) is saved as a ready-to-commit regression fixture.
 */
export function checkProperty<Ts extends unknown[]>(
  name: string,
  property: fc.IProperty<Ts>,
  numRuns: number,
  textOf?: (...values: Ts) => string,
): void {
  const result = fc.check(property, { seed: SEED, numRuns: runs(numRuns) });
  if (!result.failed) return;
  let saved = '';
  if (textOf && result.counterexample) {
    const text = textOf(...result.counterexample);
    const dir = join(ROOT, '.tmp', 'fuzz-failures');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name.replace(/\W+/g, '-')}-${createHash('sha1').update(text).digest('hex').slice(0, 8)}.json`);
    writeFileSync(file, JSON.stringify({ property: name, seed: SEED, path: result.counterexamplePath, text }, null, 1));
    saved = `\nThe failing input is saved in ${file}: copy it to test/fixtures/fuzz/ to keep it as a regression test.`;
  }
  const cause =
    result.errorInstance instanceof Error ? (result.errorInstance.stack ?? result.errorInstance.message) : String(result.errorInstance);
  assert.fail(
    `Property "${name}" failed after ${result.numRuns} run(s). Replay with FUZZ_SEED=${SEED} (path ${result.counterexamplePath}).${saved}\n${cause}`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Sample files

export interface Sample {
  readonly name: string;
  readonly text: string;
}

const readIf = (path: string): string | undefined => {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};

/** The public corpus and the examples, up to `maxChars` each (big ones are for the linear-work tests). */
export function sampleFiles(maxChars = 30_000): Sample[] {
  const out: Sample[] = [
    { name: 'medicareFile', text: medicareFile() },
    { name: 'medicareFile-one-line', text: medicareFile({ nl: '' }) },
    { name: 'medicareFile-crlf', text: medicareFile({ nl: '\r\n' }) },
  ];
  const dirs = [join(ROOT, 'examples'), '/work/shared/corpus/public'];
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const n of names) {
      if (!/\.(835|txt|edi)$/i.test(n)) continue;
      const text = readIf(join(dir, n));
      if (text !== undefined && text.length <= maxChars) out.push({ name: n, text });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Mutations of valid files

/** How a mutation changes a text; `at` and `n` are fractions or counts the mutation interprets. */
export type Mutation =
  | { kind: 'drop' | 'duplicate' | 'truncateSegment'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'swapDelimiters'; from: string; to: string }
  | { kind: 'hugeElement'; at: number; size: number; char: string }
  | { kind: 'insert'; at: number; junk: string }
  | { kind: 'crOnly' | 'lfOnly' | 'bom' | 'strip' }
  | { kind: 'deleteRange'; at: number; length: number };

const DELIMS = ['*', '~', ':', '^', '|', '>', '\n', '\r', ',', 'A', ' ', '\u0000'];
const JUNK = [
  '\ud800',
  '\udfff',
  '\ud83d',
  '😀',
  '\u0000',
  '\u001a',
  '\ufffd',
  '\ufeff',
  '\r',
  '\n',
  '\r\n',
  '~~~',
  '***',
  '::',
  'ISA',
  'ISA*',
  'ST*835*0001~',
  'CLP*',
  'CAS*CO*253*',
  'SVC*HC:',
  'LX*1~',
  'SE*1*0001~',
  'IEA*1*000000001~',
  'PLB*1*20241231*WO:',
  'NM1*QC*1*',
  '-',
  '.',
  '-.',
  '9'.repeat(40),
  '1e308',
  'NaN',
  '\t',
  'Ω',
  '\u2028',
];

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('drop' as const, 'duplicate' as const, 'truncateSegment' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('swapDelimiters' as const),
    from: fc.constantFrom('*', '~', ':', '^', '\n'),
    to: fc.constantFrom(...DELIMS),
  }),
  fc.record({
    kind: fc.constant('hugeElement' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    size: fc.integer({ min: 1000, max: 20_000 }),
    char: fc.constantFrom('9', 'X', '*', ':', '\ud800', '😀', ' '),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    junk: fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 12, unit: 'binary' }), bytesAsText(16)),
  }),
  fc.record({ kind: fc.constantFrom('crOnly' as const, 'lfOnly' as const, 'bom' as const, 'strip' as const) }),
  fc.record({
    kind: fc.constant('deleteRange' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 200 }),
  }),
);

/** Random bytes read as text the two ways a file reaches us: UTF-8 (with replacement characters) or Latin-1. */
export function bytesAsText(maxLength: number): fc.Arbitrary<string> {
  return fc.tuple(fc.uint8Array({ maxLength }), fc.boolean()).map(([bytes, utf8]) => Buffer.from(bytes).toString(utf8 ? 'utf8' : 'latin1'));
}

/** The segment terminator a sample most likely uses (for segment-level mutations). */
const terminatorOf = (text: string): string => (text.startsWith('ISA') && text.length > 106 ? text[105] : text.includes('~') ? '~' : '\n');

export function mutate(text: string, m: Mutation): string {
  const pos = (f: number) => Math.floor(f * text.length);
  switch (m.kind) {
    case 'drop':
    case 'duplicate':
    case 'truncateSegment': {
      const term = terminatorOf(text);
      const segs = text.split(term);
      if (!segs.length) return text;
      const i = Math.min(segs.length - 1, Math.floor(m.at * segs.length));
      if (m.kind === 'drop') segs.splice(i, 1);
      else if (m.kind === 'duplicate') segs.splice(i, 0, segs[i]);
      else segs[i] = segs[i].slice(0, Math.floor(segs[i].length / 2));
      return segs.join(term);
    }
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'swapDelimiters':
      return text.split(m.from).join(m.to);
    case 'hugeElement': {
      const term = terminatorOf(text);
      const at = text.indexOf(term, pos(m.at));
      const where = at < 0 ? text.length : at;
      return text.slice(0, where) + '*' + m.char.repeat(m.size) + text.slice(where);
    }
    case 'insert':
      return text.slice(0, pos(m.at)) + m.junk + text.slice(pos(m.at));
    case 'crOnly':
      return text.replace(/\r?\n/g, '\r');
    case 'lfOnly':
      return text.replace(/\r\n?/g, '\n');
    case 'bom':
      return '\ufeff' + text;
    case 'strip':
      return text.replace(/[\r\n]+/g, '');
    case 'deleteRange':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.length);
  }
}

/** A sample file with 1 to 4 mutations; the value is the mutated text (what every property needs). */
export function mutatedFileArb(samples: readonly Sample[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: samples.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
    .map(([i, ms]) => ms.reduce(mutate, samples[i].text));
}

/** Any text: random bytes, random strings with X12-ish characters, or mutated real files. */
export function anyDocumentArb(samples: readonly Sample[]): fc.Arbitrary<string> {
  const x12ish = fc.string({
    maxLength: 400,
    unit: fc.constantFrom(
      'I',
      'S',
      'A',
      '*',
      '~',
      ':',
      '^',
      '|',
      '\n',
      '\r',
      'C',
      'L',
      'P',
      '0',
      '1',
      '2',
      '5',
      '3',
      '.',
      '-',
      ' ',
      'T',
      'E',
      'G',
      'N',
      'M',
      '\ud800',
      '\ufeff',
    ),
  });
  return fc.oneof(
    { weight: 1, arbitrary: bytesAsText(600) },
    { weight: 1, arbitrary: fc.string({ maxLength: 300, unit: 'binary' }) },
    {
      weight: 2,
      arbitrary: x12ish.map(
        (s) => 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240105*1200*^*00501*000000001*0*P*:~' + s,
      ),
    },
    { weight: 1, arbitrary: x12ish },
    { weight: 6, arbitrary: mutatedFileArb(samples) },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Ranges inside the document

/** Line lengths (without line breaks), split the way LSP counts lines: LF, CRLF and lone CR. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

export interface Pos {
  readonly line: number;
  readonly character: number;
}
export interface Rng {
  readonly start: Pos;
  readonly end: Pos;
}

export function assertPositionInside(p: Pos, lines: readonly number[], what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
  assert.ok(
    p.character >= 0 && p.character <= lines[p.line],
    `${what}: character ${p.character} outside line ${p.line} of length ${lines[p.line]}`,
  );
}

export const before = (a: Pos, b: Pos): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);

export function assertRangeInside(r: Rng, lines: readonly number[], what: string): void {
  assertPositionInside(r.start, lines, `${what} start`);
  assertPositionInside(r.end, lines, `${what} end`);
  assert.ok(before(r.start, r.end), `${what}: range ends before it starts ${JSON.stringify(r)}`);
}

export const contains = (outer: Rng, inner: Rng): boolean => before(outer.start, inner.start) && before(inner.end, outer.end);

/** A position anywhere in the document (and sometimes just past it), from two fractions. */
export function positionIn(lines: readonly number[], f: number, g: number): Pos {
  const line = Math.min(lines.length - 1, Math.floor(f * lines.length));
  return { line, character: Math.min(lines[line], Math.floor(g * (lines[line] + 1))) };
}
