import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { EXPORT_CSV, IMPACT, IMPACT_TABLE, SUMMARY } from '../../../server/src/lsp/protocol';
import { SERVER, TestClient } from '../../helpers/lspClient';

/**
 * The report requests of the built server, as the VS Code client sends them: the summary of an open
 * document, and per-file impact entries and CSV records for files the server reads from disk.
 */
describe('report requests over stdio', { skip: !existsSync(SERVER) && 'server not built (npm test builds it)' }, () => {
  let c: TestClient;
  before(async () => {
    c = new TestClient();
    await c.initialize();
  });
  after(() => c.shutdown());

  const uriOf = (path: string) => pathToFileURL(resolve(path)).toString();

  test('era835/summary: the open document, the same totals as the command line', async () => {
    const uri = uriOf('examples/medicare-part-b.835');
    await c.open(uri, readFileSync('examples/medicare-part-b.835', 'utf8'));
    const s = await c.conn.sendRequest(SUMMARY, { textDocument: { uri } });
    assert.ok(s);
    assert.equal(s.totals.paid, 19760);
    assert.equal(s.totals.sequestration, 403);
    assert.deepEqual(
      s.claims.map((x) => x.id),
      ['PCN1001', 'PCN1002'],
    );
  });

  test('era835/summary: null for a document that is not open', async () => {
    assert.equal(await c.conn.sendRequest(SUMMARY, { textDocument: { uri: 'file:///nowhere/x.835' } }), null);
  });

  test('era835/impact: entries per file read from disk; era835/impactTable adds them up', async () => {
    const r = await c.conn.sendRequest(IMPACT, {
      files: [{ uri: uriOf('examples/needs-attention.835'), label: 'needs-attention.835' }, { uri: 'file:///nowhere/gone.835' }],
    });
    assert.equal(r.files.length, 2);
    assert.match(r.files[1].problem ?? '', /cannot read/);
    const table = await c.conn.sendRequest(IMPACT_TABLE, { files: r.files });
    const [april] = table.months;
    assert.match(table.csv.month, /^month,files,/);
    assert.deepEqual(table.problems, ['gone.835: cannot read (ENOENT)']);
    assert.deepEqual([april.key, april.claims, april.paidCents, april.co253Cents, april.deviating], ['2024-04', 4, 24500, 1602, 1]);
  });

  test('era835/exportCsv: a header once, then the records; text sent by the client is used as is', async () => {
    const text = readFileSync('examples/medicare-part-b.835', 'utf8');
    const r = await c.conn.sendRequest(EXPORT_CSV, { files: [{ uri: 'untitled:Untitled-1', text, label: 'pasted' }], header: true });
    assert.equal(r.rows, 5);
    assert.deepEqual(r.problems, []);
    const lines = r.csv.split('\r\n');
    assert.ok(lines[0].startsWith('file,payer,'));
    assert.ok(lines[1].startsWith('pasted,'));
  });
});
