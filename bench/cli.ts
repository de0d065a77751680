/**
 * `npm run bench:cli`: the command line as a user runs it, whole process (start, read, analyse, write
 * the output to /dev/null), against the read-and-count floor and node-x12's stream parser, also as whole
 * processes; one job against two, on a 50 MB file (one interchange, and ten) and on a folder of 2,000
 * remits; peak memory per command. Times are medians of fresh processes; "CPU" is user + system time,
 * which a busy shared machine disturbs less than the wall clock. Writes its section of bench/results.md.
 * Every configuration's output is compared: the figures count only if the findings are the same.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { generate835 } from './generator';

const ROOT = join(__dirname, '..');
const TMP = join(__dirname, 'tmp');
const CLI = join(ROOT, 'server/out/cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MB = 1024 * 1024;

interface Measure {
  wall: number;
  cpu: number;
  rssMB: number;
  out: string;
}

/** One fresh process under /usr/bin/time: wall and CPU seconds, peak RSS, and a hash of its stdout. */
function measure(args: string[]): Measure {
  const outFile = join(TMP, 'cli-out.txt');
  const fd = openSync(outFile, 'w');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, ...args], {
    stdio: ['ignore', fd, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  closeSync(fd);
  const last = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  const out = createHash('sha256').update(readFileSync(outFile)).digest('hex').slice(0, 12);
  return { wall: last[0], cpu: last[1] + last[2], rssMB: last[3] / 1024, out };
}

function median(args: string[], runs = RUNS): Measure {
  const all = Array.from({ length: runs }, () => measure(args));
  const mid = (k: 'wall' | 'cpu' | 'rssMB') => [...all.map((m) => m[k])].sort((a, b) => a - b)[Math.floor(all.length / 2)];
  const outs = new Set(all.map((m) => m.out));
  if (outs.size > 1) throw new Error(`${args.join(' ')}: output differs between runs`);
  return { wall: mid('wall'), cpu: mid('cpu'), rssMB: mid('rssMB'), out: all[0].out };
}

function file(name: string, make: (write: (s: string) => void) => void): string {
  const path = join(TMP, name);
  if (existsSync(path)) return path;
  const fd = openSync(path, 'w');
  make((s) => writeSync(fd, s));
  closeSync(fd);
  return path;
}

/** The generated text made pure ASCII (the generator writes accented names). */
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x00-\x7f]/g, 'O');

const PEERS = {
  floor: `const t=require('fs').readFileSync(process.argv[2],'utf8');let n=0;for(let i=t.indexOf('~');i>=0;i=t.indexOf('~',i+1))n++;console.log(n);`,
  nodeX12: `const {X12Parser}=require('node-x12');let n=0;require('fs').createReadStream(process.argv[2]).pipe(new X12Parser()).on('data',()=>n++).on('end',()=>console.log(n));`,
};

