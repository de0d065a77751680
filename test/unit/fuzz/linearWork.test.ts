import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { casShades } from '../../../server/src/features/casShades';
import { codeLenses } from '../../../server/src/features/codeLens';
import { completion } from '../../../server/src/features/completion';
import { foldingRanges } from '../../../server/src/features/folding';
import { formatText, minifyText } from '../../../server/src/features/format';
import { hover } from '../../../server/src/features/hover';
import { inlayHints } from '../../../server/src/features/inlayHints';
import { navigate, whereAmI } from '../../../server/src/features/navigation';
import { selectionRanges } from '../../../server/src/features/selectionRanges';
import { semanticTokens } from '../../../server/src/features/semanticTokens';
import { documentSymbols } from '../../../server/src/features/symbols';
import { tableOf } from '../../../server/src/features/table';
import { toDiagnostics } from '../../../server/src/lsp/diagnostics';
import { redact } from '../../../server/src/redact/redact';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { LineIndex } from '../../../server/src/x12/lineIndex';
import { SegmentTable } from '../../../server/src/x12/tokenizer';
import { CasColumns, ModelStore } from '../../../server/src/x835/records';
import { summarize } from '../../../server/src/report/summary';
import { claimsOf } from '../../../server/src/workspace/claimIndex';
import { generate835Text } from '../../../bench/generator';

/**
 * Work grows linearly with the input, measured by counting work, not time: every read of the document
 * goes through a few methods (an element's text, a segment lookup, an offset/position conversion, a
 * string search or copy, weighted by the characters it covers), so their count is a deterministic measure
 * of the work a feature does. A quadratic loop (each claim scanning every segment) shows as 16 times the
 * work on 4 times the input.
 *
 * Whole-document features may grow in proportion to the input; requests at one position (hover,
 * completion, go to) must not grow with it at all beyond a logarithm.
 */
const counted: Array<[object, string]> = [
  [SegmentTable.prototype, 'element'],
  [SegmentTable.prototype, 'elementCount'],
  [SegmentTable.prototype, 'segmentAt'],
  [SegmentTable.prototype, 'elementAt'],
  [SegmentTable.prototype, 'elementStartOffset'],
  [SegmentTable.prototype, 'elementEndOffset'],
  [SegmentTable.prototype, 'components'],
  [SegmentTable.prototype, 'delimitersOf'],
  // Rows of the model's columns reached as objects (a claim, a line, a triplet).
  [ModelStore.prototype, 'claimAt'],
  [ModelStore.prototype, 'lineAt'],
  [CasColumns.prototype, 'at'],
  [LineIndex.prototype, 'positionAt'],
  [LineIndex.prototype, 'offsetAt'],
];
let calls = 0;
const originals: Array<() => void> = [];

function work(f: () => unknown): number {
  calls = 0;
  f();
  return calls;
}

/** A file with `claims` claims, all in one transaction set (so per-transaction work is tested too). */
const fileWith = (claims: number) => generate835Text({ bytes: claims * 700, claimsPerTransaction: claims, seed: 7 });

