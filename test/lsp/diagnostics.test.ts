import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../../server/src/analysis';
import { effectiveSeverity, MAX_DIAGNOSTICS, shownDiagnostics, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings';
import type { Finding, Severity } from '../../server/src/x12/finding';
import { LineIndex } from '../../server/src/x12/lineIndex';

const TEXT = 'ISA*00~\nGS*HP~\r\nCLP*1*2~\nCAS*CO*253*1.00~';
const URI = 'file:///w/a.835';

/** The selection as the server first wrote it: filter, then fill the cap severity by severity, then keep finding order. */
function reference(a: Analysis, settings: Settings): Diagnostic[] {
  const shown = a.findings.filter((f) => effectiveSeverity(f, settings) !== undefined);
  if (shown.length <= MAX_DIAGNOSTICS) return toDiagnostics({ ...a, findings: shown }, settings, URI);
  const keep = new Set<Finding>();
  for (const severity of ['error', 'warning', 'information', 'hint'] as const) {
    for (const f of shown) {
      if (keep.size >= MAX_DIAGNOSTICS - 1) break;
      if (effectiveSeverity(f, settings) === severity) keep.add(f);
    }
  }
  const out = toDiagnostics({ ...a, findings: shown.filter((f) => keep.has(f)) }, settings, URI);
  out.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
    severity: DiagnosticSeverity.Information,
    source: 'era835',
    code: 'diagnostics-limit',
    message: `${shown.length - keep.size} more findings are not shown: an editor shows at most ${MAX_DIAGNOSTICS} per file (errors first). Run \`era835 check\` on this file to list all ${shown.length}.`,
  });
  return out;
}

const CODES = ['se-count', 'co253-sequestration', 'element-code', 'segment-missing', 'adjustment-actionable', 'no-such-code'];
const LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
const findingArb: fc.Arbitrary<Finding> = fc
  .record({
    code: fc.constantFrom(...CODES),
    start: fc.nat(TEXT.length),
    length: fc.nat(5),
    severity: fc.option(fc.constantFrom<Severity>('error', 'warning', 'information', 'hint'), { nil: undefined }),
    related: fc.option(
      fc.array(fc.record({ start: fc.nat(TEXT.length), end: fc.nat(TEXT.length), message: fc.constant('see') }), { maxLength: 2 }),
      { nil: undefined },
    ),
  })
  .map(({ code, start, length, severity, related }) => ({
    code,
    start,
    end: Math.min(TEXT.length, start + length),
    message: `${code} at ${start}`,
    ...(severity ? { severity } : {}),
    ...(related ? { related } : {}),
  }));
const settingsArb: fc.Arbitrary<Settings> = fc
  .dictionary(fc.constantFrom(...CODES), fc.constantFrom(...LEVELS))
  .map((rules) => ({ ...DEFAULT_SETTINGS, rules }));

describe('diagnostics published for a document', () => {
  test('the same selection and order as filtering every finding, around and far beyond the cap', () => {
    const lines = new LineIndex(TEXT);
    // Many findings of few kinds: copies of a small random list reach the cap without 1000 random draws.
    const manyArb = fc
      .tuple(fc.array(findingArb, { minLength: 1, maxLength: 12 }), fc.constantFrom(1, 50, 83, 84, 90, 200, 400))
      .map(([few, copies]) => {
        const out: Finding[] = [];
        for (let i = 0; i < copies; i++) for (const f of few) out.push({ ...f, message: `${f.message} #${i}` });
        return out;
      });
    fc.assert(
      fc.property(fc.oneof(fc.array(findingArb, { maxLength: 30 }), manyArb), settingsArb, (findings, settings) => {
        const a = { text: TEXT, lines, findings } as unknown as Analysis;
        assert.deepEqual(shownDiagnostics(a, settings, URI), reference(a, settings));
      }),
      { numRuns: 400, seed: 20240107 },
    );
  });

  test('over the cap: errors first, then one note with the count left out', () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 1500; i++) findings.push({ code: 'co253-sequestration', start: 0, end: 3, message: `info ${i}` });
    findings.push({ code: 'se-count', start: 8, end: 10, message: 'the error' });
    const a = { text: TEXT, lines: new LineIndex(TEXT), findings } as unknown as Analysis;
    const d = shownDiagnostics(a, DEFAULT_SETTINGS, URI);
    assert.equal(d.length, MAX_DIAGNOSTICS);
    assert.equal(d[MAX_DIAGNOSTICS - 2].message, 'the error');
    assert.equal(d[MAX_DIAGNOSTICS - 1].code, 'diagnostics-limit');
    assert.match(String(d[MAX_DIAGNOSTICS - 1].message), /^502 more findings .* all 1501\.$/);
  });
});