function main(): void {
  mkdirSync(TMP, { recursive: true });
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  for (const [name, code] of Object.entries(PEERS)) writeFileSync(join(TMP, `peer-${name}.js`), code);
  const files = {
    'one-line, accented': file('cli-50-one.835', (w) => {
      for (const c of generate835({ bytes: 50e6, oneLine: true, seed: 1 })) w(c);
    }),
    'multi-line, accented': file('cli-50-multi.835', (w) => {
      for (const c of generate835({ bytes: 50e6, seed: 1 })) w(c);
    }),
    'one-line, ASCII': file('cli-50-one-ascii.835', (w) => {
      for (const c of generate835({ bytes: 50e6, oneLine: true, seed: 1 })) w(ascii(c));
    }),
    'multi-line, ASCII': file('cli-50-multi-ascii.835', (w) => {
      for (const c of generate835({ bytes: 50e6, seed: 1 })) w(ascii(c));
    }),
  };
  const tenInterchanges = file('cli-50-ten.835', (w) => {
    for (let k = 0; k < 10; k++) for (const c of generate835({ bytes: 5e6, seed: k + 1 })) w(c);
  });
  const folder = join(TMP, 'cli-2000');
  if (!existsSync(folder)) {
    mkdirSync(folder);
    for (let i = 0; i < 2000; i++)
      file(`cli-2000/remit-${String(i).padStart(4, '0')}.835`, (w) => {
        for (const c of generate835({ bytes: 8_000 + (i % 17) * 1_500, seed: 1000 + i })) w(c);
      });
  }
  const baseline = median(['-e', '0']);
  const lines: string[] = [];
  const say = (s: string) => {
    process.stderr.write(s + '\n');
  };
  const f1 = (n: number) => n.toFixed(1);
  const f2 = (n: number) => n.toFixed(2);

  lines.push(
    "| file | read + count floor | node-x12 stream | era835 check, 1 job | era835 check, 2 jobs | check / node-x12 | check / floor | peak RSS, 1 job (above Node's own) | same output, 1 and 2 jobs |",
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const [label, path] of Object.entries(files)) {
    const floor = median([join(TMP, 'peer-floor.js'), path]);
    const x12 = median([join(TMP, 'peer-nodeX12.js'), path]);
    const one = median([CLI, 'check', '--jobs', '1', path]);
    const two = median([CLI, 'check', '--jobs', '2', path]);
    const cell = (m: Measure) => `${f2(m.wall)} s (CPU ${f2(m.cpu)})`;
    lines.push(
      `| 50 MB ${label} | ${cell(floor)} | ${cell(x12)} | ${cell(one)} | ${cell(two)} | ${f2(x12.wall / one.wall)}x faster (CPU ${f2(x12.cpu / one.cpu)}x) | ${f2(one.wall / floor.wall)}x (CPU ${f2(one.cpu / floor.cpu)}x) | ${Math.round(one.rssMB - baseline.rssMB)} MB (${f1((one.rssMB - baseline.rssMB) / (statSync(path).size / MB))}x the file) | ${one.out === two.out ? 'yes' : 'NO'} |`,
    );
    say(lines[lines.length - 1]);
  }

  const jobRows: string[] = [
    '| input | 1 job | 2 jobs | speed-up (wall) | CPU, 1 job / 2 jobs | same output |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const [label, path] of [
    ['50 MB, one interchange of 550 transactions (cut at transactions)', files['multi-line, accented']],
    ['50 MB, ten interchanges', tenInterchanges],
    ['folder of 2,000 remits (8-32 KB)', folder],
  ] as const) {
    const one = median([CLI, 'check', '--jobs', '1', path]);
    const two = median([CLI, 'check', '--jobs', '2', path]);
    jobRows.push(
      `| ${label} | ${f2(one.wall)} s (CPU ${f2(one.cpu)}) | ${f2(two.wall)} s (CPU ${f2(two.cpu)}) | ${f2(one.wall / two.wall)}x | ${f2(one.cpu)} / ${f2(two.cpu)} | ${one.out === two.out ? 'yes' : 'NO'} |`,
    );
    say(jobRows[jobRows.length - 1]);
  }

  const memRows: string[] = [
    "| command (50 MB multi-line, accented) | wall | peak RSS | above Node's own | x the file |",
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  const path = files['multi-line, accented'];
  for (const args of [
    ['check', '--jobs', '1'],
    ['check', '--jobs', '1', '--json'],
    ['summary'],
    ['impact'],
    ['export', '--csv'],
    ['redact', '--salt', 's'],
  ]) {
    const m = median([CLI, ...args, path], 1);
    memRows.push(
      `| \`era835 ${args.join(' ')}\` | ${f2(m.wall)} s | ${Math.round(m.rssMB)} MB | ${Math.round(m.rssMB - baseline.rssMB)} MB | ${f1((m.rssMB - baseline.rssMB) / (statSync(path).size / MB))}x |`,
    );
    say(memRows[memRows.length - 1]);
  }

  const [l1, l5, l15] = loadavg().map((n) => n.toFixed(1));
  const section = [
    '<!-- cli:begin (written by `npm run bench:cli`; kept by `npm run bench`) -->',
    '## The command line, whole process',
    '',
    `Measured by \`npm run bench:cli\` on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? 'CPU'}, ${cpus().length} cores, Node ${process.version}; load average at the end ${l1} / ${l5} / ${l15} (a shared machine: wall times vary with the load, CPU times less). Medians of ${RUNS} fresh processes, output to /dev/null. Node's own peak RSS (\`node -e 0\`): ${Math.round(baseline.rssMB)} MB.`,
    '',
    ...lines,
    '',
    ...jobRows,
    '',
    'Peak memory per command (one run each):',
    '',
    ...memRows,
    '<!-- cli:end -->',
  ].join('\n');
  const resultsPath = join(__dirname, 'results.md');
  const old = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Benchmark results\n';
  const kept = old.replace(/\n*<!-- cli:begin[\s\S]*<!-- cli:end -->\n?/, '\n\n'); // the paragraphs around it stay apart
  writeFileSync(resultsPath, `${kept.trimEnd()}\n\n${section}\n`);
  process.stdout.write(section + '\n');
}

main();
