/**
 * `npm run bench`: how fast the analysis is on big remits, next to the floor (a bare terminator scan)
 * and other npm X12 parsers, and how the language server answers on them. Prints a table and writes
 * bench/results.md. Generated inputs live in bench/tmp/ (not in git).
 *
 *   node --expose-gc --import tsx bench/run.ts [--sizes 1,10,50] [--runs 5] [--no-lsp] [--no-parsers] [--editor-only]
 *
 * `--editor-only` measures the editor path alone (bench/editorPath.ts) and replaces only its section of
 * bench/results.md.
 *
 * Every measurement runs in a fresh child process (bench/child.ts, bundled with esbuild like the
 * shipped server) and the median of several runs is reported (fewer runs for 50 MB).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { generate835 } from './generator';
import { measureLsp, measureOpenFloor, type LspResult } from './lsp';
import { measureEditorPath, renderEditorSection, VSCODE_CAPABILITIES, withEditorSection, type EditorPath } from './editorPath';
import { TestClient } from '../test/helpers/lspClient';

const ROOT = join(__dirname, '..');
const TMP = join(__dirname, 'tmp');
const CHILD = join(TMP, 'child.js');
const FLOOR_SERVER = join(TMP, 'floorServer.js');

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (option('--sizes') ?? '1,10,50').split(',').map(Number);
const RUNS = Number(option('--runs') ?? 5);
const WITH_LSP = !args.includes('--no-lsp');
const WITH_PARSERS = !args.includes('--no-parsers');
const EDITOR_ONLY = args.includes('--editor-only');
const SHAPES = ['multi-line', 'one-line'] as const;
type Shape = (typeof SHAPES)[number];

const PARSERS = ['node-x12', 'node-x12-stream', 'x12-parser', 'node-x12-edi', 'stedi-format', 'stedi-metadata'];
const PARSER_LABELS: Record<string, string> = {
  'node-x12': 'node-x12 X12Parser.parse (whole string)',
  'node-x12-stream': 'node-x12 X12Parser (stream)',
  'x12-parser': 'x12-parser X12parser (stream, UTF-8)',
  'node-x12-edi': "node-x12-edi Transaction.generateSegments ('~' terminator)",
  'stedi-format': '@stedi/x12-tools format (WASM)',
  'stedi-metadata': '@stedi/x12-tools metadata (WASM, envelopes only)',
};

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '—');
const rate = (bytes: number, t: number) => (Number.isFinite(t) && t > 0 ? (bytes / 1e6 / (t / 1000)).toFixed(0) : '—');

function fileFor(mb: number, shape: Shape): string {
  return join(TMP, `${mb}mb-${shape}.835`);
}

async function ensureFile(mb: number, shape: Shape): Promise<string> {
  const path = fileFor(mb, shape);
  if (existsSync(path)) return path;
  const out = createWriteStream(path);
  for (const chunk of generate835({ bytes: mb * 1_000_000, oneLine: shape === 'one-line' })) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return path;
}

/** Runs one child measurement; undefined when it failed or timed out (reported as such). */
function child(mode: string, file: string, timeoutMs = 300_000): Record<string, number> | undefined {
  const r = spawnSync(process.execPath, ['--expose-gc', CHILD, mode, file], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 });
  const line = r.stdout?.trim().split('\n').pop();
  try {
    const v = JSON.parse(line ?? '') as Record<string, number> & { error?: string };
    if (v.error) {
      process.stderr.write(`  ${mode}: ${v.error}\n`);
      return undefined;
    }
    return v;
  } catch {
    process.stderr.write(`  ${mode}: ${r.error ? String(r.error.message) : `exit ${r.status}`} ${r.stderr?.slice(-200) ?? ''}\n`);
    return undefined;
  }
}

function repeat(mode: string, file: string, runs: number, key: string): { median: number; all: Record<string, number>[] } {
  const all: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) {
    const v = child(mode, file);
    if (!v) break; // a failure (out of memory, timeout) will not get better on the next run
    all.push(v);
  }
  return { median: median(all.map((v) => v[key])), all };
}

