/**
 * The promises every input must keep, as plain functions: used by the fuzz properties and replayed on
 * each saved regression input (test/fixtures/fuzz/).
 */
import assert from 'node:assert/strict';
import * as XLSX from 'xlsx';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { redact } from '../../../server/src/redact/redact';
import { adjustmentsCsv } from '../../../server/src/report/exportCsv';
import { ImpactAccumulator, impactCsv, impactOfAnalysis } from '../../../server/src/report/impact';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { tokenize } from '../../../server/src/x12/tokenizer';

/** Everything an analysis says, as plain data: two analyses of one text must produce the same. */
export function fingerprint(a: Analysis): string {
  const t = a.tokens;
  return JSON.stringify({
    segments: Array.from(t.segStart),
    ends: Array.from(t.segEnd),
    elems: Array.from(t.elemRel),
    loops: Array.from(a.model.segLoop),
    claims: a.model.claims.map((c) => [c.seg, c.lastSeg, c.id, c.charge, c.paid, c.lines.length, c.adjustments.length]),
    findings: a.findings.map((f) => [
      f.code,
      f.start,
      f.end,
      f.message,
      f.severity ?? '',
      (f.related ?? []).map((r) => [r.start, r.end, r.message]),
    ]),
  });
}

/** The tokenizer's and the analysis's own promises, on any text. */
export function checkAnalysis(text: string): void {
  const a = analyze(text, DEFAULT_SETTINGS);
  const t = a.tokens;
  const n = text.length;
  const internal = a.findings.filter((f) => f.code === 'internal-error');
  assert.deepEqual(
    internal.map((f) => f.message),
    [],
    'no rule throws',
  );
  for (const f of a.findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= n, `finding ${f.code} [${f.start}, ${f.end}) outside 0..${n}`);
    assert.equal(typeof f.message, 'string');
    assert.ok(f.message.length > 0, `finding ${f.code} has a message`);
    for (const r of f.related ?? []) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= n, `related of ${f.code} outside the text`);
  }
  for (let i = 0; i < t.count; i++) {
    assert.ok(t.segStart[i] <= t.segEnd[i] && t.segEnd[i] <= n, `segment ${i} [${t.segStart[i]}, ${t.segEnd[i]})`);
    if (i > 0) assert.ok(t.segStart[i] >= t.segEnd[i - 1], `segment ${i} starts before ${i - 1} ends`);
    for (let k = 0; k < t.elementCount(i); k++) {
      assert.ok(t.elementStartOffset(i, k) <= t.elementEndOffset(i, k), `segment ${i} element ${k} is reversed`);
    }
  }
  assert.equal(a.model.segLoop.length, t.count);
  // Money is integer cents or NaN (unreadable), never a float.
  for (const c of a.model.claims)
    for (const v of [c.charge, c.paid, c.patientResponsibility]) assert.ok(Number.isNaN(v) || Number.isInteger(v), `claim amount ${v}`);
  for (const x of a.model.cas.all()) assert.ok(Number.isNaN(x.amount) || Number.isInteger(x.amount), `adjustment amount ${x.amount}`);
  // Positions and offsets agree both ways on every segment boundary.
  for (let i = 0; i < t.count; i += Math.max(1, (t.count / 50) | 0)) {
    const p = a.lines.positionAt(t.segStart[i]);
    assert.equal(a.lines.offsetAt(p), t.segStart[i], `offset ${t.segStart[i]} round-trips through ${JSON.stringify(p)}`);
  }
}

const findingsOf = (text: string) =>
  analyze(text, DEFAULT_SETTINGS).findings.map((f) => `${f.code} ${f.start}-${f.end} ${f.severity ?? ''}`);

/** Redaction keeps the length and every finding, is deterministic for a salt, and refuses only non-X12. */
export function checkRedaction(text: string): void {
  const r = redact(text, { salt: 'fuzz' });
  if (!r.ok) {
    assert.equal(tokenize(text).count, 0, 'only a text without any segment is refused');
    return;
  }
  assert.equal(r.text.length, text.length);
  assert.deepEqual(findingsOf(r.text), findingsOf(text));
  const again = redact(text, { salt: 'fuzz' });
  assert.equal(again.ok && again.text, r.text, 'deterministic for a salt');
}

/**
 * The CSVs of a file (adjustments, impact by payer and by month), opened the way a spreadsheet opens them
 * (SheetJS): no cell is a formula, no text cell starts with what Excel also takes for one, and the amount
 * columns hold numbers (or nothing, for an unreadable amount).
 */
export function checkCsv(text: string, file = 'fuzz.835'): void {
  const a = analyze(text, DEFAULT_SETTINGS);
  const acc = new ImpactAccumulator();
  acc.add(impactOfAnalysis(a, DEFAULT_SETTINGS, file));
  const csvs: Array<[string, string, string[]]> = [
    ['adjustments', adjustmentsCsv(a, file), ['amount']],
    ['impact by payer', impactCsv(acc.rows('payer'), 'payer', acc.total()), ['paid', 'co253', 'deviation']],
    ['impact by month', impactCsv(acc.rows('month'), 'month', acc.total()), ['paid', 'co253', 'deviation']],
  ];
  for (const [name, csv, amounts] of csvs) {
    const sheet = XLSX.read(csv, { type: 'string' }).Sheets.Sheet1;
    if (!sheet['!ref']) continue;
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const header: string[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = sheet[XLSX.utils.encode_cell({ r, c })] as { t: string; v?: unknown; f?: string } | undefined;
        if (r === 0) {
          header[c] = String(cell?.v ?? '');
          continue;
        }
        if (!cell) continue;
        assert.equal(cell.f, undefined, `${name}: row ${r} column ${header[c]} is a formula: =${cell.f}`);
        if (cell.t === 's') assert.doesNotMatch(String(cell.v), /^[=+\-@\t\r]/, `${name}: row ${r} column ${header[c]} starts a formula`);
        if (amounts.includes(header[c]))
          assert.equal(cell.t, 'n', `${name}: row ${r} column ${header[c]} is ${JSON.stringify(cell.v)}, not a number`);
      }
    }
  }
}
