import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { generate835Text } from '../../../bench/generator';
import { remit } from './remits';

/**
 * The tables `era835 export DIR --format ndjson -o OUT/` writes are what a warehouse reads: loaded into
 * DuckDB (the README's queries), their totals equal `era835 impact` and `era835 summary` to the cent.
 */
const CLI = 'server/out/cli.js';
const era835 = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

let dir = '';
let out = '';
let db: DuckDBConnection;

/** One number from a query that returns one row of one column (cents as BIGINT). */
async function one(sql: string): Promise<number> {
  const r = await db.runAndReadAll(sql);
  return Number(r.getRows()[0][0]);
}

async function rows(sql: string): Promise<Array<Record<string, unknown>>> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as Array<Record<string, unknown>>;
}

const CENTS = (expr: string) => `CAST(round(sum(${expr}::DECIMAL(18,2)) * 100) AS BIGINT)`;

before(async () => {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'era835-duckdb-'));
  const remits = join(dir, 'remits');
  mkdirSync(join(remits, '2023'), { recursive: true });
  copyFileSync('examples/medicare-part-b.835', join(remits, 'medicare-part-b.835'));
  copyFileSync('examples/needs-attention.835', join(remits, 'needs-attention.835'));
  // Generated remits: Part A and B, commercial, PLB, several transactions each.
  for (let seed = 1; seed <= 4; seed++) writeFileSync(join(remits, `generated-${seed}.835`), generate835Text({ bytes: 40_000, seed }));
  // A payment a month over a year, Medicare at 2% with a 1% one, a commercial CO-253 and a denial.
  for (let m = 1; m <= 12; m++) {
    const month = String(m).padStart(2, '0');
    writeFileSync(
      join(remits, '2023', `${month}.835`),
      remit({
        paymentDate: `2023${month}15`,
        amount: '0',
        trace: `T${month}`,
        payer: m % 2 ? 'MEDICARE B' : 'ACME HEALTH',
        payerId: m % 2 ? 'MB01' : 'ACME',
        claims: [
          {
            id: `M${month}`,
            charge: '200',
            paid: '98',
            plan: 'MB',
            lines: [{ proc: '99213', charge: '200', paid: '98', date: `2023${month}02`, cas: [`CO*45*100*1*253*${m === 6 ? '1' : '2'}`] }],
          },
          { id: `C${month}`, charge: '100', paid: '49', plan: '12', cas: ['CO*45*50*1*253*1'] },
          {
            id: `D${month}`,
            status: '4',
            charge: '80',
            paid: '0',
            plan: 'MB',
            lines: [{ proc: '80053', charge: '80', paid: '0', date: `2023${month}03`, cas: ['CO*16*80'] }],
          },
        ],
      }),
    );
  }
  out = join(dir, 'tables') + '/';
  const r = era835('export', remits, '--format', 'ndjson', '-o', out);
  assert.equal(r.status, 0, r.stderr);
  const instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  for (const t of ['claims', 'lines', 'adjustments'])
    await db.run(`CREATE TABLE ${t} AS SELECT * FROM read_json('${join(out, `${t}.ndjson`)}', format = 'newline_delimited')`);
});

