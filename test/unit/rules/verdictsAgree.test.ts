import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { codeLenses } from '../../../server/src/features/codeLens';
import { navigate } from '../../../server/src/features/navigation';
import { adjustmentsCsv } from '../../../server/src/report/exportCsv';
import { summarize } from '../../../server/src/report/summary';
import { effectiveSeverity } from '../../../server/src/rules/engine/severity';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { VERDICT_FINDINGS } from '../../../server/src/x835/verdicts';
import { checkProperty } from '../fuzz/kit';
import { genClaim, generatedFile } from './verdictGen';

/**
 * Issue 14's property: every view tells the same story about the money. For generated files (reversals,
 * suspended and 1% periods, Medicare Advantage, Medicaid, PR-253, claim-level 253...), the set of
 * (triplet, actionable, recoverable cents) is the same in the diagnostics (the Warnings of the verdict
 * codes), the summary worklist, the CSV export, the code lens counts and the navigation targets, and the
 * verdict classes add up to the charges, to the cent.
 */

/** "row:recoverable" for each actionable triplet, sorted. */
type WorkSet = string[];

/** CAS row of each offset where a triplet's reason element starts. */
function rowsByReasonStart(a: Analysis): Map<number, number> {
  const cas = a.model.cas;
  const out = new Map<number, number>();
  for (let r = 0; r < cas.length; r++) out.set(a.tokens.elementStartOffset(cas.seg[r], 2 + 3 * cas.triplet[r]), r);
  return out;
}

/** Diagnostics: the Warnings of the verdict codes (co253-unknown-rate speaks of the table, once per file, not of one triplet). */
function fromDiagnostics(a: Analysis): number[] {
  const rows = rowsByReasonStart(a);
  const codes = new Set<string>(VERDICT_FINDINGS.filter((c) => c && c !== 'co253-unknown-rate'));
  const out: number[] = [];
  for (const f of a.findings) {
    if (!codes.has(f.code) || effectiveSeverity(f, DEFAULT_SETTINGS) !== 'warning') continue;
    const row = rows.get(f.start);
    assert.ok(row !== undefined, `${f.code} covers a triplet: ${f.message}`);
    out.push(row);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

/** The summary worklist: each item's triplet and recoverable cents. */
function fromWorklist(a: Analysis): WorkSet {
  const rows = rowsByReasonStart(a);
  const s = summarize(a, DEFAULT_SETTINGS);
  assert.equal(s.worklist.length, s.toWork, 'the worklist is complete (not capped) in these files');
  return s.worklist.map((w) => `${rows.get(a.lines.offsetAt(w.range.start))}:${w.recoverableCents}`).sort();
}

/** The CSV: a record per triplet in row order; actionable ones with their recoverable cents. */
function fromCsv(a: Analysis): WorkSet {
  const [head, ...records] = adjustmentsCsv(a, 'f.835').trim().split('\r\n').map(splitCsv);
  assert.equal(records.length, a.model.cas.length, 'one record per triplet');
  const actionable = head.indexOf('actionable');
  const recoverable = head.indexOf('recoverable_amount');
  const out: string[] = [];
  records.forEach((f, row) => {
    if (f[actionable] === 'yes') out.push(`${row}:${Math.round(Number(f[recoverable]) * 100)}`);
  });
  return out.sort();
}

/** Alt+N from the top of the file until it finds nothing more: the triplets it stops on. */
function fromNavigation(a: Analysis): number[] {
  const cas = a.model.cas;
  const starts = new Map<number, number>();
  for (let r = 0; r < cas.length; r++)
    starts.set(a.tokens.elementStartOffset(cas.seg[r], 2 + 3 * cas.triplet[r] - (cas.triplet[r] === 0 ? 1 : 0)), r);
  const out: number[] = [];
  let at = { line: 0, character: 0 };
  for (let guard = 0; guard <= cas.length; guard++) {
    const next = navigate(a, at, 'nextActionable', DEFAULT_SETTINGS);
    if (!next) break;
    out.push(starts.get(a.lines.offsetAt(next.start))!);
    at = next.end; // the client selects the target, so the cursor (active end) is at its end
  }
  return out;
}

/** The claim lenses' "n to work · $x to recover", per claim, in order. */
function fromLenses(a: Analysis): string[] {
  const claimSegs = new Set(a.model.claims.map((c) => c.seg));
  return codeLenses(a)
    .filter((l) => claimSegs.has(a.tokens.segmentAt(a.lines.offsetAt(l.range.start))))
    .map((l) => {
      const m = /(\d+) to work(?: · \$([\d,]+\.\d\d) to recover)?$/.exec(l.command!.title);
      assert.ok(m, l.command!.title);
      return `${m[1]}:${m[2] ? Math.round(Number(m[2].replace(/,/g, '')) * 100) : 0}`;
    });
}

/** The same per claim, from a work set. */
function perClaim(a: Analysis, work: WorkSet): string[] {
  const counts = a.model.claims.map(() => [0, 0]);
  for (const item of work) {
    const [row, cents] = item.split(':').map(Number);
    const c = counts[a.model.cas.claim[row]];
    c[0]++;
    c[1] += cents;
  }
  return counts.map(([n, cents]) => `${n}:${cents}`);
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

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
