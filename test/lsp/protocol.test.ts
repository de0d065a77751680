import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import * as protocol from '../../server/src/lsp/protocol';
import { generate835Text } from '../../bench/generator';
import { SLICED_FROM_LENGTH } from '../../server/src/lsp/documents';
import { medicareFile } from '../helpers/fragments';
import { TestClient } from '../helpers/lspClient';

const requests = (Object.entries(protocol) as Array<[string, unknown]>).filter(
  (e): e is [string, P.RequestType<unknown, unknown, void>] => e[1] instanceof P.RequestType,
);

/** The shared protocol module (server/src/lsp/protocol.ts) is what the client relies on: every request in it is served. */
describe('the shared protocol', { timeout: 60_000 }, () => {
  let c: TestClient;
  const uri = 'file:///protocol/claim.835';
  let serverVersion: string | undefined;
  before(async () => {
    c = new TestClient();
    serverVersion = (await c.initialize()).serverInfo?.version;
    await c.open(uri, medicareFile());
    await c.diagnosticsFor(uri);
  });
  after(() => c.shutdown());

  test("serverInfo.version is package.json's version, injected by the build", () => {
    assert.equal(serverVersion, JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  test('declares its custom requests as typed RequestTypes under era835/', () => {
    assert.ok(requests.length >= 11, `${requests.length} requests`);
    for (const [name, type] of requests) assert.match(type.method, /^era835\/[a-zA-Z]+$/, name);
  });

  test('every declared request has a handler in the server (none answers MethodNotFound)', async () => {
    const textDocument = { uri };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: { line: 5, character: 0 } };
    for (const [name, type] of requests) {
      const params = {
        textDocument,
        position,
        range,
        ranges: [range],
        index: 0,
        target: 'nextClaim',
        mode: 'format',
        files: [],
        header: false,
      };
      await assert.doesNotReject(c.conn.sendRequest(type, params), `${name} (${type.method})`);
    }
  });

  test('document requests take textDocument params as standard LSP requests do', async () => {
    const where = await c.conn.sendRequest(protocol.WHERE_AM_I, { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.equal(where?.segment, 'ISA');
    assert.equal(where?.segmentIndex, 0);
    const layout = await c.conn.sendRequest(protocol.LAYOUT, { textDocument: { uri }, mode: 'minify' });
    assert.equal(layout?.changed, true);
  });

  test('era835/status: "analysing" then "ready" for a large document, nothing for a small one', async () => {
    const seen: protocol.StatusParams[] = [];
    c.conn.onNotification(protocol.STATUS, (p) => {
      seen.push(p);
    });
    const big = 'file:///protocol/big.835';
    const text = generate835Text({ bytes: SLICED_FROM_LENGTH * 2, seed: 7 });
    await c.open(big, text);
    await c.diagnosticsFor(big);
    const small = 'file:///protocol/small.835';
    await c.open(small, medicareFile());
    await c.diagnosticsFor(small);
    assert.deepEqual(
      seen.map((p) => [p.textDocument.uri, p.state]),
      [
        [big, 'analysing'],
        [big, 'ready'],
      ],
    );
    assert.match(seen[0].message, /^analysing \d+ KB…$/);
  });
});
