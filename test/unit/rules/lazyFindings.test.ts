import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { remit, run } from './co253Fixtures';

/**
 * co253-sequestration and adjustment-actionable findings word their messages when read (there are
 * 180,000 of them on a 50 MB file): every way a consumer reads one must give the text of a plain finding.
 */
describe('findings whose message is worded when read', () => {
  const { text } = remit([
    'CLP*PCN1*1*200*117.6*0*MB*PAYER1*11*1',
    'NM1*QC*1*DOE*JANE****MI*ABC123',
    'SVC*HC:99213*100*58.8**1',
    'DTM*472*20240226',
    'CAS*CO*45*40**253*1.2',
    'SVC*HC:99214*100*58.8**1',
    'CAS*CO*45*40**253*1.2',
    'CLP*PCN2*4*300*0*0*MB*PAYER2*11*1',
    'SVC*HC:99215*300*0**1',
    'DTM*472*20240226',
    'CAS*CO*97*300',
    'LQ*HE*M15',
  ]);
  const { findings } = run(text);

  test('the rules find one expected CO-253 with a date, one without, and one worklist item', () => {
    assert.deepEqual(
      findings.map((f) => f.code),
      ['co253-sequestration', 'co253-sequestration', 'adjustment-actionable'],
    );
    assert.equal(
      findings[0].message,
      'Medicare sequestration: 2% of the Medicare payment (1.20 on 60.00). Expected and not recoverable: post as a contractual adjustment; do not appeal or rebill.',
    );
    assert.match(findings[1].message, /^Medicare sequestration \(1\.20 on 60\.00\): no service or statement date/);
    assert.match(findings[2].message, /^CO-97 300\.00 needs work \(claim PCN2\): .* \(remarks: M15\)$/);
  });

  test('JSON is exactly the plain finding', () => {
    for (const f of findings) {
      const plain = { code: f.code, start: f.start, end: f.end, message: f.message };
      assert.equal(JSON.stringify(f), JSON.stringify(plain));
    }
  });

  test('the message is the same on every read, and destructuring sees it', () => {
    for (const f of findings) {
      const { code, start, end, message, severity } = f;
      assert.deepEqual(
        { code, start, end, message, severity },
        { code: f.code, start: f.start, end: f.end, message: f.message, severity: undefined },
      );
      assert.equal(f.message, message);
    }
  });
});
