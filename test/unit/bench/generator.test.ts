import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { amount, generate835Text, rateOn } from '../../../bench/generator';
import { analyze } from '../../../server/src/analysis';
import { effectiveSeverity } from '../../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

/**
 * Findings that would show as errors or warnings: a generated file must have none, but for its denials
 * (CO-97...): they are its worklist, and work is a Warning (adjustment-actionable).
 */
function problems(text: string): string[] {
  const a = analyze(text, DEFAULT_SETTINGS);
  return a.findings
    .filter((f) => {
      const s = effectiveSeverity(f, DEFAULT_SETTINGS);
      return (s === 'error' || s === 'warning') && f.code !== 'adjustment-actionable';
    })
    .map((f) => `${f.code} ${JSON.stringify(text.slice(f.start, f.end))}: ${f.message}`);
}

describe('benchmark generator', () => {
  test('a ~50 KB file, one segment per line, passes our own validation: information and its denials only', () => {
    const text = generate835Text({ bytes: 50_000 });
    assert.ok(text.length > 40_000 && text.length < 60_000, `size ${text.length}`);
    assert.deepEqual(problems(text), []);
    const codes = new Set(analyze(text, DEFAULT_SETTINGS).findings.map((f) => f.code));
    assert.ok(codes.has('co253-sequestration'), 'Medicare lines carry CO-253 at the expected rate');
  });

  test('the same on one line, with another seed', () => {
    assert.deepEqual(problems(generate835Text({ bytes: 50_000, oneLine: true, seed: 99 })), []);
  });

  test('it holds every kind of content the benchmark promises', () => {
    const text = generate835Text({ bytes: 50_000 });
    for (const s of ['CLP*', '*MB*', '*MA*', '*12*', 'PLB*', 'LQ*HE*', '**253*', 'MÜLLER', 'JOSÉ', 'DTM*233*']) {
      assert.ok(text.includes(s), `contains ${s}`);
    }
    assert.match(text, /CAS\*CO\*45\*[\d.]+\*\*253\*[\d.]+/, 'multi-triplet CAS');
    assert.match(text, /DTM\*472\*2022(04|05|06)\d\d/, 'service dates in the 1% period');
    assert.match(text, /DTM\*472\*2021\d{4}/, 'service dates in the suspended period');
  });

  test('deterministic: the same options give the same bytes', () => {
    assert.equal(generate835Text({ bytes: 20_000, seed: 3 }), generate835Text({ bytes: 20_000, seed: 3 }));
    assert.notEqual(generate835Text({ bytes: 20_000, seed: 3 }), generate835Text({ bytes: 20_000, seed: 4 }));
  });

  test('amounts and rates', () => {
    assert.deepEqual([amount(7840), amount(20000), amount(-125), amount(5), amount(0)], ['78.4', '200', '-1.25', '0.05', '0']);
    assert.deepEqual([rateOn(20190101), rateOn(20210615), rateOn(20220501), rateOn(20240101)], [0.02, 0, 0.01, 0.02]);
  });
});
