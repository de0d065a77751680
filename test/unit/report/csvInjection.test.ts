import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as XLSX from 'xlsx';
import { analyze } from '../../../server/src/analysis';
import { tableOf } from '../../../server/src/features/table';
import { csvField } from '../../../server/src/report/csv';
import { adjustmentsCsv } from '../../../server/src/report/exportCsv';
import { ImpactAccumulator, impactCsv, impactOfAnalysis } from '../../../server/src/report/impact';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { remit } from './remits';

/**
 * CSV injection: what an 835 carries (payer names, claim numbers, patient names) and file names are the
 * sender's text. Opened in a spreadsheet, a cell starting with `=`, `+`, `-`, `@`, tab or CR is a formula.
 * Read back with SheetJS, a spreadsheet library that parses CSV the way a spreadsheet opens it (a cell
 * starting with `=` becomes a formula, a number a number): no cell may be a formula, and every amount
 * must still be a number.
 */

const PAYER = "=cmd|' /C calc'!A0";
const PAYER_CLAIM = '=HYPERLINK("evil.example/x","Click")';
const PATIENT = '@SUM(1+1)';
const CLAIM = '+1-2';
const FILE = '-2+3+cmd.835';

const hostile = () =>
  remit({
    payer: PAYER,
    amount: '78.40',
    paymentDate: '20240105',
    claims: [
      {
        id: CLAIM,
        charge: '200',
        paid: '78.4',
        patient: '20',
        lines: [{ proc: '99213', charge: '200', paid: '78.4', date: '20240102', cas: ['CO*45*100**253*1.6', 'PR*2*20', 'CO*94*-0.05'] }],
      },
    ],
  })
    .replace(`PCN${CLAIM}`, PAYER_CLAIM)
    .replace('NM1*QC*1*DOE*', `NM1*QC*1*${PATIENT}*`);

interface Cell {
  t: string;
  v?: unknown;
  f?: string;
}

/** The CSV as a spreadsheet opens it: rows of cells (A1 is row 0, column 0). */
function openAsSpreadsheet(csv: string): Cell[][] {
  const sheet = XLSX.read(csv, { type: 'string', raw: false }).Sheets.Sheet1;
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  const rows: Cell[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: Cell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push((sheet[XLSX.utils.encode_cell({ r, c })] as Cell | undefined) ?? { t: 'z' });
    rows.push(row);
  }
  return rows;
}

/** No formula anywhere, and no text cell starting with what Excel also takes for one (+ - @ tab CR). */
function assertNoFormula(rows: Cell[][]): void {
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      assert.equal(cell.f, undefined, `row ${r} column ${c} is a formula: =${cell.f}`);
      if (cell.t === 's') assert.doesNotMatch(String(cell.v), /^[=+\-@\t\r]/, `row ${r} column ${c} would start a formula`);
    }),
  );
}

const column = (rows: Cell[][], name: string) => {
  const c = rows[0].findIndex((h) => h.v === name);
  assert.ok(c >= 0, `column ${name}`);
  return rows.slice(1).map((row) => row[c]);
};

describe('CSV cells are safe to open in a spreadsheet', () => {
  test('a text cell that would start a formula gets a leading apostrophe; numbers and plain decimals do not', () => {
    for (const s of ['=1+2', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      assert.ok(csvField(s).replace(/^"/, '').startsWith(`'${s[0]}`), JSON.stringify(s));
    assert.equal(csvField('-0.05'), '-0.05');
    assert.equal(csvField('12.50'), '12.50');
    assert.equal(csvField(-5), '-5');
    assert.equal(csvField('MEDICARE'), 'MEDICARE');
    assert.equal(csvField('a=b'), 'a=b');
  });

  test('era835 export --csv and the editor export: hostile payer, claim numbers, patient and file name are text; amounts are numbers', () => {
    const rows = openAsSpreadsheet(adjustmentsCsv(analyze(hostile(), DEFAULT_SETTINGS), FILE));
    assertNoFormula(rows);
    assert.equal(rows.length, 1 + 4);
    assert.equal(column(rows, 'file')[0].v, `'${FILE}`);
    assert.equal(column(rows, 'payer')[0].v, `'${PAYER}`);
    assert.equal(column(rows, 'payer_claim_number')[0].v, `'${PAYER_CLAIM}`);
    assert.equal(column(rows, 'claim_id')[0].v, `'${CLAIM}`);
    assert.match(String(column(rows, 'patient')[0].v), /^'@SUM\(1\+1\)/);
    assert.deepEqual(
      column(rows, 'amount').map((c) => [c.t, c.v]),
      [
        ['n', 100],
        ['n', 1.6],
        ['n', 20],
        ['n', -0.05],
      ],
    );
  });

  test('era835 impact --csv and the editor impact export: the payer row is text, the sums are numbers', () => {
    const acc = new ImpactAccumulator();
    acc.add(impactOfAnalysis(analyze(hostile(), DEFAULT_SETTINGS), DEFAULT_SETTINGS, FILE));
    const rows = openAsSpreadsheet(impactCsv(acc.rows('payer'), 'payer', acc.total()));
    assertNoFormula(rows);
    assert.equal(column(rows, 'payer')[0].v, `'${PAYER}`);
    assert.deepEqual([column(rows, 'paid')[0].t, column(rows, 'paid')[0].v], ['n', 78.4]);
    assert.deepEqual([column(rows, 'co253')[0].t, column(rows, 'co253')[0].v], ['n', 1.6]);
  });

  test('Copy Selection as Table (tab-separated, pasted into a spreadsheet) neutralises values the same way', () => {
    const a = analyze(hostile(), DEFAULT_SETTINGS);
    const clp = a.text.indexOf('CLP*');
    const { tsv } = tableOf(a, { start: a.lines.positionAt(clp), end: a.lines.positionAt(clp) });
    const values = tsv
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split('\t')[5]);
    assert.ok(values.includes(`'${PAYER_CLAIM}`), values.join(' | '));
    assert.ok(values.includes(`'${CLAIM}`));
    assert.ok(values.includes('-0.05'), 'amounts stay plain numbers');
    for (const v of values) assert.doesNotMatch(v, /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/, v);
  });
});
