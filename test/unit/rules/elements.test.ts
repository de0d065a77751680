import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { elementsRule } from '../../../server/src/rules/elements/elements';
import { isa } from '../../helpers/fragments';
import { CLAIM, expectNone, expectOne, HEADER, interchange, runRule, st } from './ruleHarness';

const file = (header: string[] = HEADER, claim: string[] = CLAIM) => interchange(st([...header, ...claim]));
/** The standard file with one segment rewritten. */
const edit = (from: string, to: string) => {
  const text = file();
  assert.ok(text.includes(from), `fixture holds ${from}`);
  return text.replace(from, to);
};

describe('elements against the dictionary', () => {
  test('a correct 835 has nothing to report', () => expectNone(elementsRule, file()));

  describe('element-required', () => {
    test('an empty required element: CLP04', () => {
      expectOne(elementsRule, edit('CLP*PCN001*1*200*78.4*', 'CLP*PCN001*1*200*||*'), 'element-required', 'warning');
    });
    test('a required element after the end of the segment: SVC03', () => {
      expectOne(elementsRule, edit('SVC*HC:99213*200*78.4**1', 'SVC*HC:99213*200||'), 'element-required', 'warning');
    });
    test('a required component: SVC01-2, the procedure code', () => {
      expectOne(elementsRule, edit('SVC*HC:99213*', 'SVC*HC||*'), 'element-required', 'warning');
    });
    test('a CAS reason without its amount', () => {
      const f = expectOne(elementsRule, edit('CAS*CO*45*100**253*1.6', 'CAS*CO*45*100**253||'), 'element-required', 'warning');
      assert.match(f.message, /CAS06/);
    });
    test('an amount without its reason', () => {
      expectOne(elementsRule, edit('CAS*CO*45*100**253*1.6', 'CAS*CO*45*100**||*1.6'), 'element-required', 'warning');
    });
    test('an ACH payment without the provider bank id (BPR13)', () => {
      expectOne(elementsRule, edit('*01*999999999*DA*654321*', '*01*||*DA*654321*'), 'element-required', 'warning');
    });
    test('a check payment needs no bank data', () => {
      expectNone(elementsRule, file(['BPR*I*78.40*C*CHK************20240105', ...HEADER.slice(1)]));
    });
    test('BPR16, the payment date, is required', () => {
      expectOne(elementsRule, edit('*654321*20240105', '*654321||'), 'element-required', 'warning');
    });
    test("the patient's last name (NM1*QC, a person)", () => {
      expectOne(elementsRule, edit('NM1*QC*1*DOE*JANE', 'NM1*QC*1*||*JANE'), 'element-required', 'warning');
    });
    test("the payee's id (N1*PE N104)", () => {
      expectOne(elementsRule, edit('N1*PE*CLINIC*XX*1234567893', 'N1*PE*CLINIC*XX||'), 'element-required', 'warning');
    });
  });

  describe('element-format', () => {
    test('an amount with three decimals', () => {
      expectOne(elementsRule, edit('CAS*PR*2*20', 'CAS*PR*2*|20.001|'), 'element-format', 'warning');
    });
    test('an amount with a thousands separator', () => {
      const f = expectOne(elementsRule, edit('SVC*HC:99213*200*', 'SVC*HC:99213*|1,200|*'), 'element-format', 'warning');
      assert.match(f.message, /thousands/);
    });
    test('negative amounts and amounts without decimals are numbers', () => {
      expectNone(elementsRule, file(HEADER, ['LX*1', 'CLP*P1*22*-200*-78*-20*MB*X', 'CAS*CO*45*-102']));
    });
    test('a date that is not on the calendar', () => {
      expectOne(elementsRule, edit('DTM*472*20240102', 'DTM*472*|20240230|'), 'element-format', 'warning');
    });
    test('a whole number that is not one: LX01', () => {
      expectOne(elementsRule, edit('LX*1', 'LX*|A1|'), 'element-format', 'warning');
    });
    test('a time that is not one: GS05', () => {
      expectOne(elementsRule, edit('*20240105*1200*1*X', '*20240105*|2460|*1*X'), 'element-format', 'warning');
    });
    test('a value longer than the guide allows: CLP01 over 38 characters', () => {
      const long = 'P'.repeat(39);
      expectOne(elementsRule, edit('CLP*PCN001*', `CLP*|${long}|*`), 'element-format', 'warning');
    });
    test('a composite written with another component separator is one finding', () => {
      const f = expectOne(elementsRule, edit('SVC*HC:99213*', 'SVC*|HC>99213|*'), 'element-format', 'warning');
      assert.match(f.message, /component separator/);
    });
  });

  describe('element-code', () => {
    test('CAS01 CR was a 4010 group: the message says so and lists the 5010 groups', () => {
      const f = expectOne(elementsRule, edit('CAS*PR*2*20', 'CAS*|CR|*2*20'), 'element-code', 'warning');
      assert.match(f.message, /4010/);
      assert.match(f.message, /CO, OA, PI, PR/);
      assert.match(f.message, /Claim adjustment group/);
    });
    test('CLP06 CI is an 837 value', () => {
      const f = expectOne(elementsRule, edit('*20*MB*PAYERCN001', '*20*|CI|*PAYERCN001'), 'element-code', 'warning');
      assert.match(f.message, /837/);
    });
    test('an unknown CARC', () => {
      const f = expectOne(elementsRule, edit('CAS*PR*2*20', 'CAS*PR*|999|*20'), 'element-code', 'warning');
      assert.match(f.message, /not a known claim adjustment reason code/);
    });
    test('a CARC retired before the remit date (42, stopped 2007) is reported as retired', () => {
      const f = expectOne(elementsRule, edit('CAS*CO*45*100', 'CAS*CO*|42|*100'), 'element-code', 'warning');
      assert.match(f.message, /retired on 2007-06-01/);
    });
    test('the same CARC on a remit from before its stop date, or on a reversal, is fine', () => {
      expectNone(elementsRule, edit('CAS*CO*45*100', 'CAS*CO*42*100').replace('DTM*405*20240104', 'DTM*405*20050412'));
      expectNone(elementsRule, file(HEADER, ['LX*1', 'CLP*P1*22*-200*-100**MB*X', 'CAS*CO*42*-100']));
    });
    test('a RARC in LQ*HE is checked; an NCPDP code in LQ*RX is not', () => {
      expectOne(elementsRule, file(HEADER, [...CLAIM, 'LQ*HE*|ZZ999|']), 'element-code', 'warning');
      expectNone(elementsRule, file(HEADER, [...CLAIM, 'LQ*HE*N130', 'LQ*RX*ZZ999']));
    });
  });

  describe('element-extra', () => {
    test('a value past the last element the segment defines', () => {
      expectOne(elementsRule, edit('DTM*472*20240102', 'DTM*472*20240102*****|X|'), 'element-extra', 'warning');
    });
    test('trailing empty elements are not values', () => {
      expectNone(elementsRule, edit('DTM*472*20240102', 'DTM*472*20240102*******'));
    });
  });

  test('segments of a transaction set that is not an 835 are not judged', () => {
    assert.deepEqual(
      runRule(elementsRule, isa() + 'GS*HC*AA*BB*20240101*1200*5*X*005010X222A1~ST*837*0001~CLP*X*Y*Z~SE*3*0001~GE*1*5~IEA*1*000000001~'),
      [],
    );
  });
});

