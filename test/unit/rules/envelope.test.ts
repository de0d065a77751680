import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { envelopeRule } from '../../../server/src/rules/envelope/envelope';
import { isa } from '../../helpers/fragments';
import { CLAIM, expectNone, expectOne, HEADER, interchange, relatedTexts, st } from './ruleHarness';

const body = [...HEADER, ...CLAIM];

describe('envelope: SE01, GE01, IEA01 counts, control numbers and trailers', () => {
  test('a correct interchange has nothing to report', () => {
    expectNone(envelopeRule, interchange(st(body), st(body, '0002')));
  });

  test('se-count: SE01 differs from the segments counted ST..SE; the range is SE01, related to the ST', () => {
    const src = interchange(st(body)).replace(`SE*${body.length + 2}*0001`, 'SE*|9|*0001');
    const f = expectOne(envelopeRule, src, 'se-count', 'error');
    assert.match(f.message, /says 9 segments.*holds 14/);
    assert.deepEqual(relatedTexts(src, f), ['ST']);
  });

  test('control-number-mismatch: SE02 differs from ST02; related points at ST02', () => {
    const src = interchange(st(body)).replace(`SE*${body.length + 2}*0001`, `SE*${body.length + 2}*|0002|`);
    const f = expectOne(envelopeRule, src, 'control-number-mismatch', 'error');
    assert.deepEqual(relatedTexts(src, f), ['0001']);
  });

  test('control-number-mismatch: GE02 differs from GS06, IEA02 from ISA13', () => {
    expectOne(envelopeRule, interchange(st(body)).replace('GE*1*1~', 'GE*1*|2|~'), 'control-number-mismatch', 'error');
    expectOne(envelopeRule, interchange(st(body)).replace('IEA*1*000000001', 'IEA*1*|000000002|'), 'control-number-mismatch', 'error');
  });

  test('numeric control numbers compare as numbers: GE02 0001 matches GS06 1', () => {
    expectNone(envelopeRule, interchange(st(body)).replace('GE*1*1~', 'GE*1*0001~'));
  });

  test('envelope-count: GE01 differs from the transaction sets of the group, IEA01 from its groups', () => {
    expectOne(envelopeRule, interchange(st(body), st(body, '0002')).replace('GE*2*1', 'GE*|1|*1'), 'envelope-count', 'error');
    expectOne(envelopeRule, interchange(st(body)).replace('IEA*1*', 'IEA*|2|*'), 'envelope-count', 'error');
  });

  test('segment-missing: a transaction set without SE is reported on its ST', () => {
    const src = interchange(st(body))
      .replace(/SE\*\d+\*0001~\n/, '')
      .replace('ST*835', '|ST|*835');
    const f = expectOne(envelopeRule, src, 'segment-missing', 'error');
    assert.match(f.message, /no SE/);
    assert.ok(f.related?.length, 'related points at where the transaction set ends');
  });

  test('segment-missing: a group without GE and an interchange without IEA', () => {
    expectOne(envelopeRule, interchange(st(body)).replace('GE*1*1~\n', '').replace('GS*HP', '|GS|*HP'), 'segment-missing', 'error');
    expectOne(envelopeRule, interchange(st(body)).replace('IEA*1*000000001~\n', '').replace(/^ISA/, '|ISA|'), 'segment-missing', 'error');
  });

  test('an ST..SE fragment without envelope is still counted', () => {
    expectOne(envelopeRule, `ST*835*0001~BPR*I*0*C*NON~SE*|4|*0001~`, 'se-count', 'error');
    expectNone(envelopeRule, `ST*835*0001~BPR*I*0*C*NON~SE*3*0001~`);
  });

  test('the envelope of a transaction set that is not an 835 is checked too', () => {
    expectOne(
      envelopeRule,
      isa() + 'GS*HC*A*B*20240101*1200*5*X*005010X222A1~ST*837*0001~BHT*0019~SE*|2|*0001~GE*1*5~IEA*1*000000001~',
      'se-count',
      'error',
    );
  });
});
