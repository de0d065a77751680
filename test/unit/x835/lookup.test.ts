import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import {
  claimAt,
  claimsById,
  claimsNear,
  interchangeIndexAt,
  interchangeLastSeg,
  lineAt,
  transactionAt,
} from '../../../server/src/x835/lookup';
import { twoClaimFile } from '../features/remit';

const model = () => analyze(twoClaimFile(), DEFAULT_SETTINGS).model;
/** Index of the first segment whose text starts with `prefix`. */
const segOf = (m: ReturnType<typeof model>, prefix: string) => {
  for (let i = 0; i < m.tokens.count; i++) if (m.tokens.text.startsWith(prefix, m.tokens.segStart[i])) return i;
  throw new Error(`no segment ${prefix}`);
};

describe('lookup: the model object that owns a segment', () => {
  test('claimAt and lineAt find the claim and line of any of their segments, not of the header or PLB', () => {
    const m = model();
    const cas = segOf(m, 'CAS*CO*16');
    const claim = claimAt(m, cas)!;
    assert.equal(claim.id, 'PCN1002');
    assert.equal(lineAt(claim, cas)!.procedure.code, '80053');
    assert.equal(lineAt(claim, segOf(m, 'NM1*QC*1*ROE')), undefined, 'the patient NM1 is claim level');
    assert.equal(claimAt(m, segOf(m, 'BPR')), undefined);
    assert.equal(claimAt(m, segOf(m, 'SE*')), undefined);
  });

  test('transactionAt and interchangeIndexAt cover ST..SE and ISA..IEA', () => {
    const m = model();
    assert.equal(transactionAt(m, segOf(m, 'CLP*PCN1001'))!.controlNumber, '0001');
    assert.equal(transactionAt(m, segOf(m, 'GS*')), undefined);
    assert.equal(interchangeIndexAt(m, segOf(m, 'GE*')), 0);
    assert.equal(interchangeLastSeg(m, 0), m.tokens.count - 1);
  });

  test('claimsById matches CLP01 or CLP07; claimsNear lists the neighbours by document order', () => {
    const m = model();
    assert.deepEqual(
      claimsById(m, 'PAYERCN002').map((c) => c.id),
      ['PCN1002'],
    );
    assert.deepEqual(
      claimsById(m, 'PCN1001').map((c) => c.id),
      ['PCN1001'],
    );
    assert.deepEqual(claimsById(m, 'nope'), []);
    assert.deepEqual(
      claimsNear(m, m.claims[0], 5).map((c) => c.id),
      ['PCN1002'],
    );
  });
});
