import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { summarize } from '../../../server/src/report/summary';
import { csvHeader, fileTables, TABLES, tableText } from '../../../server/src/report/tables';
import { columnsMarkdown } from '../../../server/src/report/tables/docs';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { isa } from '../../helpers/fragments';

const analysed = (text: string) => analyze(text, DEFAULT_SETTINGS);
const EXAMPLES = ['examples/medicare-part-b.835', 'examples/needs-attention.835'];

/** Parses CRLF CSV with quoted fields (enough for our own output) into objects by header name. */
function parseCsv(text: string): Array<Record<string, string>> {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const cents = (s: string) => Math.round(Number(s) * 100);

/** A claim with every identifier the tables read, and PR split over two lines. */
const IDENTIFIED =
  [
    isa().slice(0, -1),
    'GS*HP*SENDER*RECEIVER*20240105*1200*1*X*005010X221A1',
    'ST*835*0042',
    'BPR*I*95*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240110',
    'TRN*1*EFT777*1512345678',
    'DTM*405*20240109',
    'N1*PR*ACME HEALTH*XV*ACME01',
    'N1*PE*CLINIC*XX*1234567893',
    'LX*1',
    'CLP*C1*1*300*95*65*12*PAYER1*11*1',
    'NM1*QC*1*DOE*JANE****MI*MEMBER1',
    'NM1*IL*1*DOE*JOHN****MI*SUBSCR9',
    'NM1*82*1*SMITH*ANN****XX*1999999984',
    'DTM*232*20240102',
    'DTM*233*20240103',
    'SVC*HC:99213:25*200*70**1',
    'DTM*472*20240102',
    'CAS*PR*1*40*1*2*10',
    'CAS*CO*45*80',
    'REF*6R*LINE-A',
    'REF*HPI*1888888888',
    'AMT*B6*120',
    'LQ*HE*N130',
    'SVC*HC:80053*100*25**1',
    'DTM*472*20240103',
    'CAS*PR*3*15*1*96*0',
    'CAS*CO*16*60',
    'SE*28*0042',
    'GE*1*1',
    'IEA*1*000000001',
  ].join('~\n') + '~\n';

describe('export tables: columns', () => {
  test('the header of each table is pinned (names are a contract: add at the end only)', () => {
    assert.equal(
      csvHeader(TABLES.claim).trim(),
      'file,transaction,payment_date,production_date,trace_number,payer,payer_id,payee,payee_npi,claim_id,claim_status,claim_status_text,filing_indicator,payer_claim_number,patient,subscriber_id,rendering_npi,service_from,service_to,charge,paid,patient_responsibility,allowed,allowed_source,deductible,coinsurance,copay,other_pr,class_contractual,class_sequestration,class_patient,class_needs_work,class_recoverable,class_other,to_work,to_work_amount,recoverable_amount,lines',
    );
    assert.equal(
      csvHeader(TABLES.line).trim(),
      'file,transaction,payment_date,production_date,trace_number,payer,payer_id,payee,payee_npi,claim_id,claim_status,claim_status_text,filing_indicator,payer_claim_number,patient,subscriber_id,line_number,line_control_number,procedure,revenue_code,units_paid,rendering_npi,service_from,service_to,charge,paid,allowed,allowed_source,deductible,coinsurance,copay,other_pr,class_contractual,class_sequestration,class_patient,class_needs_work,class_recoverable,class_other,to_work,to_work_amount,recoverable_amount,remarks',
    );
    assert.equal(
      csvHeader(TABLES.adjustment).trim(),
      'file,payer,trace_number,claim_id,payer_claim_number,patient,service_date,procedure,group,reason,amount,category,class,actionable,level,line_number,line_control_number,transaction,payment_date,payer_id,payee_npi,claim_status,filing_indicator,recoverable_amount,finding,action',
    );
  });

  test('docs/export-columns.md documents exactly these columns (regenerate: npx tsx scripts/export-columns.ts)', () => {
    assert.equal(readFileSync('docs/export-columns.md', 'utf8'), columnsMarkdown());
  });
});

describe('export tables: one claim with every identifier', () => {
  const a = analysed(IDENTIFIED);
  const [claim] = parseCsv(tableText(a, 'in/x.835', 'claim', 'csv'));
  const lines = parseCsv(tableText(a, 'in/x.835', 'line', 'csv'));
  const adjustments = parseCsv(tableText(a, 'in/x.835', 'adjustment', 'csv'));

  test('identifiers: TRN02, payer id, payee NPI, CLP07, subscriber id, rendering NPI, DTM*405, service dates', () => {
    assert.equal(claim.trace_number, 'EFT777');
    assert.equal(claim.transaction, '0042');
    assert.equal(claim.payer_id, 'ACME01');
    assert.equal(claim.payee_npi, '1234567893');
    assert.equal(claim.payer_claim_number, 'PAYER1');
    assert.equal(claim.subscriber_id, 'SUBSCR9', "NM1*IL wins over the patient's NM1*QC id");
    assert.equal(claim.rendering_npi, '1999999984');
    assert.equal(claim.production_date, '2024-01-09');
    assert.equal(claim.payment_date, '2024-01-10');
    assert.equal([claim.service_from, claim.service_to].join(' '), '2024-01-02 2024-01-03');
    assert.equal(claim.claim_status_text, 'Processed as primary payer');
    assert.equal(lines[0].line_control_number, 'LINE-A');
    assert.equal(lines[0].rendering_npi, '1888888888', 'REF*HPI of the line');
    assert.equal(lines[1].rendering_npi, '1999999984', "else the claim's NM1*82");
    assert.equal(lines[0].remarks, 'N130');
    assert.equal(lines[0].procedure, 'HC:99213:25');
  });

  test('patient responsibility split: PR-1 deductible, PR-2 coinsurance, PR-3 copay, other PR', () => {
    assert.deepEqual([lines[0].deductible, lines[0].coinsurance, lines[0].copay, lines[0].other_pr], ['40.00', '10.00', '0.00', '0.00']);
    assert.deepEqual([lines[1].deductible, lines[1].coinsurance, lines[1].copay, lines[1].other_pr], ['0.00', '0.00', '15.00', '0.00']);
    assert.deepEqual([claim.deductible, claim.coinsurance, claim.copay, claim.other_pr], ['40.00', '10.00', '15.00', '0.00']);
    assert.equal(
      cents(claim.deductible) + cents(claim.coinsurance) + cents(claim.copay) + cents(claim.other_pr),
      cents(claim.patient_responsibility),
    );
  });

  test('allowed: AMT*B6 where the payer sent it, else computed, and the source says which', () => {
    assert.deepEqual([lines[0].allowed, lines[0].allowed_source], ['120.00', 'AMT*B6']);
    // 100 charged - 60 denied (CO-16, needs work) = 40 recognised: 25 paid + 15 copay.
    assert.deepEqual([lines[1].allowed, lines[1].allowed_source], ['40.00', 'computed']);
    assert.deepEqual([claim.allowed, claim.allowed_source], ['160.00', 'computed'], 'one line without AMT*B6: the claim is computed');
  });

  test('class totals add up: charge = paid + every class, per claim and per line', () => {
    const classes = (r: Record<string, string>) =>
      ['contractual', 'sequestration', 'patient', 'needs_work', 'recoverable', 'other'].reduce((s, c) => s + cents(r[`class_${c}`]), 0);
    for (const r of [claim, ...lines]) assert.equal(cents(r.charge), cents(r.paid) + classes(r));
    assert.equal(cents(claim.class_needs_work), 6000);
    assert.equal(claim.to_work, '1');
  });

  test('adjustment rows carry their line, its control number and the verdict', () => {
    assert.equal(adjustments.length, 6, 'PR-96 of 0.00 is a triplet too');
    const denial = adjustments.find((r) => r.reason === '16')!;
    assert.deepEqual([denial.level, denial.line_number, denial.class, denial.actionable], ['line', '2', 'needs_work', 'yes']);
    assert.equal(adjustments[0].line_control_number, 'LINE-A');
  });

  test('NDJSON: the same rows as JSON objects, money as numbers, absent dates as null', () => {
    const rows = fileTables(a, 'in/x.835', ['claim', 'line'], 'ndjson');
    const c = JSON.parse(rows.text.claim!.trim());
    assert.equal(c.charge, 300);
    assert.equal(c.allowed, 160);
    assert.equal(c.claim_id, 'C1');
    const l = rows.text
      .line!.trim()
      .split('\n')
      .map((s) => JSON.parse(s));
    assert.equal(l.length, 2);
    assert.equal(l[1].copay, 15);
    assert.equal(rows.rows.line, 2);
  });
});

describe('export tables: safe in spreadsheets', () => {
  test('text that a spreadsheet would run as a formula is neutralised in every table; amounts stay numbers', () => {
    const hostile = IDENTIFIED.replace('N1*PR*ACME HEALTH', 'N1*PR*=HYPERLINK("http://x")')
      .replace('CLP*C1*', 'CLP*+C1*')
      .replace('NM1*QC*1*DOE*JANE', 'NM1*QC*1*@SUM(A1)*JANE');
    const a = analysed(hostile);
    for (const level of ['claim', 'line', 'adjustment'] as const) {
      const [row] = parseCsv(tableText(a, 'x.835', level, 'csv'));
      assert.equal(row.payer, '\'=HYPERLINK("http://x")', level);
      assert.equal(row.claim_id, "'+C1", level);
      assert.match(row.patient, /^'@SUM\(A1\)/, level);
    }
    const [adj] = parseCsv(tableText(a, 'x.835', 'adjustment', 'csv'));
    assert.equal(adj.amount, '40.00');
  });
});

describe('export tables: the examples against the summary', () => {
  for (const path of EXAMPLES) {
    test(`${path}: claim table sums equal the summary's totals to the cent`, () => {
      const a = analysed(readFileSync(path, 'utf8'));
      const s = summarize(a, DEFAULT_SETTINGS);
      const claims = parseCsv(tableText(a, path, 'claim', 'csv'));
      const sum = (k: string) => claims.reduce((t, r) => t + cents(r[k]), 0);
      assert.equal(claims.length, s.claimCount);
      assert.equal(sum('charge'), s.totals.charged);
      assert.equal(sum('paid'), s.totals.paid);
      assert.equal(sum('class_contractual'), s.totals.contractual);
      assert.equal(sum('class_sequestration'), s.totals.sequestration);
      assert.equal(sum('class_patient'), s.totals.patientResponsibility);
      assert.equal(sum('class_needs_work'), s.totals.denied);
      assert.equal(sum('to_work_amount'), s.toWorkCents);
      assert.equal(
        claims.reduce((t, r) => t + Number(r.to_work), 0),
        s.toWork,
      );
      const lines = parseCsv(tableText(a, path, 'line', 'csv'));
      const adjustments = parseCsv(tableText(a, path, 'adjustment', 'csv'));
      assert.equal(
        lines.reduce((t, r) => t + cents(r.charge), 0),
        claims.reduce((t, r) => t + cents(r.charge), 0),
        'every example claim has its charge in lines',
      );
      assert.equal(
        adjustments.reduce((t, r) => t + cents(r.amount), 0),
        sum('charge') - sum('paid'),
        'the examples balance',
      );
    });
  }
});

describe('era835 export (command line)', () => {
  const CLI = 'server/out/cli.js';
  const era835 = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  let dir = '';
  before(() => {
    if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'era835-tables-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('--level claim prints the claim table of a folder', () => {
    const r = era835('export', 'examples', '--level', 'claim');
    assert.equal(r.status, 0, r.stderr);
    const rows = parseCsv(r.stdout);
    assert.deepEqual(
      rows.map((x) => x.claim_id),
      ['PCN1001', 'PCN1002', 'PCN2001', 'PCN2002', 'PCN2003', 'PCN2004'],
    );
  });

  test('-o DIR/ writes the three tables; --format ndjson writes JSON lines', () => {
    const out = join(dir, 'nd') + '/';
    const r = era835('export', 'examples', '--format', 'ndjson', '-o', out);
    assert.equal(r.status, 0, r.stderr);
    const read = (name: string) =>
      readFileSync(join(out, name), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    assert.equal(read('claims.ndjson').length, 6);
    assert.equal(read('lines.ndjson').length, 6);
    assert.equal(read('adjustments.ndjson').length, 13);
    assert.match(r.stderr, /6 claims, 6 lines, 13 adjustments from 2 file\(s\)/);
  });

  test('--redact: names and claim numbers replaced, money untouched', () => {
    const plain = parseCsv(era835('export', 'examples/needs-attention.835', '--level', 'claim').stdout);
    const r = era835('export', 'examples/needs-attention.835', '--level', 'claim', '--redact');
    assert.equal(r.status, 0, r.stderr);
    const red = parseCsv(r.stdout);
    assert.equal(red.length, plain.length);
    for (const [i, row] of red.entries()) {
      assert.notEqual(row.patient, plain[i].patient);
      assert.notEqual(row.claim_id, plain[i].claim_id);
      assert.notEqual(row.subscriber_id, plain[i].subscriber_id);
      assert.equal(row.paid, plain[i].paid);
      assert.equal(row.class_needs_work, plain[i].class_needs_work);
    }
    assert.ok(!r.stdout.includes('CARLA'));
  });

  test('a wrong level or format is a usage problem (exit 2)', () => {
    assert.equal(era835('export', 'examples', '--level', 'segment').status, 2);
    assert.equal(era835('export', 'examples', '--format', 'xlsx').status, 2);
  });
});
