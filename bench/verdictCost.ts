/**
 * What the verdicts cost (issue 14): the claim pass judges every CAS triplet once and keeps its verdict.
 * Run: `node --import tsx bench/verdictCost.ts [--runs N] [--mb 50] [REV...]`.
 *
 * Measures, on one generated file (default 50 MB, multi-line), in fresh processes taking turns round by
 * round (the machine is shared: compare within a run, as ratios):
 * - the `stages` mode (tokenize, model, rules) of the benchmark child as it was at each git revision given
 *   (default: before the verdicts (e2af377^), the commit that added them (e2af377), and the work tree);
 * - the work tree's `claimpass` mode: the claim pass alone (the walk that judges every verdict), reading
 *   the verdicts' totals once, and a whole rule run.
 * Each revision's bench/child.ts and server/src are taken with `git archive` into bench/tmp/ and bundled
 * with esbuild; node_modules is the work tree's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { generate835 } from './generator';

const ROOT = join(__dirname, '..');
const TMP = join(__dirname, 'tmp');
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(args[i + 1]);
  args.splice(i, 2);
  return v;
};
const RUNS = opt('--runs', 5);
const MB = opt('--mb', 50);
const REVS = args.length ? args : ['e2af377^', 'e2af377', 'worktree'];

async function ensureFile(): Promise<string> {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, `${MB}mb-multi-line.835`);
  if (existsSync(path)) return path;
  const out = createWriteStream(path);
  for (const chunk of generate835({ bytes: MB * 1_000_000, oneLine: false })) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return path;
}

/** The benchmark child of a revision ('worktree': this checkout), bundled. */
async function childOf(rev: string): Promise<string> {
  let root = ROOT;
  if (rev !== 'worktree') {
    const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
    root = join(TMP, `rev-${sha}`);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const tar = execFileSync('git', ['archive', sha, 'bench', 'server', 'package.json'], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', root], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  }
  const outfile = join(TMP, `verdict-cost-child-${rev.replace(/\W/g, '_')}.js`);
  await esbuild.build({
    entryPoints: [join(root, 'bench/child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['node-x12', 'x12-parser', 'node-x12-edi', '@stedi/x12-tools'],
    logLevel: 'error',
  });
  return outfile;
}

function run(child: string, mode: string, file: string): Record<string, number> {
  const r = spawnSync(process.execPath, ['--expose-gc', child, mode, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${child} ${mode}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const file = await ensureFile();
  const children = new Map<string, string>();
  for (const rev of REVS) children.set(rev, await childOf(rev));
  const stages = new Map<string, Array<Record<string, number>>>(REVS.map((r) => [r, []]));
  const passes: Array<Record<string, number>> = [];
  const head = children.get('worktree') ?? (await childOf('worktree'));
  for (let i = 0; i < RUNS; i++) {
    for (const rev of REVS) stages.get(rev)!.push(run(children.get(rev)!, 'stages', file));
    passes.push(run(head, 'claimpass', file));
    process.stderr.write(`round ${i + 1}/${RUNS}\n`);
  }
  const m = (xs: Array<Record<string, number>>, k: string) => median(xs.map((x) => x[k]));
  const base = stages.get(REVS[0])!;
  console.log(`file: ${file}, ${RUNS} rounds, medians in ms (ratios against ${REVS[0]})`);
  console.log('| revision | tokenize | model | rules | tokenize+model+rules | rules ratio | findings |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const rev of REVS) {
    const xs = stages.get(rev)!;
    const total = median(xs.map((x) => x.tokenize + x.model + x.rules));
    console.log(
      `| ${rev} | ${m(xs, 'tokenize').toFixed(0)} | ${m(xs, 'model').toFixed(0)} | ${m(xs, 'rules').toFixed(0)} | ${total.toFixed(0)} | ${(m(xs, 'rules') / m(base, 'rules')).toFixed(2)} | ${m(xs, 'findings')} |`,
    );
  }
  const tree = stages.get('worktree') ?? base;
  const whole = median(tree.map((x) => x.tokenize + x.model + x.rules));
  console.log(
    `claim pass alone (judges ${m(passes, 'triplets')} triplets): ${m(passes, 'claimPass').toFixed(0)} ms = ${((100 * m(passes, 'claimPass')) / m(passes, 'rules')).toFixed(0)}% of a rule run in the same process (${m(passes, 'rules').toFixed(0)} ms), ${((100 * m(passes, 'claimPass')) / whole).toFixed(0)}% of tokenize+model+rules; reading every verdict's totals: ${m(passes, 'verdictTotals').toFixed(1)} ms`,
  );
}

void main();
