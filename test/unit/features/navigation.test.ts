import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { navigate, segmentRange, whereAmI } from '../../../server/src/features/navigation';
import { tableOf } from '../../../server/src/features/table';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { analyseMarked, textOf } from '../../helpers/analyse';
import { isa } from '../../helpers/fragments';

const file = (body: string) =>
  `${isa()}\nGS*HP*S*R*20240105*1200*1*X*005010X221A1~\nST*835*0001~\nBPR*I*0*C*NON************20240105~\nTRN*1*T1*1512345678~\nN1*PR*PAYER~\nN1*PE*CLINIC*XX*1234567893~\nLX*1~\n${body}SE*9*0001~\nGE*1*1~\nIEA*1*000000001~\n`;

describe('where am I', () => {
  test('loop and element under the cursor, on a one-line file too', () => {
    const { a, at } = analyseMarked(file('CLP*A1*4*100*0**12~\nSVC*HC:99213*100*0~\nCAS*CO*1|6*100~\n').replace(/\n/g, ''));
    const w = whereAmI(a, at[0])!;
    assert.equal(w.path, '2110 › CAS02');
    assert.equal(w.claimId, 'A1');
  });

  test('on a segment id it names the segment; in the header it names the header', () => {
    const { a, at } = analyseMarked(file('').replace('BPR*', 'B|PR*'));
    assert.equal(whereAmI(a, at[0])!.path, 'Header › BPR');
  });

  test('segment ranges are addressed by index, the same in both layouts', () => {
    const { a } = analyseMarked(file(''));
    assert.equal(textOf(a, segmentRange(a, 2)!), 'ST*835*0001');
    assert.equal(segmentRange(a, 999), null);
  });
});

describe('go to', () => {
  const body = 'CLP*A1*1*100*100**MB~\nSVC*HC:1*100*100~\nCLP*A2*4*50*0**12~\nCAS*CO*45*10*1*16*40~\nCLP*A3*4*70*0**12~\nCAS*CO*18*70~\n';
  test('next and previous claim', () => {
    const { a, at } = analyseMarked(file(body.replace('SVC*HC:1', 'SVC*HC:|1')));
    assert.equal(textOf(a, navigate(a, at[0], 'nextClaim', DEFAULT_SETTINGS)!), 'CLP*A2*4*50*0**12');
    assert.equal(textOf(a, navigate(a, at[0], 'previousClaim', DEFAULT_SETTINGS)!), 'CLP*A1*1*100*100**MB');
  });

  test('next actionable adjustment skips contractual ones and moves by triplet', () => {
    const { a, at } = analyseMarked(file(body.replace('CLP*A2', '|CLP*A2')));
    const first = navigate(a, at[0], 'nextActionable', DEFAULT_SETTINGS)!;
    assert.equal(textOf(a, first), '16*40');
    const second = navigate(a, first.end, 'nextActionable', DEFAULT_SETTINGS)!;
    assert.equal(textOf(a, second), 'CO*18*70', 'first triplet: the group code is part of it');
    assert.equal(navigate(a, second.end, 'nextActionable', DEFAULT_SETTINGS), null);
  });
});

describe('copy as table', () => {
  test('the claim around the cursor, one row per element with name and meaning', () => {
    const { a, at } = analyseMarked(file('CLP*A1*1*100*80*20*MB~\nCAS*PR*|2*20~\n'));
    const { tsv, rows } = tableOf(a, { start: at[0], end: at[0] });
    assert.equal(rows, 2);
    const lines = tsv.trimEnd().split('\n');
    assert.equal(lines[0], 'Line\tLoop\tSegment\tElement\tName\tValue\tMeaning');
    const clp04 = lines.find((l) => l.includes('\tCLP04\t'))!.split('\t');
    assert.deepEqual([clp04[1], clp04[5], clp04[6]], ['2100', '80', '80.00']);
    assert.match(
      lines.find((l) => l.includes('\tCLP06\t'))!,
      /Medicare Part B/,
    );
  });
});
