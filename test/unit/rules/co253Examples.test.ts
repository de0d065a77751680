import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { defaultSeverity } from '../../../server/src/rules/engine/catalog';
import { run } from './co253Fixtures';

const example = (name: string) => readFileSync(join(__dirname, '../../../examples', name), 'utf8');

describe('sequestration rules on the shipped examples', () => {
  test('medicare-part-b.835: only Information-level findings', () => {
    const { findings } = run(example('medicare-part-b.835'));
    assert.deepEqual(
      findings.map((f) => f.code),
      ['co253-sequestration', 'co253-sequestration'],
    );
    for (const f of findings) assert.equal(f.severity ?? defaultSeverity(f.code), 'information');
  });

  test('needs-attention.835: wrong rate, PR-253, commercial CO-253 and a CO-16 on the worklist', () => {
    const { analysis, findings } = run(example('needs-attention.835'));
    const claimOf = (start: number) =>
      analysis.model.claims.find((c) => {
        const t = analysis.tokens;
        return t.segStart[c.seg] <= start && start <= t.segEnd[c.lastSeg];
      })?.id;
    const got = findings.map((f) => `${f.code} ${claimOf(f.start)}`);
    for (const want of ['co253-amount PCN2001', 'co253-group PCN2002', 'co253-non-medicare PCN2004', 'adjustment-actionable PCN2003']) {
      assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
    }
    assert.ok(!got.includes('co253-unknown-rate undefined'));
  });
});
