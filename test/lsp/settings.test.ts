import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { MAX_CODE_LIST_BYTES } from '../../server/src/codes/officialFile';
import { TestClient } from '../helpers/lspClient';

describe('era835.rules.<code> takes effect without a restart', () => {
  let c: TestClient;
  before(async () => {
    c = new TestClient();
    await c.initialize();
  });
  after(() => c.shutdown());

  test('a changed severity and a rule turned off are applied to open documents', async () => {
    const uri = 'file:///w/needs-attention.835';
    await c.open(uri, readFileSync('examples/needs-attention.835', 'utf8'));
    const first = await c.diagnosticsFor(uri);
    const severityOf = (d: P.Diagnostic[], code: string) => d.find((x) => x.code === code)?.severity;
    assert.equal(severityOf(first, 'co253-amount'), P.DiagnosticSeverity.Warning);
    assert.ok(first.some((x) => x.code === 'adjustment-actionable'));

    c.forget(uri);
    c.settings = { rules: { 'co253-amount': 'error', 'adjustment-actionable': 'off' } };
    await c.conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings: { era835: c.settings } });
    const next = await c.diagnosticsFor(uri);
    assert.equal(severityOf(next, 'co253-amount'), P.DiagnosticSeverity.Error);
    assert.ok(!next.some((x) => x.code === 'adjustment-actionable'), 'turned off');
    assert.equal(next.length, first.length - first.filter((x) => x.code === 'adjustment-actionable').length);
  });
});

describe('bad settings are said, naming the setting, and the server goes on', { timeout: 60_000 }, () => {
  let c: TestClient;
  const logs: string[] = [];
  const shown: string[] = [];
  const waiters: Array<() => void> = [];
  /** Waits for a log line (the output channel) matching `pattern`; no fixed delays. */
  const logged = async (pattern: RegExp): Promise<string> => {
    for (;;) {
      const hit = logs.find((l) => pattern.test(l));
      if (hit) return hit;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  before(async () => {
    c = new TestClient();
    c.conn.onNotification(P.LogMessageNotification.type, (p) => {
      logs.push(p.message);
      for (const w of waiters.splice(0)) w();
    });
    c.conn.onNotification(P.ShowMessageNotification.type, (p) => {
      shown.push(p.message);
    });
    c.settings = {
      sequestration: {
        periods: [
          { from: 'garbage', rate: 0.02 },
          { from: '2024-01-01', rate: '0.02' },
          { from: '2024-01-01', rate: 5.0 },
        ],
      },
    };
    await c.initialize();
  });
  after(() => c.shutdown());

  test('each unusable period is one line in the output channel naming the setting; the built-in table is used', async () => {
    assert.match(
      await logged(/periods\[0\]\.from/),
      /^Setting not used: era835\.sequestration\.periods\[0\]\.from: "garbage" is not a date/,
    );
    assert.match(await logged(/periods\[1\]\.rate/), /"0\.02" is not a number/);
    assert.match(await logged(/periods\[2\]\.rate/), /5 is not a fraction from 0 to 1/);
    await logged(/no usable period; the built-in table is used/);
    const uri = 'file:///w/table.835';
    await c.open(uri, readFileSync('examples/medicare-part-b.835', 'utf8'));
    const d = await c.diagnosticsFor(uri);
    assert.ok(
      d.some((x) => x.code === 'co253-sequestration'),
      'the 2% of the built-in table applies',
    );
    assert.match(
      shown.join('\n'),
      /era835\.sequestration\.periods\[0\]\.from: .*\(and 3 more: see the 835 language server output\)/,
      JSON.stringify(shown),
    );
  });

  test('a code-list file over the size limit is refused in one line; the server keeps answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'era835-lsp-lists-'));
    try {
      const big = join(dir, 'huge.csv');
      writeFileSync(big, 'list,code,description\n');
      truncateSync(big, MAX_CODE_LIST_BYTES * 4);
      c.settings = { codeLists: { path: big } };
      await c.conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings: { era835: c.settings } });
      assert.match(await logged(/huge\.csv/), /era835\.codeLists\.path: .*huge\.csv is 16\.0 MB; a code list file may be at most 4 MB/);
      const h = await c.hover('file:///w/table.835', 16, 1);
      assert.match((h?.contents as P.MarkupContent).value, /CLP/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
