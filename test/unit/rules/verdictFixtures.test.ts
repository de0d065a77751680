import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { adjustmentsCsv } from '../../../server/src/report/exportCsv';
import { summarize } from '../../../server/src/report/summary';
import { fileTables } from '../../../server/src/report/tables';
import { effectiveSeverity } from '../../../server/src/rules/engine/severity';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { VERDICT_FINDINGS } from '../../../server/src/x835/verdicts';
import {
  fromCsv,
  fromDiagnostics,
  fromLenses,
  fromNavigation,
  fromProblemsFilter,
  fromWorklist,
  perClaim,
  rowsByReasonStart,
  splitCsv,
} from './verdictViews';

/**
 * Issue 14's kept, hand-made cases: test/fixtures/verdicts/*.835 and the table of what each triplet's
 * verdict must be (expected.tsv), written by hand from the rules, not from the program. Every view is
 * checked against the table: the verdict columns, the diagnostics (code and Warning iff work), the summary
 * worklist and its totals, the Adjustments CSV and the NDJSON table, the claim code lens and Go to Next
 * Adjustment That Needs Work.
 */

const DIR = join(__dirname, '../../fixtures/verdicts');

interface Row {
  readonly file: string;
  readonly claim: number;
  readonly clp01: string;
  readonly clp02: string;
  readonly where: string;
  readonly code: string;
  readonly cls: string;
  readonly actionable: boolean;
  readonly recoverable: number;
  readonly finding: string;
  readonly why: string;
}