interface Row {
  mb: number;
  shape: Shape;
  bytes: number;
  scan: number;
  read: number;
  tokenize: number;
  model: number;
  rules: number;
  lines: number;
  whole: number;
  wholeFromDisk: number;
  retainedMB: number;
  peakRssGrowthMB: number;
  findings: number;
  parsers: Record<string, number>;
  lsp?: LspResult;
  /** What each response of the editor path holds (bench/editorPath.ts). */
  editor?: EditorPath;
  /** didOpen -> first diagnostics of the minimal floor server (bench/floorServer.ts). */
  openFloor?: number;
}

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  process.stderr.write('building the server and the benchmark child...\n');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  await esbuild.build({
    entryPoints: [join(__dirname, 'child.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['node-x12', 'x12-parser', 'node-x12-edi', '@stedi/x12-tools'],
    logLevel: 'warning',
  });
  await esbuild.build({
    entryPoints: [join(__dirname, 'floorServer.ts')],
    outfile: FLOOR_SERVER,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
  });
  if (EDITOR_ONLY) return editorOnly();
  const rows: Row[] = [];
  for (const mb of SIZES) {
    for (const shape of SHAPES) {
      const file = await ensureFile(mb, shape);
      const bytes = statSync(file).size;
      const runs = mb >= 50 ? Math.min(RUNS, 3) : RUNS;
      process.stderr.write(`${mb} MB ${shape} (${bytes} bytes), ${runs} runs\n`);
      const scan = repeat('scan', file, runs, 'fromDisk').median;
      const stages = repeat('stages', file, runs, 'tokenize');
      const whole = repeat('whole', file, runs, 'whole');
      const m = (k: string, from = stages.all) => median(from.map((v) => v[k]));
      const parsers: Record<string, number> = {};
      if (WITH_PARSERS) {
        for (const p of PARSERS) {
          parsers[p] = repeat(`parser:${p}`, file, mb >= 50 ? 1 : Math.min(runs, 3), 'fromDisk').median;
          process.stderr.write(`  ${p}: ${ms(parsers[p])} ms\n`);
        }
      }
      const row: Row = {
        mb,
        shape,
        bytes,
        scan,
        read: m('read'),
        tokenize: m('tokenize'),
        model: m('model'),
        rules: m('rules'),
        lines: m('lines'),
        whole: whole.median,
        wholeFromDisk: m('fromDisk', whole.all),
        retainedMB: m('retainedMB', whole.all),
        peakRssGrowthMB: m('peakRssGrowthMB', whole.all),
        findings: m('findings', whole.all),
        parsers,
      };
      if (WITH_LSP) {
        process.stderr.write('  language server...\n');
        const text = readFileSync(file, 'utf8');
        row.lsp = await measureLsp(text);
        row.openFloor = await measureOpenFloor(text, FLOOR_SERVER, mb >= 50 ? 3 : 5);
        row.editor = await editorPath(text);
      }
      rows.push(row);
      process.stderr.write(`  whole ${ms(row.whole)} ms (from disk ${ms(row.wholeFromDisk)}), scan ${ms(row.scan)} ms\n`);
    }
  }
  const report = render(rows);
  process.stdout.write(report);
  // The sections other scripts write (`<!-- cli:begin -->`, `export`...) are kept; the editor section is new.
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const kept = [...previous.matchAll(/<!-- (\w+):begin[\s\S]*?<!-- \1:end -->/g)].filter((m) => m[1] !== 'editor').map((m) => m[0]);
  const editor = rows.filter((r) => r.editor).map((r) => ({ label: `${r.mb} MB ${r.shape}`, editor: r.editor! }));
  const sections = [report.trimEnd(), ...kept];
  const all = sections.join('\n\n') + '\n';
  writeFileSync(RESULTS, editor.length ? withEditorSection(all, renderEditorSection(editor, editorHow())) : all);
}

const RESULTS = join(__dirname, 'results.md');

/** The run the editor section comes from: when, where, under which load. */
function editorHow(): string {
  return `Measured on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, load average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (the machine is shared: compare sizes within the table).`;
}

/** Opens `text` in a fresh server announcing VS Code's capabilities, waits for its analysis, asks the editor path. */
async function editorPath(text: string): Promise<EditorPath> {
  const client = new TestClient();
  try {
    await client.initialize(VSCODE_CAPABILITIES);
    const uri = 'file:///bench/editor.835';
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1, 600_000);
    return await measureEditorPath(client, uri, text);
  } finally {
    await client.shutdown();
  }
}

/** `--editor-only`: the editor path of every size and layout, written into its own section of results.md. */
async function editorOnly(): Promise<void> {
  const rows: Array<{ label: string; editor: EditorPath }> = [];
  for (const mb of SIZES) {
    for (const shape of SHAPES) {
      const text = readFileSync(await ensureFile(mb, shape), 'utf8');
      process.stderr.write(`${mb} MB ${shape}: editor path...\n`);
      rows.push({ label: `${mb} MB ${shape}`, editor: await editorPath(text) });
    }
  }
  const section = renderEditorSection(rows, editorHow());
  process.stdout.write(`${section}\n`);
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  writeFileSync(RESULTS, withEditorSection(previous, section));
}

