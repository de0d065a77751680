import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
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
