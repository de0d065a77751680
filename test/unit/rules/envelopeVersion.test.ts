import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { envelopeVersionRule } from '../../../server/src/rules/envelope/envelopeVersion';
import { isa } from '../../helpers/fragments';
import { CLAIM, expectNone, expectOne, HEADER, interchange, st } from './ruleHarness';

const body = [...HEADER, ...CLAIM];

describe('envelope version: GS01 HP, GS08 and ST03 005010X221A1', () => {
  test('a 5010 835 has nothing to report, with or without ST03', () => {
    expectNone(envelopeVersionRule, interchange(st(body)));
    expectNone(envelopeVersionRule, interchange(st(body)).replace('ST*835*0001*005010X221A1', 'ST*835*0001'));
  });

  test('GS08 of another version is reported on GS08; a 4010 group says so', () => {
    const f = expectOne(
      envelopeVersionRule,
      interchange(st(body).map((s) => s.replace('*005010X221A1', ''))).replace('*X*005010X221A1', '*X*|004010X091A1|'),
      'envelope-version',
      'warning',
    );
    assert.match(f.message, /4010/);
  });

  test('ST03 that names another guide is reported on ST03', () => {
    expectOne(
      envelopeVersionRule,
      interchange(st(body)).replace('ST*835*0001*005010X221A1', 'ST*835*0001*|005010X222A1|'),
      'envelope-version',
      'warning',
    );
  });

  test('GS01 other than HP on a group of 835s', () => {
    expectOne(envelopeVersionRule, interchange(st(body)).replace('GS*HP', 'GS*|HC|'), 'envelope-version', 'warning');
  });

  test('groups that hold no 835 are left to not-835', () => {
    expectNone(
      envelopeVersionRule,
      isa() + 'GS*HC*A*B*20240101*1200*5*X*005010X222A1~ST*837*0001*005010X222A1~SE*2*0001~GE*1*5~IEA*1*000000001~',
    );
  });
});
