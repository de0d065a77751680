import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type InlayHint } from 'vscode-languageserver';
import { analyze } from '../../../server/src/analysis';
import { casShades } from '../../../server/src/features/casShades';
import { codeLenses } from '../../../server/src/features/codeLens';
import { inlayHints } from '../../../server/src/features/inlayHints';
import { fullSemanticTokens, semanticTokens } from '../../../server/src/features/semanticTokens';
import { foldingRanges } from '../../../server/src/features/folding';
import { documentSymbols } from '../../../server/src/features/symbols';
import {
  DEFAULT_VIEW_LIMITS,
  jsonBytes,
  MAX_BYTES,
  MAX_ITEMS,
  RENDER_CAP,
  viewLimitsOf,
  Visible,
} from '../../../server/src/features/visible';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { multiLine2MB, oneLine2MB } from '../../helpers/bigRemits';
import { medicareFile } from '../../helpers/fragments';

/** Absolute { line, character, length } of LSP's relative token encoding. */
function decode(data: readonly number[]): Array<{ line: number; character: number; length: number }> {
  const out = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2] });
  }
  return out;
}

const labelChars = (hints: readonly InlayHint[], line: number) =>
  hints.filter((h) => h.position.line === line).reduce((n, h) => n + (h.label as string).length, 0);

// A payer's usual delivery: one line, here 2 MB. VS Code asks about the whole line as the "visible range".
const oneLine = analyze(oneLine2MB(), DEFAULT_SETTINGS);
const wholeLine = { start: { line: 0, character: 0 }, end: oneLine.lines.positionAt(oneLine.text.length) };

describe('responses on a 2 MB one-line remit are bounded by what VS Code shows', () => {
  test('inlay hints: whole labels at the start of the line, within editor.inlayHints.maximumLength (43)', () => {
    const hints = inlayHints(oneLine, wholeLine, DEFAULT_SETTINGS);
    assert.ok(hints.length > 0 && hints.length <= 5, `${hints.length} hints`);
    assert.ok(labelChars(hints, 0) <= 43, `${labelChars(hints, 0)} characters of labels`);
    assert.ok(
      hints.every((h) => h.position.character < 1000),
      JSON.stringify(hints.map((h) => h.position)),
    );
    assert.ok(JSON.stringify(hints).length < 1000);
    // With element names on, the labels still fit the line's budget.
    const withNames = inlayHints(oneLine, wholeLine, { ...DEFAULT_SETTINGS, inlayHints: { enabled: true, elementNames: true } });
    assert.ok(labelChars(withNames, 0) <= 43);
  });

  test('semantic tokens (range and full): nothing past the 10,000 rendered characters, a few thousand tokens', () => {
    for (const [what, result] of [
      ['range', semanticTokens(oneLine, wholeLine)],
      ['full', fullSemanticTokens(oneLine)],
    ] as const) {
      assert.ok(result, `${what}: answered`);
      const tokens = decode(result.data);
      assert.ok(tokens.length > 1000 && tokens.length <= 2000, `${what}: ${tokens.length} tokens`);
      assert.ok(
        tokens.every((t) => t.line === 0 && t.character + t.length <= DEFAULT_VIEW_LIMITS.lineChars),
        `${what}: a token past the render limit`,
      );
      assert.ok(JSON.stringify(result).length < 50_000, `${what}: ${JSON.stringify(result).length} bytes`);
    }
  });

  test('code lenses and CAS shades: only on segments within the rendered characters', () => {
    const lenses = codeLenses(oneLine);
    assert.ok(lenses.length > 0 && lenses.length < 50, `${lenses.length} lenses`);
    assert.ok(lenses.every((l) => l.range.start.character < DEFAULT_VIEW_LIMITS.lineChars));
    const shades = casShades(oneLine, [wholeLine]);
    assert.ok(shades.length > 0 && shades.length < 200, `${shades.length} shades`);
    assert.ok(shades.every((s) => s.range.end.character <= DEFAULT_VIEW_LIMITS.lineChars));
  });

  test('a smaller editor.stopRenderingLineAfter bounds every response to it', () => {
    const limits = viewLimitsOf(2000, 43);
    assert.ok(decode(semanticTokens(oneLine, wholeLine, limits).data).every((t) => t.character + t.length <= 2000));
    assert.ok(inlayHints(oneLine, wholeLine, DEFAULT_SETTINGS, limits).every((h) => h.position.character < 2000));
    assert.ok(codeLenses(oneLine, limits).every((l) => l.range.start.character < 2000));
    assert.ok(casShades(oneLine, [wholeLine], limits).every((s) => s.range.end.character <= 2000));
  });
});