function render(rows: Row[]): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}.`,
  );
  out.push(
    'Inputs: bench/generator.ts (valid, balanced 835s: Medicare Part B/A with CO-253 at the rate of each service date, commercial claims, PLB, LQ, accented names). Times in ms, medians of fresh processes; MB/s = file bytes / time.',
    '',
  );
  out.push('Targets met and missed, with the reasons: `bench/targets.md`.', '');
  out.push('## Analysis (in process, from the decoded string unless "from disk")', '');
  out.push(
    '| file | scan floor (read+decode+count) | read+decode | tokenize | model | rules | line index | whole `analyze` | whole from disk | MB/s (whole) | x scan floor | retained MB (x file) | peak RSS growth MB (x file) | findings |',
  );
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const mbFile = r.bytes / 2 ** 20;
    out.push(
      `| ${r.mb} MB ${r.shape} | ${ms(r.scan)} | ${ms(r.read)} | ${ms(r.tokenize)} | ${ms(r.model)} | ${ms(r.rules)} | ${ms(r.lines)} | ${ms(r.whole)} | ${ms(r.wholeFromDisk)} | ${rate(r.bytes, r.whole)} | ${(r.wholeFromDisk / r.scan).toFixed(1)} | ${r.retainedMB.toFixed(0)} (${(r.retainedMB / mbFile).toFixed(1)}x) | ${r.peakRssGrowthMB.toFixed(0)} (${(r.peakRssGrowthMB / mbFile).toFixed(1)}x) | ${r.findings} |`,
    );
  }
  if (rows.some((r) => Object.keys(r.parsers).length)) {
    out.push('', '## Other parsers: bare parse from the bytes on disk (read + decode + parse), separate processes', '');
    out.push(`| file | era835 whole analysis | ${PARSERS.map((p) => PARSER_LABELS[p]).join(' | ')} | fastest parser / era835 |`);
    out.push(`| --- | ---: | ${PARSERS.map(() => '---:').join(' | ')} | ---: |`);
    for (const r of rows) {
      const real = PARSERS.filter((p) => p !== 'stedi-metadata')
        .map((p) => r.parsers[p])
        .filter(Number.isFinite);
      const fastest = real.length ? Math.min(...real) : NaN;
      out.push(
        `| ${r.mb} MB ${r.shape} | ${ms(r.wholeFromDisk)} | ${PARSERS.map((p) => ms(r.parsers[p])).join(' | ')} | ${(fastest / r.wholeFromDisk).toFixed(1)}x |`,
      );
    }
    out.push(
      '',
      "Fair peers: x12-parser decodes UTF-8 (its default is ASCII, and the files hold accented names); node-x12-edi splits at the files' '~' (its default segment terminator is a newline, which read a one-line file as one segment).",
    );
    out.push(
      '',
      '"—": failed or ran out of time/memory. The last column compares the fastest full parser (not `metadata`, which reads envelopes only) with our whole analysis (tokens, model and every rule), both from disk.',
    );
  }
  if (rows.some((r) => r.lsp)) {
    out.push('', '## Language server over stdio (server/out/server.js)', '');
    out.push(
      '| file | open -> diagnostics | didOpen floor (x) | diagnostics sent | hover p50 | hover p99 | semantic tokens (range) | document symbols | edit start | edit middle | edit end | edit p50 / p95 (n) | small-doc hover during open and analysis: max (after the open message) / p99 / count | small-doc hover during the edits: max / p99 / count |',
    );
    out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      const l = r.lsp;
      if (!l) continue;
      const floor = r.openFloor ?? NaN;
      out.push(
        `| ${r.mb} MB ${r.shape} | ${ms(l.openToDiagnostics)} | ${ms(floor)} (${(l.openToDiagnostics / floor).toFixed(1)}x) | ${l.diagnosticsSent} | ${ms(l.hoverP50)} | ${ms(l.hoverP99)} | ${ms(l.semanticRange)} (${l.semanticRangeWhat}) | ${ms(l.symbols)} (${l.symbolCount}) | ${ms(l.edit.start)} | ${ms(l.edit.middle)} | ${ms(l.edit.end)} | ${ms(l.editP50)} / ${ms(l.editP95)} (${l.edits}) | ${ms(l.busyHoverMax)} (${ms(l.busyHoverMaxAfterOpen)}) / ${ms(l.busyHoverP99)} / ${l.busyHovers} | ${ms(l.editBusyHoverMax)} / ${ms(l.editBusyHoverP99)} / ${l.editBusyHovers} |`,
      );
    }
    out.push(
      '',
      "didOpen floor: a minimal server (bench/floorServer.ts) that reads the same didOpen message through the same transport, tokenizes the text and publishes empty diagnostics; (x) is our open -> diagnostics over it. Edits: one character of a patient name near 2%, 50% and 97% of the file (then 17 more spread over it, for the p50 / p95 of all), didChange -> diagnostics for the new version; this includes the server's debounce (40 ms for documents of 200,000 characters or more, analysed in slices; 150 ms below). The busy-hover columns: a small document is hovered every 20 ms while the big one is opened and analysed, and again during the edits; hovers sent while the client is still writing the didOpen message (the whole text as JSON) wait for the server to read it: the figure in brackets counts only the hovers sent after the open message was written.",
    );
  }
  out.push('');
  return out.join('\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
