import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { foldingRanges } from '../../../server/src/features/folding';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { medicareFile } from '../../helpers/fragments';
import { twoClaimFile } from './remit';

const lineOf = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix));

describe('folding ranges', () => {
  test('fold the interchange, the transaction, each claim and each multi-segment service line', () => {
    const text = twoClaimFile();
    const r = foldingRanges(analyze(text, DEFAULT_SETTINGS), DEFAULT_SETTINGS);
    const at = (prefix: string) => r.find((f) => f.startLine === lineOf(text, prefix));
    assert.equal(at('ISA')!.endLine, lineOf(text, 'IEA'));
    assert.equal(at('ST')!.endLine, lineOf(text, 'SE'));
    assert.equal(at('CLP*PCN1001')!.endLine, lineOf(text, 'CLP*PCN1002') - 1);
    assert.equal(at('CLP*PCN1001')!.collapsedText, 'CLP PCN1001 · DOE, JANE · paid $78.40');
    assert.equal(at('SVC*HC:93000')!.endLine, lineOf(text, 'SVC*HC:80053') - 1);
    assert.equal(r.length, 7, 'ISA, ST, 2 claims, 3 lines');
  });

  test('a file on one line folds nothing', () => {
    assert.deepEqual(foldingRanges(analyze(medicareFile({ nl: '' }), DEFAULT_SETTINGS), DEFAULT_SETTINGS), []);
  });

  test("the client's range limit and the claim cap keep the envelopes first", () => {
    const a = analyze(twoClaimFile(), DEFAULT_SETTINGS);
    assert.equal(foldingRanges(a, DEFAULT_SETTINGS, { rangeLimit: 2 }).length, 2);
    const capped = foldingRanges(a, DEFAULT_SETTINGS, { maxClaims: 1 });
    assert.equal(capped.length, 4, 'ISA, ST, the first claim and its line');
  });
});
