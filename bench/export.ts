/**
 * `npm run bench:export`: `era835 export DIR --format ndjson -o OUT/` (claims, lines and adjustments
 * tables) over a folder of 2,000 generated remits (the same folder as bench:cli), whole process, in files
 * per second; median of fresh processes. Writes its section of bench/results.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
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
  const runs: Array<{ wall: number; cpu: number; rss: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    rmSync(out, { recursive: true, force: true });
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, CLI, 'export', folder, '--format', 'ndjson', '-o', out], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
    const [wall, user, sys, rss] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    runs.push({ wall, cpu: user + sys, rss: rss / 1024 });
  }
  const mid = (k: 'wall' | 'cpu' | 'rss') => runs.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const rows = ['claims', 'lines', 'adjustments']
    .map((t) => `${readFileSync(join(out, `${t}.ndjson`), 'utf8').split('\n').length - 1} ${t}`)
    .join(', ');
  const [l1, l5, l15] = loadavg().map((n) => n.toFixed(1));
  const section = [
    '<!-- export:begin (written by `npm run bench:export`) -->',
    '## Export tables, whole process',
    '',
    `Measured by \`npm run bench:export\` on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? 'CPU'}, ${cpus().length} cores, Node ${process.version}; load average at the end ${l1} / ${l5} / ${l15}. Median of ${RUNS} fresh processes.`,
    '',
    '| input | command | wall | CPU | files per second | peak RSS | rows written |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    `| ${files} generated remits, ${(bytes / 1024 / 1024).toFixed(1)} MB | \`era835 export DIR --format ndjson -o OUT/\` (1 job) | ${mid('wall').toFixed(2)} s | ${mid('cpu').toFixed(2)} s | ${Math.round(files / mid('wall'))} | ${Math.round(mid('rss'))} MB | ${rows} |`,
    '<!-- export:end -->',
  ].join('\n');
  const resultsPath = join(__dirname, 'results.md');
  const old = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Benchmark results\n';
  const kept = old.replace(/\n*<!-- export:begin[\s\S]*<!-- export:end -->\n?/, '');
  writeFileSync(resultsPath, `${kept.trimEnd()}\n\n${section}\n`);
  process.stdout.write(section + '\n');
}

main();
