/**
 * `npm run bench:export`: `era835 export DIR --format ndjson -o OUT/` (claims, lines and adjustments
 * tables) over a folder of 2,000 generated remits (the same folder as bench:cli), whole process, in files
 * per second, with one job and with `--jobs N` (N: the number of cores, at least 2; BENCH_JOBS overrides);
 * median of fresh processes. The tables of N jobs must be byte for byte those of one job (checked here).
 * Writes its section of bench/results.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { generate835Text } from './generator';

const ROOT = join(__dirname, '..');
const TMP = join(__dirname, 'tmp');
const CLI = join(ROOT, 'server/out/cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function main(): void {
  mkdirSync(TMP, { recursive: true });
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const folder = join(TMP, 'cli-2000');
  if (!existsSync(folder)) {
    mkdirSync(folder);
    for (let i = 0; i < 2000; i++)
      writeFileSync(
        join(folder, `remit-${String(i).padStart(4, '0')}.835`),
        generate835Text({ bytes: 8_000 + (i % 17) * 1_500, seed: 1000 + i }),
      );
  }
  const files = readdirSync(folder).length;
  const bytes = readdirSync(folder).reduce((s, f) => s + statSync(join(folder, f)).size, 0);
  const out = join(TMP, 'export-out') + '/';
  const tables = ['claims', 'lines', 'adjustments'];
  const digest = () =>
    tables
      .map((t) =>
        createHash('sha256')
          .update(readFileSync(join(out, `${t}.ndjson`)))
          .digest('hex'),
      )
      .join(' ');
  const many = Number(process.env.BENCH_JOBS ?? Math.max(2, cpus().length));
  const rowsOf: string[] = [];
  let firstDigest = '';
  let rows = '';
  for (const jobs of [1, many]) {
    const runs: Array<{ wall: number; cpu: number; rss: number }> = [];
    for (let i = 0; i < RUNS; i++) {
      rmSync(out, { recursive: true, force: true });
      const r = spawnSync(
        '/usr/bin/time',
        ['-f', '%e %U %S %M', process.execPath, CLI, 'export', folder, '--format', 'ndjson', '-o', out, '--jobs', String(jobs)],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(r.stderr);
      const [wall, user, sys, rss] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
      runs.push({ wall, cpu: user + sys, rss: rss / 1024 });
    }
    // The tables of N jobs are those of one job, byte for byte.
    const d = digest();
    if (!firstDigest) firstDigest = d;
    else if (d !== firstDigest) throw new Error(`--jobs ${jobs} wrote other tables than one job`);
    rows = tables.map((t) => `${readFileSync(join(out, `${t}.ndjson`), 'utf8').split('\n').length - 1} ${t}`).join(', ');
    const mid = (k: 'wall' | 'cpu' | 'rss') => runs.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    // /usr/bin/time's peak RSS is the largest process's (worker threads share the main process).
    rowsOf.push(
      `| ${files} generated remits, ${(bytes / 1024 / 1024).toFixed(1)} MB | \`era835 export DIR --format ndjson -o OUT/ --jobs ${jobs}\` | ${mid('wall').toFixed(2)} s | ${mid('cpu').toFixed(2)} s | ${Math.round(files / mid('wall'))} | ${Math.round(mid('rss'))} MB | ${rows} |`,
    );
  }
  const [l1, l5, l15] = loadavg().map((n) => n.toFixed(1));
  const section = [
    '<!-- export:begin (written by `npm run bench:export`) -->',
    '## Export tables, whole process',
    '',
    `Measured by \`npm run bench:export\` on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? 'CPU'}, ${cpus().length} cores, Node ${process.version}; load average at the end ${l1} / ${l5} / ${l15}. Median of ${RUNS} fresh process${RUNS === 1 ? '' : 'es'} per row; the tables of ${many} jobs were checked to be byte for byte those of one job.`,
    '',
    '| input | command | wall | CPU | files per second (wall) | peak RSS | rows written |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...rowsOf,
    '<!-- export:end -->',
  ].join('\n');
  const resultsPath = join(__dirname, 'results.md');
  const old = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Benchmark results\n';
  const kept = old.replace(/\n*<!-- export:begin[\s\S]*<!-- export:end -->\n?/, '');
  writeFileSync(resultsPath, `${kept.trimEnd()}\n\n${section}\n`);
  process.stdout.write(section + '\n');
}

main();
