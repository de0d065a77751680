import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis';
import { summarize } from '../../../server/src/report/summary';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { checkProperty } from '../fuzz/kit';
import { genClaim, generatedFile } from './verdictGen';
import {
  fromCsv,
  fromDiagnostics,
  fromLenses,
  fromNavigation,
  fromProblemsFilter,
  fromWorklist,
  perClaim,
  type WorkSet,
} from './verdictViews';

/**
 * Issue 14's property: every view tells the same story about the money. For generated files (reversals,
 * suspended and 1% periods, Medicare Advantage, Medicaid, PR-253, claim-level 253...), the set of
 * (triplet, actionable, recoverable cents) is the same in the diagnostics (the Warnings of the verdict
 * codes), the summary worklist, the CSV export, the code lens counts and the navigation targets, and the
 * verdict classes add up to the charges, to the cent.
 */

describe('verdicts: every view tells the same story (property)', () => {
  test('diagnostics, worklist, CSV, code lens and navigation agree on the work; the classes add up to the charges', () => {
    checkProperty(
      'verdicts agree',
      fc.property(fc.array(genClaim, { minLength: 1, maxLength: 6 }), (claims) => {
        const text = generatedFile(claims);
        const a = analyze(text, DEFAULT_SETTINGS);
        const worklist = fromWorklist(a);
        const rowsOf = (w: WorkSet) => w.map((x) => Number(x.split(':')[0])).sort((x, y) => x - y);
        assert.deepEqual(fromCsv(a), worklist, 'CSV = worklist');
        assert.deepEqual(fromDiagnostics(a), rowsOf(worklist), 'Warnings = worklist');
        assert.deepEqual(fromNavigation(a), rowsOf(worklist), 'Alt+N targets = worklist');
        assert.deepEqual(fromProblemsFilter(a), rowsOf(worklist), 'Problems filtered on "needs work" = worklist');
        assert.deepEqual(fromLenses(a), perClaim(a, worklist), 'code lens counts and money = worklist');
        for (const w of worklist) assert.ok(Number(w.split(':')[1]) >= 0, 'never a request for negative money');
        // Reversals are never work.
        for (const w of worklist) assert.notEqual(a.model.store.claimAt(a.model.cas.claim[Number(w.split(':')[0])]).status, '22');
        const s = summarize(a, DEFAULT_SETTINGS);
        const f = s.moneyFlow;
        assert.equal(f.unexplained, 0, 'generated claims balance');
        assert.equal(
          f.paid + f.contractual + f.sequestration + f.patient + f.denied + f.recoverable + f.other,
          f.charged,
          'charged = paid + the classes',
        );
        // Reason 253 is never the patient's.
        const cas = a.model.cas;
        for (let r = 0; r < cas.length; r++) if (cas.reasonOf(r) === '253') assert.notEqual(a.verdicts.classOf(r), 'patientResponsibility');
      }),
      150,
      (claims) => generatedFile(claims),
    );
  });
});
