import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { REDACT, SUMMARY } from '../../server/src/lsp/protocol';
import { TestClient } from '../helpers/lspClient';

const ROOT = join(__dirname, '../..');
const PRELOAD = join(ROOT, 'test/helpers/noNetwork.cjs');
const CLI = join(ROOT, 'server/out/cli.js');
const EXAMPLES = join(ROOT, 'examples');

interface Entry {
  pid: number;
  loaded?: true;
  attempt?: string;
  target?: string;
  stack?: string;
}
const entries = (file: string): Entry[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Entry)
    : [];

/**
 * No network, no telemetry: the server and the command line run with every network API replaced by a
 * recorder that throws (test/helpers/noNetwork.cjs), through a whole editing session, and nothing tries.
 */
describe('no network access, ever', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'era835-net-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the preload catches every kind of attempt (so an empty log means something)', () => {
    const log = join(dir, 'control.log');
    const script = `
      const tries = [
        () => require('http').get('http://example.invalid/'),
        () => require('https').request('https://example.invalid/'),
        () => require('net').connect(443, 'example.invalid'),
        () => new (require('net').Socket)().connect(80, 'example.invalid'),
        () => require('tls').connect(443, 'example.invalid'),
        () => require('dns').lookup('example.invalid', () => {}),
        () => require('dgram').createSocket('udp4'),
        () => fetch('https://example.invalid/'),
      ];
      let thrown = 0;
      for (const t of tries) { try { t(); } catch { thrown++; } }
      process.stdout.write(String(thrown));`;
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], {
      env: { ...process.env, ERA835_NET_LOG: log },
      encoding: 'utf8',
    });
    assert.equal(r.stdout, '8', r.stderr);
    assert.equal(entries(log).filter((e) => e.attempt).length, 8);
  });

  test('a whole LSP session (workspace index, open, hover, diagnostics, symbols, formatting, reports, redaction, shutdown) tries nothing', async () => {
    const log = join(dir, 'server.log');
    const saved = { options: process.env.NODE_OPTIONS, log: process.env.ERA835_NET_LOG };
    process.env.NODE_OPTIONS = [saved.options, `--require ${PRELOAD}`].filter(Boolean).join(' ');
    process.env.ERA835_NET_LOG = log;
    const c = new TestClient();
    for (const [k, v] of [
      ['NODE_OPTIONS', saved.options],
      ['ERA835_NET_LOG', saved.log],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    c.folders = [{ uri: pathToFileURL(EXAMPLES).toString(), name: 'examples' }];
    const exited = new Promise<number | null>((resolve) => c.child.once('exit', (code) => resolve(code)));
    try {
      await c.initialize();
      for (const name of ['medicare-part-b.835', 'needs-attention.835']) {
        const uri = pathToFileURL(join(EXAMPLES, name)).toString();
        const textDocument = { uri };
        await c.open(uri, readFileSync(join(EXAMPLES, name), 'utf8'));
        assert.ok((await c.diagnosticsFor(uri)).length > 0);
        await c.hover(uri, 9, 2);
        await c.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument });
        await c.conn.sendRequest(P.DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } });
        await c.conn.sendRequest(P.SemanticTokensRequest.type, { textDocument });
        await c.conn.sendRequest(P.CodeLensRequest.type, { textDocument });
        await c.conn.sendRequest(P.FoldingRangeRequest.type, { textDocument });
        await c.conn.sendRequest(P.CompletionRequest.type, { textDocument, position: { line: 12, character: 4 } });
        await c.conn.sendRequest(P.InlayHintRequest.type, {
          textDocument,
          range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
        });
        await c.conn.sendRequest(SUMMARY, { textDocument });
        await c.conn.sendRequest(REDACT, { textDocument });
      }
      await c.conn.sendRequest(P.WorkspaceSymbolRequest.type, { query: 'PCN' });
    } finally {
      await c.shutdown();
    }
    await exited;
    const found = entries(log);
    assert.ok(
      found.some((e) => e.loaded),
      'the server ran with the preload',
    );
    assert.deepEqual(
      found.filter((e) => e.attempt),
      [],
    );
  });

  test('the command line (check, summary, redact) tries nothing either', () => {
    const log = join(dir, 'cli.log');
    for (const args of [
      ['check', EXAMPLES],
      ['summary', EXAMPLES],
      ['redact', EXAMPLES],
    ]) {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], {
        env: { ...process.env, ERA835_NET_LOG: log },
        encoding: 'utf8',
      });
      assert.ok(r.status === 0 || r.status === 1, `era835 ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
    }
    const found = entries(log);
    // One load per process, and one per worker thread of `check` (a folder is checked on workers, which
    // inherit the preload, so their network use is watched too).
    assert.ok(found.filter((e) => e.loaded).length >= 3, JSON.stringify(found));
    assert.deepEqual(
      found.filter((e) => e.attempt),
      [],
    );
  });
});