describe('work grows linearly with the input (counted, not timed)', () => {
  let small: Analysis;
  let large: Analysis;
  let ratio: number;
  before(() => {
    for (const [proto, name] of counted) {
      const p = proto as Record<string, (...args: unknown[]) => unknown>;
      const original = p[name];
      p[name] = function (this: unknown, ...args: unknown[]) {
        calls++;
        return original.apply(this, args);
      };
      originals.push(() => {
        p[name] = original;
      });
    }
    // Searches and copies count the characters they cover: a search that runs to the end of the text
    // for every segment is quadratic even though it is one call.
    const strings = String.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const indexOf = strings.indexOf;
    const slice = strings.slice;
    strings.indexOf = function (this: string, search: unknown, from?: unknown) {
      const start = Math.max(0, Number(from ?? 0) || 0);
      const at = indexOf.call(this, search, from) as number;
      calls += 1 + (((at < 0 ? this.length : at) - start) >> 4);
      return at;
    };
    strings.slice = function (this: string, ...args: unknown[]) {
      const out = slice.apply(this, args) as string;
      calls += 1 + (out.length >> 4);
      return out;
    };
    originals.push(() => {
      strings.indexOf = indexOf;
      strings.slice = slice;
    });
    small = analyze(fileWith(100), DEFAULT_SETTINGS);
    large = analyze(fileWith(400), DEFAULT_SETTINGS);
    ratio = large.model.claims.length / small.model.claims.length;
    assert.ok(ratio > 3, `the large file has ${ratio}x the claims`);
  });
  after(() => {
    for (const restore of originals) restore();
  });

  const whole = (a: Analysis) => ({ start: { line: 0, character: 0 }, end: a.lines.positionAt(a.text.length) });
  const wholeDocument: Array<[string, (a: Analysis) => unknown]> = [
    ['analyze', (a) => analyze(a.text, DEFAULT_SETTINGS)],
    ['diagnostics', (a) => toDiagnostics(a, DEFAULT_SETTINGS, 'file:///x.835')],
    ['document symbols', (a) => documentSymbols(a, DEFAULT_SETTINGS)],
    ['folding ranges', (a) => foldingRanges(a, DEFAULT_SETTINGS)],
    ['semantic tokens', (a) => semanticTokens(a)],
    ['code lenses', (a) => codeLenses(a)],
    ['inlay hints', (a) => inlayHints(a, whole(a), { ...DEFAULT_SETTINGS, inlayHints: { enabled: true, elementNames: true } })],
    ['CAS shades', (a) => casShades(a, [whole(a)])],
    ['table', (a) => tableOf(a, whole(a))],
    ['format', (a) => formatText(a.tokens)],
    ['minify', (a) => minifyText(a.tokens)],
    ['redact', (a) => redact(a.text, { salt: 'x' })],
    ['workspace claim index', (a) => claimsOf(a.model, a.lines)],
    ['remittance summary', (a) => summarize(a, DEFAULT_SETTINGS)],
  ];
  for (const [name, run] of wholeDocument) {
    test(`${name}: at most proportional to the number of claims`, () => {
      const w1 = work(() => run(small));
      const w4 = work(() => run(large));
      assert.ok(
        w4 <= ratio * 1.25 * w1 + 1000,
        `${name}: ${w1} calls on ${small.model.claims.length} claims, ${w4} on ${large.model.claims.length}`,
      );
    });
  }

  /** A position in the middle claim: on its first CAS amount. */
  const middle = (a: Analysis) => {
    const adj = a.model.cas.at(a.model.cas.length >> 1);
    return a.lines.positionAt(a.tokens.elementStartOffset(adj.seg, adj.reasonElem + 1));
  };
  const atPosition: Array<[string, (a: Analysis) => unknown]> = [
    ['hover', (a) => hover(a, middle(a), DEFAULT_SETTINGS, 'file:///x.835')],
    ['completion', (a) => completion(a, middle(a), DEFAULT_SETTINGS)],
    ['selection ranges', (a) => selectionRanges(a, [middle(a)], DEFAULT_SETTINGS)],
    ['where am I', (a) => whereAmI(a, middle(a))],
    ['go to next claim', (a) => navigate(a, middle(a), 'nextClaim', DEFAULT_SETTINGS)],
    ['go to previous adjustment that needs work', (a) => navigate(a, middle(a), 'previousActionable', DEFAULT_SETTINGS)],
  ];
  for (const [name, run] of atPosition) {
    test(`${name}: does not grow with the file`, () => {
      const w1 = work(() => run(small));
      const w4 = work(() => run(large));
      assert.ok(w4 <= w1 * 1.5 + 50, `${name}: ${w1} calls on the small file, ${w4} on the large one`);
    });
  }
});
