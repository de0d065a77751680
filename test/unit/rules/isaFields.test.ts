import { describe, test } from 'node:test';
import { isaFieldsRule } from '../../../server/src/rules/envelope/isaFields';
import { isa } from '../../helpers/fragments';
import { expectNone, expectOne } from './ruleHarness';

/** A short interchange whose ISA field k is `value`, wrapped in range markers. */
function isaWith(k: number, value: string): string {
  const fields = isa().slice(0, -1).split('*');
  fields[k] = `|${value}|`;
  return fields.join('*') + '~GS*HP*A*B*20240105*1200*1*X*005010X221A1~GE*0*1~IEA*1*000000001~';
}

describe('ISA field values', () => {
  test('the standard ISA has nothing to report', () => {
    expectNone(isaFieldsRule, isa() + 'IEA*0*000000001~');
  });

  test('ISA12 must be 00501', () => {
    expectOne(isaFieldsRule, isaWith(12, '00401'), 'element-code', 'warning');
  });
  test('ISA15 must be P or T', () => {
    expectOne(isaFieldsRule, isaWith(15, 'I'), 'element-code', 'warning');
  });
  test('ISA14 must be 0 or 1', () => {
    expectOne(isaFieldsRule, isaWith(14, '2'), 'element-code', 'warning');
  });
  test('ISA01 must be 00 or 03', () => {
    expectOne(isaFieldsRule, isaWith(1, '99'), 'element-code', 'warning');
  });
  test('ISA05 must be a known id qualifier', () => {
    expectOne(isaFieldsRule, isaWith(5, 'XX'), 'element-code', 'warning');
  });
  test('ISA09 must be a real YYMMDD date', () => {
    expectOne(isaFieldsRule, isaWith(9, '240230'), 'element-format', 'warning');
  });
  test('ISA09 accepts a leap day', () => {
    expectNone(isaFieldsRule, isaWith(9, '240229').replace(/\|/g, ''));
  });
  test('ISA10 must be HHMM', () => {
    expectOne(isaFieldsRule, isaWith(10, '2460'), 'element-format', 'warning');
  });
  test('ISA13 must be 9 digits', () => {
    expectOne(isaFieldsRule, isaWith(13, '00000000A'), 'element-format', 'warning');
  });
});
