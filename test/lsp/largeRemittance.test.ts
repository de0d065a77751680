import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { largePartUri, LargeClaimsRequest, LargeIndexRequest, LargeOriginRequest, LargePartRequest } from '../../server/src/lsp/protocol';
import { DENIAL, interchange, SEQUESTRATION, UNBALANCED } from '../helpers/largeFiles';
import { TestClient } from '../helpers/lspClient';

/** A part URI as VS Code sends it: the query percent-encoded. */
function partUri(file: string, kind: 'claim' | 'payment', n: number, label: string): string {
  const u = largePartUri(file, 'big.835', kind, n, label);
  return `${u.scheme}:${encodeURI(u.path)}?${encodeURIComponent(u.query)}`;
}

describe('large remittances over stdio (files the editor never passes to the server)', () => {
  let c: TestClient;
  let dir: string;
  let file: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'era835-large-lsp-'));
    const path = join(dir, 'big.835');
    writeFileSync(
      path,
      interchange(
        '000000001',
        [
          ['A1', SEQUESTRATION],
          ['A2', DENIAL],
        ],
        '',
      ) +
        interchange(
          '000000002',
          [
            ['B1', SEQUESTRATION],
            ['B2', UNBALANCED],
          ],
          '',
        ),
    );
    file = pathToFileURL(path).toString();
    c = new TestClient();
    await c.initialize();
  });
  after(async () => {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('era835/largeIndex reads the file from disk: payments with totals and work counts', async () => {
    const r = await c.conn.sendRequest(LargeIndexRequest, { file });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.claims, 4);
    assert.equal(r.interchanges, 2);
    assert.deepEqual(
      r.payments.map((p) => [p.trace, p.paidCents, p.claims, p.toWork, p.warnings > 0, p.openable, p.line]),
      [
        // The first payment's work (a denial) is itself a warning (issue 14: work is visible).
        ['EFT000000001', 15680, 2, 1, true, true, 1],
        ['EFT000000002', 15680, 2, 0, true, true, 1],
      ],
    );
  });

  test('era835/largeClaims lists claims by CLP01, those to work first', async () => {
    const all = await c.conn.sendRequest(LargeClaimsRequest, { file, workFirst: true, limit: 10 });
    assert.deepEqual(
      all?.claims.map((x) => x.id),
      ['A2', 'A1', 'B1', 'B2'],
    );
    const b = await c.conn.sendRequest(LargeClaimsRequest, { file, payment: 1, filter: 'b2', limit: 10 });
    assert.deepEqual(
      b?.claims.map((x) => [x.id, x.n, x.payment, x.chargedCents, x.warnings > 0]),
      [['B2', 3, 1, 20000, true]],
    );
    assert.equal(b?.total, 1);
  });

  test('a claim opens as a part: diagnostics and where-am-I name the place in the original file', async () => {
    const uri = partUri(file, 'claim', 3, 'B2');
    const part = await c.conn.sendRequest(LargePartRequest, { textDocument: { uri } });
    assert.ok(part.ok, JSON.stringify(part));
    assert.match(part.text, /^ISA\*.*~\nGS\*.*~\nST\*835\*0001~\n/);
    await c.open(uri, part.text);
    const diags = await c.diagnosticsFor(uri);
    const balance = diags.find((d) => d.code === 'claim-balance');
    assert.ok(balance, JSON.stringify(diags.map((d) => d.code)));
    // B2's CLP is on the file's only line, after the first interchange and the second's header.
    const original =
      interchange(
        '000000001',
        [
          ['A1', SEQUESTRATION],
          ['A2', DENIAL],
        ],
        '',
      ) +
      interchange(
        '000000002',
        [
          ['B1', SEQUESTRATION],
          ['B2', UNBALANCED],
        ],
        '',
      );
    const clpColumn = original.indexOf('CLP*B2*') + 1;
    const partLine = part.text.split('\n').findIndex((l) => l.startsWith('CLP*B2'));
    assert.equal(balance.range.start.line, partLine);
    assert.match(
      balance.message as string,
      new RegExp(`\\(line 1, column ${(clpColumn + balance.range.start.character).toLocaleString('en-US')} of big\\.835\\)$`),
    );
    assert.deepEqual(balance.relatedInformation?.[0].location, {
      uri: file,
      range: {
        start: { line: 0, character: clpColumn - 1 + balance.range.start.character },
        end: { line: 0, character: clpColumn - 1 + balance.range.end.character },
      },
    });
    // The payment total against one claim is an artefact of the cut: not shown.
    assert.ok(!diags.some((d) => d.code === 'transaction-balance'));
    const where = await c.conn.sendRequest(LargeOriginRequest, { textDocument: { uri }, position: { line: partLine, character: 4 } });
    assert.equal(where?.text, `line 1, column ${(clpColumn + 4).toLocaleString('en-US')} of big.835`);
    const hover = await c.hover(uri, partLine, 5);
    assert.match((hover?.contents as P.MarkupContent).value, /B2/);
  });

  test('a file that cannot be read, or a URI that is not a part, gets a clear answer', async () => {
    const missing = await c.conn.sendRequest(LargeIndexRequest, { file: pathToFileURL(join(dir, 'gone.835')).toString() });
    assert.deepEqual(missing, { ok: false, message: 'gone.835: cannot read (ENOENT)' });
    const notPart = await c.conn.sendRequest(LargePartRequest, { textDocument: { uri: 'file:///w/x.835' } });
    assert.equal(notPart.ok, false);
    const tooFar = await c.conn.sendRequest(LargePartRequest, { textDocument: { uri: partUri(file, 'claim', 99, 'X') } });
    assert.deepEqual(tooFar, { ok: false, message: 'There is no claim 100 in this file.' });
  });
});