describe('whole-document requests on a multi-line remit are capped in items and bytes', () => {
  const multi = analyze(multiLine2MB(), DEFAULT_SETTINGS);
  const all = { start: { line: 0, character: 0 }, end: multi.lines.positionAt(multi.text.length) };

  test('inlay hints and CAS shades stop at their caps; full semantic tokens say "too many" (VS Code then asks by range)', () => {
    assert.equal(inlayHints(multi, all, DEFAULT_SETTINGS).length, MAX_ITEMS.inlayHints);
    assert.equal(casShades(multi, [all]).length, MAX_ITEMS.casShades);
    assert.equal(decode(semanticTokens(multi, all).data).length, MAX_ITEMS.semanticTokensRange);
    assert.equal(fullSemanticTokens(multi), undefined);
  });

  test('the outline and the folding ranges stop at their bytes of JSON, and say how many claims are left out', () => {
    const symbols = documentSymbols(multi, DEFAULT_SETTINGS);
    assert.ok(jsonBytes(symbols) <= MAX_BYTES.documentSymbols, `${jsonBytes(symbols)} bytes of symbols`);
    const flat = (xs: readonly DocumentSymbol[]): DocumentSymbol[] => xs.flatMap((x) => [x, ...flat(x.children ?? [])]);
    const listed = flat(symbols).filter((x) => x.kind === SymbolKind.Object).length;
    const more = flat(symbols).find((x) => x.name.startsWith('…'));
    assert.ok(listed > 1000, `${listed} claims listed`);
    assert.match(more?.name ?? '', new RegExp(`^… ${(multi.model.claims.length - listed).toLocaleString('en-US')} more claims`));
    const folds = foldingRanges(multi, DEFAULT_SETTINGS);
    assert.ok(folds.length > 1000 && jsonBytes(folds) <= MAX_BYTES.foldingRanges, `${folds.length} ranges, ${jsonBytes(folds)} bytes`);
  });

  test('100 visible lines give their tokens and labels, each line within 43 characters of labels', () => {
    const range = { start: { line: 5000, character: 0 }, end: { line: 5100, character: 0 } };
    const hints = inlayHints(multi, range, DEFAULT_SETTINGS);
    assert.ok(hints.length > 50);
    for (let line = 5000; line < 5100; line++) assert.ok(labelChars(hints, line) <= 43, `line ${line}`);
    assert.ok(decode(semanticTokens(multi, range).data).every((t) => t.line >= 5000 && t.line <= 5100));
  });
});

describe('editor limits', () => {
  test('read from the settings: -1 (never stop rendering) and 0 (never cut labels) become caps; nonsense the defaults', () => {
    assert.deepEqual(viewLimitsOf(-1, 0), { lineChars: RENDER_CAP, inlayChars: 500 });
    assert.deepEqual(viewLimitsOf(2000, 80), { lineChars: 2000, inlayChars: 80 });
    assert.deepEqual(viewLimitsOf('x', null), DEFAULT_VIEW_LIMITS);
  });

  test('Visible walks each segment once, only those with a rendered character', () => {
    // GS and ST share line 1; every other segment has a line of its own.
    const a = analyze(medicareFile().replace('~\nST*835', '~ST*835'), DEFAULT_SETTINGS);
    const ids = (lineChars: number) => [...new Visible(a, undefined, { lineChars, inlayChars: 43 }).segments()].map((s) => a.tokens.id(s));
    const all = [...Array(a.tokens.count).keys()].map((s) => a.tokens.id(s));
    assert.deepEqual(ids(10_000), all);
    // Three characters per line: ST starts further along line 1, so it is not walked.
    assert.deepEqual(
      ids(3),
      all.filter((id) => id !== 'ST'),
    );
  });
});
