/**
 * Runs every language feature of server/src/features/ on one analysis, at the given positions, and checks
 * what the editor relies on: nothing throws, every range lies inside the document, selection and
 * symbol ranges nest as VS Code requires, completion edits sit on the cursor's line around the cursor,
 * semantic tokens stay on their line. Returns the answers as plain data for the determinism check.
 */
import assert from 'node:assert/strict';
import type { Analysis } from '../../../server/src/analysis';
import { describeAdjustment } from '../../../server/src/features/adjustmentText';
import { casShades } from '../../../server/src/features/casShades';
import { codeLenses } from '../../../server/src/features/codeLens';
import { completion } from '../../../server/src/features/completion';
import { normalizeDelimiters } from '../../../server/src/features/delimiters';
import { foldingRanges } from '../../../server/src/features/folding';
import { formatText, minifyText } from '../../../server/src/features/format';
import { hover } from '../../../server/src/features/hover';
import { inlayHints } from '../../../server/src/features/inlayHints';
import { navigate, segmentRange, whereAmI, type NavigationTarget } from '../../../server/src/features/navigation';
import { selectionRanges } from '../../../server/src/features/selectionRanges';
import { semanticTokens } from '../../../server/src/features/semanticTokens';
import { documentSymbols } from '../../../server/src/features/symbols';
import { tableOf } from '../../../server/src/features/table';
import { toDiagnostics } from '../../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/settings';
import { claimsOf } from '../../../server/src/workspace/claimIndex';
import { assertPositionInside, assertRangeInside, contains, lineLengths, positionIn, type Pos, type Rng } from './kit';

const WITH_NAMES: Settings = { ...DEFAULT_SETTINGS, inlayHints: { enabled: true, elementNames: true } };
const TARGETS: NavigationTarget[] = ['nextClaim', 'previousClaim', 'nextActionable', 'previousActionable'];
const URI = 'file:///fuzz/doc.835';

interface SymbolLike {
  range: Rng;
  selectionRange: Rng;
  name: string;
  children?: SymbolLike[];
}

function checkSymbols(list: readonly SymbolLike[], lines: readonly number[], path: string): void {
  for (const s of list) {
    const what = `symbol ${path}/${s.name}`;
    assertRangeInside(s.range, lines, what);
    assertRangeInside(s.selectionRange, lines, `${what} selection`);
    assert.ok(contains(s.range, s.selectionRange), `${what}: selectionRange must be inside range (VS Code rejects the outline otherwise)`);
    assert.ok(s.name.length > 0, `${what}: a symbol needs a name (VS Code rejects empty names)`);
    checkSymbols(s.children ?? [], lines, `${path}/${s.name}`);
  }
}

/** Decodes relative semantic tokens and checks each lies on one line inside the document. */
function checkTokens(data: readonly number[], lines: readonly number[], what: string): void {
  assert.equal(data.length % 5, 0, `${what}: data is whole tokens`);
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, len] = [data[i], data[i + 1], data[i + 2]];
    assert.ok(dl >= 0 && dc >= 0 && len > 0, `${what}: token ${i / 5} has negative delta or empty length`);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    assert.ok(line < lines.length, `${what}: token ${i / 5} on line ${line} past the end`);
    assert.ok(
      char + len <= lines[line],
      `${what}: token ${i / 5} at ${line}:${char} length ${len} runs past the line (length ${lines[line]})`,
    );
  }
}

/** How many adjustments the model holds (a cheap sanity value for tests). */
export const adjustmentsAt = (a: Analysis): number => a.model.cas.length;

