import assert from 'node:assert/strict';
import { defaultSeverity } from '../../../server/src/rules/engine/catalog';
import type { Rule } from '../../../server/src/rules/engine/types';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import type { Finding, Severity } from '../../../server/src/x12/finding';
import { tokenize } from '../../../server/src/x12/tokenizer';
import { buildModel } from '../../../server/src/x835/builder';
import { isa, markers } from '../../helpers/fragments';

/**
 * Fragments for the validation rules: an envelope built around the segments under test (counts and
 * control numbers computed, so only the defect a test writes is wrong), `|` markers around the range
 * a finding must cover, and one rule run alone so each test file speaks about its rule only.
 */

/** The header and claim every rule test starts from (the same as `medicareFile`'s). */
export { MEDICARE_CLAIM as CLAIM, MEDICARE_HEADER as HEADER } from '../../helpers/fragments';

/** ST..SE around `body`, SE01 counted (markers do not change the count). */
export function st(body: readonly string[], control = '0001'): string[] {
  return [`ST*835*${control}*005010X221A1`, ...body, `SE*${body.length + 2}*${control}`];
}

/** ISA, GS, the given transaction sets, GE and IEA with correct counts and control numbers. */
export function interchange(...transactions: string[][]): string {
  const segs = [
    isa().slice(0, -1),
    'GS*HP*SENDER*RECEIVER*20240105*1200*1*X*005010X221A1',
    ...transactions.flat(),
    `GE*${transactions.length}*1`,
    'IEA*1*000000001',
  ];
  return segs.join('~\n') + '~\n';
}

/** The findings of one rule on a text. */
export function runRule(rule: Rule, text: string): Finding[] {
  return rule.check({ model: buildModel(tokenize(text)), settings: DEFAULT_SETTINGS });
}

export function severityOf(f: Finding): Severity {
  return f.severity ?? defaultSeverity(f.code);
}

/**
 * Runs `rule` on `src` (with two `|` markers) and asserts exactly one finding with `code`, covering
 * the marked range, at `severity`. Returns it for further assertions.
 */
export function expectOne(rule: Rule, src: string, code: string, severity: Severity): Finding {
  const { text, at } = markers(src);
  assert.equal(at.length, 2, 'the fragment needs a start and an end marker');
  const found = runRule(rule, text);
  assert.deepEqual(
    found.map((f) => f.code),
    [code],
    found.map((f) => f.message).join('\n'),
  );
  const f = found[0];
  assert.deepEqual({ start: f.start, end: f.end }, { start: at[0], end: at[1] }, `range of: ${f.message}`);
  assert.equal(severityOf(f), severity);
  return f;
}

/** Asserts the rule finds nothing (shows the messages when it does). */
export function expectNone(rule: Rule, src: string): void {
  const found = runRule(rule, markers(src).text);
  assert.deepEqual(
    found.map((f) => `${f.code}: ${f.message}`),
    [],
  );
}

/** The text a related location points at. */
export function relatedTexts(src: string, f: Finding): string[] {
  const { text } = markers(src);
  return (f.related ?? []).map((r) => text.slice(r.start, r.end));
}
