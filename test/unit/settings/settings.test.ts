import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rateFor } from '../../../server/src/codes/sequestration';
import { readSettings } from '../../../server/src/settings';

/**
 * Bad settings are never silently dropped: each unusable value is one warning naming the setting, what is
 * wrong and what applies instead (the language server logs them, `era835 --settings` prints them).
 */
const warningsOf = (raw: unknown) => readSettings(raw).warnings;
const periods = (...ps: unknown[]) => ({ sequestration: { periods: ps } });

describe('settings: what is not used is said', () => {
  test('a rate out of range, negative, or written as text: the period is dropped, naming the setting', () => {
    const r = readSettings(
      periods(
        { from: '2024-01-01', rate: 5.0 },
        { from: '2024-01-01', rate: -0.02 },
        { from: '2024-01-01', rate: '0.02' },
        { from: '2025-01-01', rate: 0.03 },
      ),
    );
    assert.deepEqual(r.settings.sequestrationPeriods, [{ from: '2025-01-01', rate: 0.03 }]);
    assert.equal(r.warnings.length, 3);
    assert.match(r.warnings[0], /^era835\.sequestration\.periods\[0\]\.rate: 5 is not a fraction from 0 to 1/);
    assert.match(r.warnings[1], /^era835\.sequestration\.periods\[1\]\.rate: -0\.02 is not a fraction/);
    assert.match(
      r.warnings[2],
      /^era835\.sequestration\.periods\[2\]\.rate: "0\.02" is not a number \(write the number 0\.02, without quotes\)/,
    );
  });

  test('a date that is not a date, and "to" before "from"', () => {
    const w = warningsOf(
      periods(
        { from: 'garbage', rate: 0.02 },
        { from: '2024-01-01', to: '2023-12-31', rate: 0.02 },
        { from: '2024-01-01', to: '31/12/2024', rate: 0.02 },
      ),
    );
    assert.match(w[0], /^era835\.sequestration\.periods\[0\]\.from: "garbage" is not a date YYYY-MM-DD/);
    assert.match(w[1], /^era835\.sequestration\.periods\[1\]: "to" 2023-12-31 is before "from" 2024-01-01/);
    assert.match(w[2], /^era835\.sequestration\.periods\[2\]\.to: "31\/12\/2024" is not a date/);
    assert.match(w[3], /^era835\.sequestration\.periods: no usable period; the built-in table is used/);
  });

  test('when every period is dropped the built-in table applies, as the warning says', () => {
    const r = readSettings(periods({ from: 'garbage', rate: 0.5 }));
    assert.equal(r.settings.sequestrationPeriods, undefined);
    assert.equal(rateFor(20240102, r.settings).rate, 0.02);
  });

  test('severities: an unknown level or an unknown code is named', () => {
    const r = readSettings({ rules: { 'co253-amount': 'loud', 'co253-amout': 'off', 'claim-balance': 'error' } });
    assert.deepEqual(r.settings.rules, { 'claim-balance': 'error' });
    assert.deepEqual(r.warnings, [
      'era835.rules.co253-amount: "loud" is not one of error, warning, information, hint, off; the default severity is used',
      'era835.rules.co253-amout: no such diagnostic code (see the README, Diagnostic codes); ignored',
    ]);
  });

  test('wrong types elsewhere: periods not a list, a path not a string, a flag not a boolean', () => {
    const w = warningsOf({ sequestration: { periods: { from: '2024-01-01' } }, codeLists: { path: 7 }, inlayHints: { enabled: 'yes' } });
    assert.match(w.join('\n'), /era835\.sequestration\.periods: an object is not a list/);
    assert.match(w.join('\n'), /era835\.codeLists\.path: 7 is not a file path/);
    assert.match(w.join('\n'), /era835\.inlayHints\.enabled: "yes" is not true or false; true is used/);
  });

  test('the nested form {"era835": {...}} and dotted keys are accepted and read like the VS Code form', () => {
    const plain = readSettings({ rules: { 'co253-amount': 'error' }, sequestration: { periods: [{ from: '2024-01-01', rate: 0.03 }] } });
    for (const raw of [
      { era835: { rules: { 'co253-amount': 'error' }, sequestration: { periods: [{ from: '2024-01-01', rate: 0.03 }] } } },
      { 'rules.co253-amount': 'error', 'sequestration.periods': [{ from: '2024-01-01', rate: 0.03 }] },
      { 'era835.rules.co253-amount': 'error', era835: { 'sequestration.periods': [{ from: '2024-01-01', rate: 0.03 }] } },
    ]) {
      const r = readSettings(raw);
      assert.deepEqual(r.warnings, [], JSON.stringify(raw));
      assert.deepEqual(r.settings, plain.settings, JSON.stringify(raw));
    }
  });

  test('what VS Code sends by default (every rule at its default, an empty period list) warns about nothing', () => {
    assert.deepEqual(
      warningsOf({
        rules: { 'co253-amount': 'warning' },
        sequestration: { periods: [] },
        codeLists: { path: '' },
        inlayHints: { enabled: true, elementNames: false },
        trace: { server: 'off' },
        highlight: { cas: true },
      }),
      [],
    );
    assert.deepEqual(warningsOf(undefined), []);
  });
});