after(() => {
  db?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('DuckDB over the exported tables', () => {
  test('monthly sequestration impact (the README query) equals era835 impact --json, to the cent', async () => {
    const impact = JSON.parse(era835('impact', join(dir, 'remits'), '--json').stdout);
    const got = await rows(`
      SELECT strftime(coalesce(c.payment_date, c.production_date)::DATE, '%Y-%m') AS month,
             count(DISTINCT c.file || c.transaction || c.claim_id) AS claims,
             ${CENTS('c.paid')} AS paid_cents
      FROM claims c GROUP BY month ORDER BY month`);
    const seq = await rows(`
      SELECT strftime(coalesce(payment_date, production_date)::DATE, '%Y-%m') AS month,
             ${CENTS("CASE WHEN filing_indicator IN ('MA', 'MB') THEN amount ELSE 0 END")} AS medicare_co253_cents,
             ${CENTS('amount')} AS co253_cents
      FROM adjustments a JOIN (SELECT DISTINCT file, transaction, production_date FROM claims) c USING (file, transaction)
      WHERE "group" = 'CO' AND (reason = '253' OR (reason = '223' AND class = 'sequestration'))
      GROUP BY month ORDER BY month`);
    const medicarePaid = await rows(`
      SELECT strftime(coalesce(payment_date, production_date)::DATE, '%Y-%m') AS month, ${CENTS('paid')} AS cents
      FROM claims WHERE filing_indicator IN ('MA', 'MB') GROUP BY month ORDER BY month`);
    assert.ok(impact.rows.length >= 13, 'a year of months and the generated ones');
    for (const row of impact.rows) {
      const g = got.find((x) => x.month === row.key);
      assert.ok(g, `month ${row.key} in DuckDB`);
      assert.equal(Number(g.paid_cents), row.paidCents, `${row.key} paid`);
      const s = seq.find((x) => x.month === row.key);
      assert.equal(Number(s?.medicare_co253_cents ?? 0), row.medicareCo253Cents, `${row.key} Medicare CO-253`);
      assert.equal(Number(s?.co253_cents ?? 0), row.co253Cents, `${row.key} CO-253`);
      assert.equal(Number(medicarePaid.find((x) => x.month === row.key)?.cents ?? 0), row.medicarePaidCents, `${row.key} Medicare paid`);
    }
    assert.equal(got.length, impact.rows.length);
  });

  test('per file: charged, paid, each class and the work equal era835 summary --json, to the cent', async () => {
    const summaries = JSON.parse(era835('summary', join(dir, 'remits'), '--json').stdout) as Array<{
      file: string;
      summary: { totals: Record<string, number>; toWork: number; toWorkCents: number; claimCount: number };
    }>;
    assert.equal(summaries.length, 18);
    const byFile = await rows(`
      SELECT file, count(*) AS claims, ${CENTS('charge')} AS charged, ${CENTS('paid')} AS paid,
             ${CENTS('class_contractual')} AS contractual, ${CENTS('class_sequestration')} AS sequestration,
             ${CENTS('class_patient')} AS patient, ${CENTS('class_needs_work')} AS needs_work, ${CENTS('class_other')} AS other,
             sum(to_work) AS to_work, ${CENTS('to_work_amount')} AS to_work_cents
      FROM claims GROUP BY file`);
    for (const { file, summary } of summaries) {
      const f = byFile.find((x) => x.file === file);
      assert.ok(f, file);
      const t = summary.totals;
      assert.deepEqual(
        [f.claims, f.charged, f.paid, f.contractual, f.sequestration, f.patient, f.needs_work, f.other, f.to_work, f.to_work_cents].map(
          Number,
        ),
        [
          summary.claimCount,
          t.charged,
          t.paid,
          t.contractual,
          t.sequestration,
          t.patientResponsibility,
          t.denied,
          t.other,
          summary.toWork,
          summary.toWorkCents,
        ],
        file,
      );
    }
  });

  test('denial rate by payer and month (the README query) counts the denied claims', async () => {
    const r = await rows(`
      SELECT payer, strftime(payment_date::DATE, '%Y-%m') AS month, count(*) AS claims,
             count(*) FILTER (WHERE claim_status = '4') AS denied
      FROM claims WHERE year(payment_date::DATE) = 2023 GROUP BY ALL ORDER BY month`);
    assert.equal(r.length, 12);
    for (const x of r) assert.deepEqual([Number(x.claims), Number(x.denied)], [3, 1]);
    const lines = await one(`SELECT count(*) FROM lines`);
    const adjustments = await one(`SELECT count(*) FROM adjustments`);
    assert.ok(lines > 0 && adjustments > lines);
  });
});