function readTable(): Row[] {
  const lines = readFileSync(join(DIR, 'expected.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const [head, ...rows] = lines.map((l) => l.split('\t'));
  assert.deepEqual(head, ['file', 'claim', 'clp01', 'clp02', 'where', 'code', 'class', 'actionable', 'recoverable', 'finding', 'why']);
  return rows.map((f) => {
    assert.equal(f.length, 11, f.join(' | '));
    assert.ok(f[7] === 'yes' || f[7] === 'no', f.join(' | '));
    return {
      file: f[0],
      claim: Number(f[1]),
      clp01: f[2],
      clp02: f[3],
      where: f[4],
      code: f[5],
      cls: f[6],
      actionable: f[7] === 'yes',
      recoverable: Number(f[8]),
      finding: f[9] === '-' ? '' : f[9],
      why: f[10],
    };
  });
}

/** The CSV's word for a model class. */
const CSV_CLASS: Record<string, string> = {
  contractual: 'contractual',
  sequestration: 'sequestration',
  patientResponsibility: 'patient',
  needsWork: 'needs_work',
  recoverable: 'recoverable',
  other: 'other',
};

/** The CAS row a table row names: the claim by number, the level, the group-reason (one of its kind there). */
function rowOf(a: Analysis, e: Row): number {
  const claim = a.model.claims[e.claim - 1];
  assert.ok(claim, `claim ${e.claim} exists`);
  assert.equal(claim.id, e.clp01, 'CLP01 of the numbered claim');
  assert.equal(claim.status, e.clp02, 'CLP02 of the numbered claim');
  const line = e.where === 'claim' ? -1 : Number(/^line (\d+)$/.exec(e.where)![1]) - 1;
  const cas = a.model.cas;
  const found: number[] = [];
  for (let r = 0; r < cas.length; r++) {
    if (cas.claim[r] !== claim.index) continue;
    if (cas.line[r] === line && `${cas.groupOf(r)}-${cas.reasonOf(r)}` === e.code) found.push(r);
  }
  assert.equal(found.length, 1, `one ${e.code} at ${e.where}`);
  return found[0];
}

const table = readTable();
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.835'))
  .map((f) => f.slice(0, -4))
  .sort();

describe('verdicts: the kept hand-made cases (test/fixtures/verdicts/expected.tsv)', () => {
  test('every fixture has rows in the table, and every row names a fixture', () => {
    assert.deepEqual([...new Set(table.map((r) => r.file))].sort(), files);
  });

  for (const file of files) {
    test(file, () => {
      const text = readFileSync(join(DIR, `${file}.835`), 'utf8');
      const a = analyze(text, DEFAULT_SETTINGS);
      const expected = table.filter((r) => r.file === file);
      const rows = expected.map((e) => rowOf(a, e));
      const label = (e: Row) => `${file} claim ${e.claim} (${e.clp01}/${e.clp02}) ${e.where} ${e.code}: ${e.why}`;

      // The table is complete: every reason 253/223 triplet and every piece of work is in it.
      const cas = a.model.cas;
      const listed = new Set(rows);
      for (let r = 0; r < cas.length; r++) {
        if (cas.reasonOf(r) === '253' || cas.reasonOf(r) === '223' || a.verdicts.isActionable(r))
          assert.ok(listed.has(r), `${file}: the table lists ${cas.groupOf(r)}-${cas.reasonOf(r)} of CAS row ${r}`);
      }

      // The verdict columns.
      expected.forEach((e, i) => {
        const v = a.verdicts.at(rows[i]);
        assert.deepEqual(
          { cls: CSV_CLASS[v.cls], actionable: v.actionable, recoverable: v.recoverableCents, finding: v.finding ?? '' },
          { cls: e.cls, actionable: e.actionable, recoverable: e.recoverable, finding: e.finding },
          label(e),
        );
      });

      // Diagnostics: the finding is said at the triplet; a Warning exactly when it is work.
      const byStart = rowsByReasonStart(a);
      const verdictCodes = new Set<string>(VERDICT_FINDINGS.filter(Boolean));
      expected.forEach((e, i) => {
        const here = a.findings.filter((f) => verdictCodes.has(f.code) && byStart.get(f.start) === rows[i]);
        const codes = here.map((f) => f.code);
        if (e.finding) assert.ok(codes.includes(e.finding), `${label(e)}: diagnostics ${codes.join(', ') || 'none'}`);
        else assert.deepEqual(codes, [], `${label(e)}: no verdict diagnostic`);
        const warns = here.some((f) => effectiveSeverity(f, DEFAULT_SETTINGS) === 'warning');
        assert.equal(warns, e.actionable, `${label(e)}: a Warning iff work`);
      });
      // co253-unknown-rate would say the table is out of date: none of these files gives it reason to.
      assert.deepEqual(
        a.findings.filter((f) => f.code === 'co253-unknown-rate').map((f) => f.message),
        [],
        `${file}: no co253-unknown-rate`,
      );

      // The work as every view shows it equals the table's.
      const work = expected
        .map((e, i) => (e.actionable ? `${rows[i]}:${e.recoverable}` : ''))
        .filter(Boolean)
        .sort();
      const workRows = work.map((w) => Number(w.split(':')[0])).sort((x, y) => x - y);
      assert.deepEqual(fromWorklist(a), work, `${file}: summary worklist`);
      assert.deepEqual(fromCsv(a), work, `${file}: Adjustments CSV`);
      assert.deepEqual(fromDiagnostics(a), workRows, `${file}: Warnings`);
      assert.deepEqual(fromNavigation(a), workRows, `${file}: Go to Next Adjustment That Needs Work`);
      assert.deepEqual(fromLenses(a), perClaim(a, work), `${file}: claim code lens`);
      assert.deepEqual(fromProblemsFilter(a), workRows, `${file}: Problems filtered on "needs work"`);

      // Summary totals: the work, the money to recover, and the classes adding up to the charges.
      const s = summarize(a, DEFAULT_SETTINGS);
      assert.equal(s.toWork, workRows.length, `${file}: summary "to work"`);
      assert.equal(
        s.toRecoverCents,
        expected.reduce((t, e) => t + e.recoverable, 0),
        `${file}: summary "to recover"`,
      );
      const f = s.moneyFlow;
      assert.equal(f.unexplained, 0, `${file}: the fixture balances`);
      assert.equal(
        f.paid + f.contractual + f.sequestration + f.patient + f.denied + f.recoverable + f.other,
        f.charged,
        `${file}: charged = paid + classes`,
      );

      // The CSV and the NDJSON table, record by record: class, actionable, recoverable, finding.
      const [head, ...records] = adjustmentsCsv(a, `${file}.835`).trim().split('\r\n').map(splitCsv);
      const ndjson = fileTables(a, `${file}.835`, ['adjustment'], 'ndjson')
        .text.adjustment!.trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const col = (name: string) => head.indexOf(name);
      expected.forEach((e, i) => {
        const rec = records[rows[i]];
        assert.deepEqual(
          [rec[col('class')], rec[col('actionable')], Math.round(Number(rec[col('recoverable_amount')]) * 100), rec[col('finding')]],
          [e.cls, e.actionable ? 'yes' : 'no', e.recoverable, e.finding],
          `${label(e)}: CSV`,
        );
        const j = ndjson[rows[i]];
        assert.deepEqual(
          [j.class, j.actionable, Math.round(Number(j.recoverable_amount ?? 0) * 100), j.finding ?? ''],
          [e.cls, e.actionable ? 'yes' : 'no', e.recoverable, e.finding],
          `${label(e)}: NDJSON table`,
        );
      });
    });
  }
});
