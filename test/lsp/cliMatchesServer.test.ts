import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../helpers/lspClient';

const CLI = join(__dirname, '../../server/out/cli.js');
const CORPUS = join(__dirname, '../../../shared/corpus/public');
const files = [
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.835'))
    .map((f) => join('examples', f)),
  ...(existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((f) => /\.(835|txt|edi)$/.test(f) && !/multiLineNotDelimited|profee-multiple/.test(f))
        .map((f) => join(CORPUS, f))
    : []),
];

/** `code line:col` of every finding, sorted: what both must agree on. */
const key = (code: unknown, line: number, col: number) => `${code} ${line}:${col}`;

describe('era835 check and the language server report the same findings', () => {
  let c: TestClient;
  let cli: { findings: Array<{ file: string; code: string; line: number; column: number; severity: string }> };
  before(async () => {
    c = new TestClient();
    await c.initialize();
    let out: string;
    try {
      out = execFileSync(process.execPath, [CLI, 'check', '--json', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (e) {
      out = (e as { stdout: string }).stdout; // exit 1 when a file has an error-level finding
    }
    cli = JSON.parse(out);
  });
  after(() => c.shutdown());

  for (const file of files) {
    test(file.replace(/.*\//, ''), async () => {
      const uri = pathToFileURL(file).toString();
      await c.open(uri, readFileSync(file, 'utf8'));
      const server = (await c.diagnosticsFor(uri)).map((d) => key(d.code, d.range.start.line + 1, d.range.start.character + 1)).sort();
      const terminal = cli.findings
        .filter((f) => f.file === file)
        .map((f) => key(f.code, f.line, f.column))
        .sort();
      assert.deepEqual(terminal, server);
    });
  }

  test('the exit status is 1 only when an error-level finding exists', () => {
    const run = (f: string) => {
      try {
        execFileSync(process.execPath, [CLI, 'check', f], { stdio: 'ignore' });
        return 0;
      } catch (e) {
        return (e as { status: number }).status;
      }
    };
    assert.equal(run('examples/needs-attention.835'), 0, 'warnings only');
    const withError = cli.findings.find((f) => f.severity === 'error');
    if (withError) assert.equal(run(withError.file), 1);
  });
});
