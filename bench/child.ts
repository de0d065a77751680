/**
 * One measurement in a fresh process (so JIT state and memory never leak from one to the next), printed
 * as one JSON line. Bundled by bench/run.ts with esbuild, like the shipped server, and run as
 *   node --expose-gc bench/tmp/child.js MODE FILE
 * Modes: `scan` (the floor: read + decode + count terminators), `stages` (tokenize, model, rules, line
 * index timed one by one), `whole` (`analyze()` with its memory), `claimpass` (the claim pass alone, which
 * judges every triplet's verdict, then the whole rule run: bench/verdictCost.ts), `parser:NAME` (another
 * library's parse).
 * Every time includes reading and decoding the file's bytes where the mode says `fromDisk`.
 */
import { readFileSync, createReadStream } from 'node:fs';
import { analyze } from '../server/src/analysis';
import { runRules } from '../server/src/rules';
import { fullClaimPass } from '../server/src/rules/engine/claimPass';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { LineIndex } from '../server/src/x12/lineIndex';
import { tokenize } from '../server/src/x12/tokenizer';
import { buildModel } from '../server/src/x835/builder';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const now = () => performance.now();
const MB = 1024 * 1024;

function memory() {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external, rss: m.rss };
}

async function main(): Promise<unknown> {
  const [mode, file] = process.argv.slice(2);
  if (mode === 'scan') {
    const t0 = now();
    const text = readFileSync(file, 'utf8');
    let segments = 0;
    for (let i = text.indexOf('~'); i >= 0; i = text.indexOf('~', i + 1)) segments++;
    return { fromDisk: now() - t0, segments };
  }
  if (mode === 'stages' || mode === 'whole') {
    const t0 = now();
    const text = readFileSync(file, 'utf8');
    const read = now() - t0;
    const before = memory();
    if (mode === 'whole') {
      const t1 = now();
      const a = analyze(text, DEFAULT_SETTINGS);
      const whole = now() - t1;
      const peakRss = process.resourceUsage().maxRSS * 1024;
      const after = memory();
      return {
        read,
        whole,
        fromDisk: read + whole,
        findings: a.findings.length,
        retainedMB: (after.heap + after.external - before.heap - before.external) / MB,
        peakRssGrowthMB: (peakRss - before.rss) / MB,
      };
    }
    let t = now();
    const tokens = tokenize(text);
    const tokenizeMs = now() - t;
    t = now();
    const model = buildModel(tokens);
    const modelMs = now() - t;
    t = now();
    const found = runRules({ model, settings: DEFAULT_SETTINGS });
    const rulesMs = now() - t;
    t = now();
    new LineIndex(text);
    const linesMs = now() - t;
    return { read, tokenize: tokenizeMs, model: modelMs, rules: rulesMs, lines: linesMs, segments: tokens.count, findings: found.length };
  }
  if (mode === 'claimpass') {
    // The claim pass first, as a rule run meets it (cold), then a whole rule run (which walks again).
    const model = buildModel(tokenize(readFileSync(file, 'utf8')));
    let t = now();
    const pass = fullClaimPass(model, DEFAULT_SETTINGS);
    const claimPass = now() - t;
    t = now();
    const totals = pass.verdicts.totals();
    const verdictTotals = now() - t;
    t = now();
    const found = runRules({ model, settings: DEFAULT_SETTINGS });
    const rules = now() - t;
    return { claimPass, verdictTotals, rules, triplets: pass.verdicts.length, toWork: totals.toWork, findings: found.length };
  }
  if (mode.startsWith('parser:')) return parse(mode.slice('parser:'.length), file);
  throw new Error(`unknown mode ${mode}`);
}

/** Another library's parse of the file, timed from its bytes on disk (module loading excluded). */
async function parse(name: string, file: string): Promise<unknown> {
  switch (name) {
    case 'node-x12': {
      const { X12Parser } = await import('node-x12');
      const t0 = now();
      const interchange = new X12Parser(true).parse(readFileSync(file, 'utf8'));
      return { fromDisk: now() - t0, ok: !!interchange };
    }
    case 'node-x12-stream': {
      const { X12Parser } = await import('node-x12');
      const t0 = now();
      let segments = 0;
      await new Promise((resolve, reject) =>
        createReadStream(file)
          .pipe(new X12Parser())
          .on('data', () => segments++)
          .on('end', resolve)
          .on('error', reject),
      );
      return { fromDisk: now() - t0, segments };
    }
    case 'x12-parser': {
      const { X12parser } = await import('x12-parser');
      const t0 = now();
      let segments = 0;
      // Its default decoding is ASCII; the files hold accented names (UTF-8), as ours are read.
      await new Promise((resolve, reject) =>
        createReadStream(file)
          .pipe(new X12parser('utf8'))
          .on('data', () => segments++)
          .on('end', resolve)
          .on('error', reject),
      );
      return { fromDisk: now() - t0, segments };
    }
    case 'node-x12-edi': {
      const { Transaction } = (await import('node-x12-edi' as string)) as {
        Transaction: new () => { generateSegments(s: string, segment?: string, element?: string): void; segments?: unknown[] };
      };
      const t0 = now();
      const tx = new Transaction();
      // Its segment terminator defaults to a newline (a one-line file was read as one segment): the
      // files' own '~' (its parameter is named lineTerminator).
      tx.generateSegments(readFileSync(file, 'utf8'), '~', '*');
      return { fromDisk: now() - t0, segments: tx.segments?.length };
    }
    case 'stedi-format':
    case 'stedi-metadata': {
      const stedi = await import('@stedi/x12-tools');
      const t0 = now();
      const text = readFileSync(file, 'utf8');
      const out = name === 'stedi-format' ? stedi.format(text).length : JSON.stringify(stedi.metadata(text)).length;
      return { fromDisk: now() - t0, out };
    }
  }
  throw new Error(`unknown parser ${name}`);
}

main().then(
  (r) => {
    process.stdout.write(JSON.stringify(r) + '\n');
  },
  (e) => {
    process.stdout.write(JSON.stringify({ error: String((e as Error)?.message ?? e).slice(0, 200) }) + '\n');
    process.exitCode = 1;
  },
);
