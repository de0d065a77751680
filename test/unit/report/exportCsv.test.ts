import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { csvField, decimalOf } from '../../../server/src/report/csv';
import { ADJUSTMENT_CSV_HEADER, adjustmentRecords, adjustmentsCsv } from '../../../server/src/report/exportCsv';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { remit } from './remits';

const analysed = (text: string) => analyze(text, DEFAULT_SETTINGS);

describe('CSV basics (RFC 4180)', () => {
  test('fields are quoted only when they hold a comma, a quote or a line break; quotes are doubled', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('A, B'), '"A, B"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(undefined), '');
  });

  test('amounts are plain decimals: no thousands separator, no currency sign', () => {
    assert.equal(decimalOf(123450), '1234.50');
    assert.equal(decimalOf(-5), '-0.05');
    assert.equal(decimalOf(0), '0.00');
    assert.equal(decimalOf(NaN), '');
  });
});

describe('adjustments CSV', () => {
  test('one row per CAS triplet with file, payer, trace, claim, patient, date, procedure, code, amount, category and its verdict', () => {
    const text = remit({
      payer: 'ACME, "WEST" PLAN',
      trace: 'CHK123',
      amount: '0',
      claims: [
        {
          id: 'A1',
          status: '4',
          charge: '180',
          paid: '0',
          plan: '12',
          lines: [{ proc: '80053', charge: '180', paid: '0', date: '20240404', cas: ['CO*16*180'] }],
        },
        { id: 'A2', charge: '100', paid: '0', patient: '100', plan: '12', cas: ['PR*1*100'] },
      ],
    });
    // The first fourteen columns are the CSV of earlier versions, in the same order; the verdict's class words are the tables'.
    const lines = adjustmentsCsv(analysed(text), 'dir/a.835').split('\r\n');
    const legacy = (line: string) => line.split(',').slice(0, 16).join(','); // two quoted fields hold one comma each
    assert.equal(
      lines[0].split(',').slice(0, 14).join(','),
      'file,payer,trace_number,claim_id,payer_claim_number,patient,service_date,procedure,group,reason,amount,category,class,actionable',
    );
    assert.equal(
      legacy(lines[1]),
      'dir/a.835,"ACME, ""WEST"" PLAN",CHK123,A1,PCNA1,"DOE, A1",2024-04-04,HC:80053,CO,16,180.00,denial,needs_work,yes',
    );
    assert.equal(legacy(lines[2]), 'dir/a.835,"ACME, ""WEST"" PLAN",CHK123,A2,PCNA2,"DOE, A2",,,PR,1,100.00,patient,patient,no');
    assert.equal(lines[3], '');
    assert.equal(lines.length, 4);
  });

  test('examples/medicare-part-b.835: five triplets, amounts adding up to the adjustments', () => {
    const r = adjustmentRecords(analysed(readFileSync('examples/medicare-part-b.835', 'utf8')), 'medicare-part-b.835');
    assert.equal(r.rows, 5);
    const amounts = r.csv
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    // Columns after the quoted patient ("SAMPLE, ANNA") shift by one when split naively: amount is column 11 + 1.
    const cents = amounts.map((f) => Math.round(Number(f[11]) * 100));
    assert.equal(
      cents.reduce((a, b) => a + b, 0),
      13837 + 403 + 3000,
    );
    assert.ok(ADJUSTMENT_CSV_HEADER.endsWith('\r\n'));
  });
});
