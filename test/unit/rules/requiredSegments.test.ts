import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requiredSegmentsRule } from '../../../server/src/rules/elements/requiredSegments';
import { isa } from '../../helpers/fragments';
import { CLAIM, expectNone, expectOne, HEADER, interchange, st } from './ruleHarness';

describe('required segments of an 835: BPR, TRN, N1*PR, N1*PE', () => {
  test('a transaction set with all four has nothing to report', () => {
    expectNone(requiredSegmentsRule, interchange(st([...HEADER, ...CLAIM])));
  });

  test('an empty 835 stub gets one segment-missing on its ST naming all four', () => {
    const f = expectOne(requiredSegmentsRule, interchange(st([])).replace('ST*835', '|ST|*835'), 'segment-missing', 'error');
    assert.match(f.message, /BPR.*TRN.*N1\*PR.*N1\*PE/);
  });

  test('only the missing ones are named', () => {
    const body = HEADER.filter((s) => !s.startsWith('TRN'));
    const f = expectOne(requiredSegmentsRule, interchange(st(body)).replace('ST*835', '|ST|*835'), 'segment-missing', 'error');
    assert.match(f.message, /no TRN/);
    assert.doesNotMatch(f.message, /BPR|N1\*P/);
  });

  test('a transaction set that is not an 835 is not asked for 835 segments', () => {
    expectNone(
      requiredSegmentsRule,
      isa() + 'GS*HC*A*B*20240101*1200*5*X*005010X222A1~ST*837*0001~BHT*0019~SE*3*0001~GE*1*5~IEA*1*000000001~',
    );
  });
});