describe('element-format: plausible dates', () => {
  test('a calendar-valid placeholder date such as 11111111 is reported', () => {
    expectOne(elementsRule, file().replace('DTM*405*20240104', 'DTM*405*|11111111|'), 'element-format', 'warning');
  });
});

describe('one finding per cause', () => {
  test('a date one element early (BPR15 instead of BPR16) is named in the BPR16 finding', () => {
    const f = expectOne(elementsRule, file(['BPR*I*78.40*C*CHK***********20240105||', ...HEADER.slice(1)]), 'element-required', 'warning');
    assert.match(f.message, /20240105 in BPR15/);
  });
  test('a composite whose first component is no code: one element-code, not also its missing components', () => {
    expectOne(elementsRule, edit('SVC*HC:99213*200*78.4**1', 'SVC*HC:99213*200*78.4**1*|1|'), 'element-code', 'warning');
  });
  test('PER with a name missing (PER03 holds the number): element-code only', () => {
    expectOne(elementsRule, file([...HEADER.slice(0, 4), 'PER*CX*TE*|8005554844|', HEADER[4]]), 'element-code', 'warning');
  });
  test('a retired code is judged against the earlier of DTM*405 and BPR16', () => {
    // BPR16 2005 is before the stop date of CARC 42 (2007-06-01), even though DTM*405 says 2024.
    expectNone(elementsRule, edit('CAS*CO*45*100', 'CAS*CO*42*100').replace('*654321*20240105', '*654321*20050105'));
  });
});
