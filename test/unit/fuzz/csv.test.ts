import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkCsv } from './checks';
import { checkProperty, mutatedFileArb, sampleFiles } from './kit';

const samples = sampleFiles();

/** Text a spreadsheet would run: a formula start, then anything printable (delimiters included). */
const formulaArb = fc
  .tuple(
    fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '=cmd|', '=HYPERLINK(', '-2+3+', '@SUM(', '+"', '=-'),
    fc.string({
      maxLength: 30,
      unit: fc.constantFrom('A', '1', '(', ')', '"', ',', "'", '|', '!', ' ', '=', '+', '-', '.', '*', ':', '~'),
    }),
  )
  .map(([start, rest]) => start + rest);

/** Where the formula goes: the payer's name, the claim numbers, the patient's name, the procedure. */
const PLACES: Array<[RegExp, (f: string) => string]> = [
  [/N1\*PR\*[^*~]*/, (f) => `N1*PR*${f}`],
  [/CLP\*[^*~]*/, (f) => `CLP*${f}`],
  [/(CLP(\*[^*~]*){6})\*[^*~]*/, (f) => `$1*${f}`],
  [/NM1\*QC\*1\*[^*~]*/, (f) => `NM1*QC*1*${f}`],
  [/SVC\*[^*~]*/, (f) => `SVC*${f}`],
];

describe('fuzz: CSV exports with formula cells', () => {
  test('whatever the payer, claim, patient, procedure or file name holds, no CSV cell is a formula and amounts stay numbers', () => {
    const arb = fc
      .tuple(
        mutatedFileArb(samples),
        fc.array(fc.tuple(fc.nat({ max: PLACES.length - 1 }), formulaArb), { minLength: 1, maxLength: 4 }),
        formulaArb,
      )
      .map(([text, cells, file]) => ({ text: cells.reduce((t, [at, f]) => t.replace(PLACES[at][0], PLACES[at][1](f)), text), file }));
    checkProperty(
      'csv-formula-cells',
      fc.property(arb, ({ text, file }) => checkCsv(text, `${file}.835`)),
      200,
      ({ text }) => text,
    );
  });
});
