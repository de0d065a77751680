import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { fileClaimsOf, linksOf, type FileClaims } from '../../../server/src/workspace/reversalLinks';

/** Reversal pairs across files (issue 14): what each file offers, and which links concern a file. */
const claimsOf = (path: string): FileClaims => {
  const a = analyze(readFileSync(join(__dirname, '../../fixtures', path), 'utf8'), DEFAULT_SETTINGS);
  return fileClaimsOf(a.model, a.lines);
};

describe('reversal links across files', () => {
  test('a reversal paired in its own file is not offered; one whose original is elsewhere is, with its correction', () => {
    const c = claimsOf('verdicts/reversal-and-correction.835');
    // PCNC1's original is not in the file (its correction follows); PCNC2's is, before it.
    assert.deepEqual(
      c.reversals.map((r) => [r.id, r.co253, r.correction]),
      [['PCNC1', -300, { id: 'PCNC1', co253: 200 }]],
    );
    assert.deepEqual(
      c
        .originals()
        .get('1:PCNC2')
        ?.map((o) => o.co253),
      [300, 200],
    );
  });

  test('paired by CLP01 with the exact negated charge and payment; a file is never paired with itself', () => {
    const files = new Map([
      ['a', claimsOf('reversal-pairs/original-with-excess-co253.835')],
      ['b', claimsOf('reversal-pairs/reversal-and-correction-of-another-file.835')],
    ]);
    const [fromB] = linksOf('b', files);
    assert.equal(fromB.originalFile, 'a');
    assert.equal(fromB.original.id, 'PCNR1');
    assert.equal(fromB.original.co253, 300);
    assert.deepEqual(linksOf('a', files), [fromB], 'the original file sees the same link');
    assert.deepEqual(linksOf('b', new Map([['b', files.get('b')!]])), []);
    // A different payment (the second claim of a) is never taken for the original.
    const other = { ...files.get('b')!, reversals: files.get('b')!.reversals.map((r) => ({ ...r, paid: -9800 })) };
    assert.deepEqual(
      linksOf(
        'b',
        new Map([
          ['a', files.get('a')!],
          ['b', other],
        ]),
      ),
      [],
    );
  });
});
