import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { severityOf } from './ruleHarness';

const example = (name: string) => readFileSync(join(__dirname, '../../../examples', name), 'utf8');

describe('the example files', () => {
  test('medicare-part-b.835 is a correct remit: no error and no warning from any rule', () => {
    const loud = analyze(example('medicare-part-b.835'), DEFAULT_SETTINGS).findings.filter(
      (f) => severityOf(f) === 'error' || severityOf(f) === 'warning',
    );
    assert.deepEqual(
      loud.map((f) => `${f.code}: ${f.message}`),
      [],
    );
  });

  test('needs-attention.835 does not balance: BPR02 240.00 against 245.00 paid on its claims', () => {
    const text = example('needs-attention.835');
    const found = analyze(text, DEFAULT_SETTINGS).findings.filter((f) => f.code === 'transaction-balance');
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].start, found[0].end), '240.00');
  });
});
