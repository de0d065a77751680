import assert from 'node:assert/strict';
import type { Analysis } from '../../../server/src/analysis';
import { codeLenses } from '../../../server/src/features/codeLens';
import { navigate } from '../../../server/src/features/navigation';
import { adjustmentsCsv } from '../../../server/src/report/exportCsv';
import { summarize } from '../../../server/src/report/summary';
import { effectiveSeverity } from '../../../server/src/rules/engine/severity';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { VERDICT_FINDINGS } from '../../../server/src/x835/verdicts';

/**
 * The work (actionable triplets and their recoverable cents) as each view shows it, read back from the
 * view's own output: the property test (verdictsAgree.test.ts) and the kept hand-made cases
 * (verdictFixtures.test.ts) compare these with each other and with what is expected.
 */

/**
 * The Problems panel filtered on "needs work" (VS Code matches the filter text in a diagnostic's message,
 * code and source, ignoring case): the triplets of the diagnostics it keeps, sorted. Every diagnostic it
 * keeps must be about a triplet.
 */
export function fromProblemsFilter(a: Analysis, filter = 'needs work'): number[] {
  const rows = rowsByReasonStart(a);
  const out: number[] = [];
  for (const f of a.findings) {
    if (!effectiveSeverity(f, DEFAULT_SETTINGS)) continue;
    if (![f.message, f.code, 'era835'].some((s) => s.toLowerCase().includes(filter))) continue;
    const row = rows.get(f.start);
    assert.ok(row !== undefined, `${f.code} kept by the filter covers a triplet: ${f.message}`);
    out.push(row);
  }
  return out.sort((x, y) => x - y);
}

/** "row:recoverable" for each actionable triplet, sorted. */
export type WorkSet = string[];

/** CAS row of each offset where a triplet's reason element starts. */
export function rowsByReasonStart(a: Analysis): Map<number, number> {
  const cas = a.model.cas;
  const out = new Map<number, number>();
  for (let r = 0; r < cas.length; r++) out.set(a.tokens.elementStartOffset(cas.seg[r], 2 + 3 * cas.triplet[r]), r);
  return out;
}

/** Diagnostics: the Warnings of the verdict codes (co253-unknown-rate speaks of the table, once per file, not of one triplet). */
export function fromDiagnostics(a: Analysis): number[] {
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
export function fromWorklist(a: Analysis): WorkSet {
  const rows = rowsByReasonStart(a);
  const s = summarize(a, DEFAULT_SETTINGS);
  assert.equal(s.worklist.length, s.toWork, 'the worklist is complete (not capped) in these files');
  return s.worklist.map((w) => `${rows.get(a.lines.offsetAt(w.range.start))}:${w.recoverableCents}`).sort();
}

/** The CSV: a record per triplet in row order; actionable ones with their recoverable cents. */
export function fromCsv(a: Analysis): WorkSet {
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
export function fromNavigation(a: Analysis): number[] {
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
export function fromLenses(a: Analysis): string[] {
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
export function perClaim(a: Analysis, work: WorkSet): string[] {
  const counts = a.model.claims.map(() => [0, 0]);
  for (const item of work) {
    const [row, cents] = item.split(':').map(Number);
    const c = counts[a.model.cas.claim[row]];
    c[0]++;
    c[1] += cents;
  }
  return counts.map(([n, cents]) => `${n}:${cents}`);
}

export function splitCsv(line: string): string[] {
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