export function runEveryFeature(a: Analysis, fractions: ReadonlyArray<readonly [number, number]>, extra: readonly Pos[] = []): unknown[] {
  const lines = lineLengths(a.text);
  const out: unknown[] = [];
  const positions = [...fractions.map(([f, g]) => positionIn(lines, f, g)), ...extra];
  const whole: Rng = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1] } };
  const ranges: Rng[] = [whole];
  for (let i = 0; i + 1 < positions.length; i += 2) {
    const [p, q] = [positions[i], positions[i + 1]];
    ranges.push(p.line < q.line || (p.line === q.line && p.character <= q.character) ? { start: p, end: q } : { start: q, end: p });
  }

  for (const d of toDiagnostics(a, DEFAULT_SETTINGS, URI)) {
    assertRangeInside(d.range, lines, `diagnostic ${d.code}`);
    for (const r of d.relatedInformation ?? []) assertRangeInside(r.location.range, lines, `related of ${d.code}`);
  }

  const symbols = documentSymbols(a, DEFAULT_SETTINGS);
  checkSymbols(symbols as SymbolLike[], lines, '');
  out.push(symbols);

  const folds = foldingRanges(a, DEFAULT_SETTINGS);
  for (const f of folds) {
    assert.ok(
      f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.length,
      `folding ${f.startLine}..${f.endLine} of ${lines.length} lines`,
    );
  }
  out.push(folds);

  for (const lens of codeLenses(a)) assertRangeInside(lens.range, lines, `code lens ${lens.command?.title}`);

  const full = semanticTokens(a);
  checkTokens(full.data, lines, 'semantic tokens');
  out.push(full.data.length);

  const sel = selectionRanges(a, positions, DEFAULT_SETTINGS);
  assert.equal(sel.length, positions.length, 'one selection range per position');
  sel.forEach((s, i) => {
    let inner: Rng | undefined;
    for (let r: typeof s | undefined = s; r; r = r.parent) {
      assertRangeInside(r.range, lines, `selection range at ${JSON.stringify(positions[i])}`);
      if (inner)
        assert.ok(
          contains(r.range, inner),
          `selection range parent ${JSON.stringify(r.range)} must contain ${JSON.stringify(inner)} (VS Code rejects it)`,
        );
      inner = r.range;
    }
  });
  out.push(sel);

  for (const p of positions) {
    const h = hover(a, p, DEFAULT_SETTINGS, URI);
    if (h?.range) assertRangeInside(h.range, lines, `hover at ${JSON.stringify(p)}`);
    out.push(h);

    const c = completion(a, p, DEFAULT_SETTINGS);
    for (const item of c.items) {
      const edit = item.textEdit as { range?: Rng } | undefined;
      if (!edit?.range) continue;
      assertRangeInside(edit.range, lines, `completion ${item.label}`);
      // VS Code drops items whose range is on another line or does not contain the cursor.
      const inDoc = p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line];
      if (inDoc) {
        assert.equal(edit.range.start.line, edit.range.end.line, `completion ${item.label}: range must be single-line`);
        assert.ok(
          contains(edit.range, { start: p, end: p }),
          `completion ${item.label}: range ${JSON.stringify(edit.range)} must contain the cursor ${JSON.stringify(p)}`,
        );
      }
    }
    out.push(c.items.length);

    out.push(whereAmI(a, p));
    for (const target of TARGETS) {
      const r = navigate(a, p, target, DEFAULT_SETTINGS);
      if (r) assertRangeInside(r, lines, `navigate ${target}`);
      out.push(r);
    }
  }

  for (const r of ranges) {
    for (const settings of [DEFAULT_SETTINGS, WITH_NAMES]) {
      for (const h of inlayHints(a, r, settings)) assertPositionInside(h.position, lines, `inlay hint ${JSON.stringify(h.label)}`);
    }
    const tokens = semanticTokens(a, r);
    checkTokens(tokens.data, lines, 'semantic tokens (range)');
    for (const s of casShades(a, [r])) assertRangeInside(s.range, lines, `CAS shade ${s.label}`);
    const table = tableOf(a, r);
    assert.ok(table.rows >= 0 && typeof table.tsv === 'string');
    out.push(tokens.data.length, table.rows);
  }

  const segs = a.tokens.count;
  for (const index of [-1, 0, segs - 1, segs, Math.floor(segs / 2)]) {
    const r = segmentRange(a, index);
    if (r) assertRangeInside(r, lines, `segment range ${index}`);
  }

  for (const adj of a.model.cas.all().slice(0, 50)) assert.equal(typeof describeAdjustment(a, adj, DEFAULT_SETTINGS), 'string');
  for (const c of claimsOf(a.model, a.lines)) {
    assertRangeInside(
      { start: { line: c.line, character: c.character }, end: { line: c.endLine, character: c.endCharacter } },
      lines,
      `indexed claim ${c.id}`,
    );
  }

  const formatted = formatText(a.tokens);
  const minified = minifyText(a.tokens);
  assert.equal(typeof formatted, 'string');
  assert.equal(typeof minified, 'string');
  for (const change of [{ element: '|' }, { segment: '\n' }, { component: '>', repetition: '!' }, { element: '*', segment: '~' }]) {
    const r = normalizeDelimiters(a.tokens, change);
    if (!r.ok) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= a.text.length, 'a refusal points inside the text');
  }
  out.push(formatted.length, minified.length);
  return out;
}
