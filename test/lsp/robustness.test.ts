import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { generate835Text } from '../../bench/generator';
import { DEBUG_THROW } from '../../server/src/lsp/handlers/testFaults';
import { medicareFile } from '../helpers/fragments';
import { TestClient } from '../helpers/lspClient';

/** Starts a server with the test-only requests enabled (ERA835_TEST_FAULTS=1), collecting its log. */
function faultyServer(): { c: TestClient; logs: string[]; logged: (pattern: RegExp) => Promise<string> } {
  const previous = process.env.ERA835_TEST_FAULTS;
  process.env.ERA835_TEST_FAULTS = '1';
  const c = new TestClient();
  if (previous === undefined) delete process.env.ERA835_TEST_FAULTS;
  else process.env.ERA835_TEST_FAULTS = previous;
  const logs: string[] = [];
  const waiters: Array<() => void> = [];
  c.conn.onNotification(P.LogMessageNotification.type, (p) => {
    logs.push(p.message);
    for (const w of waiters.splice(0)) w();
  });
  const logged = async (pattern: RegExp): Promise<string> => {
    for (;;) {
      const hit = logs.find((l) => pattern.test(l));
      if (hit) return hit;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { c, logs, logged };
}

const alive = (c: TestClient) => c.child.exitCode === null && c.child.signalCode === null;
const CLP_LINE = (text: string) => text.split('\n').findIndex((l) => l.startsWith('CLP'));

describe('the server survives faults and bad input', { timeout: 180_000 }, () => {
  let c: TestClient;
  let logged: (pattern: RegExp) => Promise<string>;
  const good = 'file:///robust/good.835';
  before(async () => {
    ({ c, logged } = faultyServer());
    await c.initialize();
    await c.open(good, medicareFile());
    await c.diagnosticsFor(good);
  });
  after(() => c.shutdown());

  test('an exception inside a request is logged with the request name and answered with the fallback', async () => {
    assert.deepEqual(await c.conn.sendRequest(DEBUG_THROW, {}), { fallback: true });
    assert.match(await logged(/era835\/debug\/throw failed/), /test fault: thrown on purpose/);
    // A request whose parameters are not what the protocol says: the handler throws, the answer is null.
    assert.equal(await c.conn.sendRequest('textDocument/hover', {}), null);
    assert.match(await logged(/^hover failed/), /TypeError/);
    assert.ok(alive(c));
  });

  test('requests about unknown documents and impossible positions get empty answers, not errors', async () => {
    assert.equal(await c.hover('file:///robust/never-opened.835', 0, 0), null);
    for (const [line, character] of [
      [-5, -5],
      [1e9, 0],
      [0, 1e9],
      [2 ** 31 - 1, 2 ** 31 - 1],
    ]) {
      await c.hover(good, line, character);
      await c.conn.sendRequest(P.CompletionRequest.type, { textDocument: { uri: good }, position: { line, character } });
      await c.conn.sendRequest(P.SelectionRangeRequest.type, { textDocument: { uri: good }, positions: [{ line, character }] });
    }
    await assert.rejects(
      c.conn.sendRequest('era835/no-such-request', {}),
      (e: P.ResponseError<unknown>) => e.code === P.ErrorCodes.MethodNotFound,
    );
    assert.ok(alive(c));
  });

  test('random text, binary, lone surrogates, a 5 MB line and nonsense edits never stop the server', async () => {
    const docs: Array<[string, string]> = [
      ['file:///robust/binary.835', '\u0000\u0001\u00ff\ud800ISA*\udfff~~~\u001a'.repeat(1000)],
      ['file:///robust/surrogates.835', medicareFile().replace(/A/g, '\ud83d').replace(/E/g, '\udca9')],
      ['file:///robust/huge-line.835', medicareFile({ nl: '' }).replace('NM1*QC*1*DOE', `NM1*QC*1*${'X'.repeat(5_000_000)}`)],
      ['file:///robust/random.835', Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('')],
      ['untitled:robust-empty', ''],
    ];
    for (const [uri, text] of docs) {
      await c.open(uri, text);
      await c.diagnosticsFor(uri, undefined, 60_000);
      await c.hover(uri, 0, 3);
    }
    const change = (uri: string, version: number, contentChanges: unknown[]) =>
      c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    await change('file:///robust/surrogates.835', 2, [
      { range: { start: { line: 1e6, character: 0 }, end: { line: 1e6 + 1, character: 5 } }, text: '\ud800~' },
    ]);
    await change('file:///robust/surrogates.835', 3, [
      { range: { start: { line: 3, character: 9 }, end: { line: 1, character: 0 } }, text: 'ISA' },
    ]);
    await change('file:///robust/never-opened.835', 2, [{ text: 'ISA' }]);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///robust/never-opened-either.835' } });
    await c.conn.sendNotification('textDocument/didOpen', {});
    await c.conn.sendNotification('textDocument/didChange', { textDocument: {} });
    await c.diagnosticsFor('file:///robust/surrogates.835', 3, 60_000);
    const h = await c.hover(good, CLP_LINE(medicareFile()), 1);
    assert.match((h?.contents as P.MarkupContent).value, /CLP/);
    assert.ok(alive(c));
  });

  test('a malformed message frame on the wire does not take the server down', async () => {
    const frame = (body: string | Buffer) =>
      Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);
    c.child.stdin!.write(frame('{not json!!}'));
    c.child.stdin!.write(frame(Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d]))); // invalid UTF-8
    c.child.stdin!.write(frame('{"jsonrpc":"2.0","method":"\u00ff\u00fe","params":7}'));
    c.child.stdin!.write(frame('{"jsonrpc":"2.0","id":"x","method":"textDocument/hover","params":null}'));
    const h = await c.hover(good, CLP_LINE(medicareFile()), 1);
    assert.match((h?.contents as P.MarkupContent).value, /CLP/);
    assert.ok(alive(c));
  });

  test('a cancelled request on a big document is answered (cancelled or with its result), never left hanging', async () => {
    const uri = 'file:///robust/big.835';
    await c.open(uri, generate835Text({ bytes: 4_000_000, seed: 3 }));
    const requests: Array<Promise<unknown>> = [];
    for (const type of [P.DocumentSymbolRequest.type, P.FoldingRangeRequest.type, P.SemanticTokensRequest.type]) {
      const source = new P.CancellationTokenSource();
      requests.push(
        c.conn.sendRequest(
          type as P.RequestType<{ textDocument: { uri: string } }, unknown, void>,
          { textDocument: { uri } },
          source.token,
        ),
      );
      source.cancel();
    }
    const outcomes = await Promise.allSettled(requests);
    for (const o of outcomes) {
      if (o.status === 'rejected')
        assert.equal((o.reason as P.ResponseError<unknown>).code, P.LSPErrorCodes.RequestCancelled, String(o.reason));
    }
    await c.diagnosticsFor(uri, 1, 60_000);
    assert.ok(alive(c));
  });

  test('the test-only requests are off by default: a normal server does not know them', async () => {
    const plain = new TestClient();
    try {
      await plain.initialize();
      await assert.rejects(
        plain.conn.sendRequest(DEBUG_THROW, {}),
        (e: P.ResponseError<unknown>) => e.code === P.ErrorCodes.MethodNotFound,
      );
    } finally {
      await plain.shutdown();
    }
  });
});

describe('a killed server leaves nothing behind', { timeout: 60_000 }, () => {
  test('after SIGKILL a new server answers the same document at once, with the same diagnostics', async () => {
    const uri = 'file:///robust/killed.835';
    const text = medicareFile().replace('CAS*CO*45*100**253*1.6', 'CAS*CO*45*100**253*9');
    const first = new TestClient();
    await first.initialize();
    await first.open(uri, text);
    const before = await first.diagnosticsFor(uri);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    first.conn.dispose();

    const second = new TestClient();
    try {
      await second.initialize();
      await second.open(uri, text);
      assert.deepEqual(await second.diagnosticsFor(uri), before);
      const h = await second.hover(uri, CLP_LINE(text), 1);
      assert.match((h?.contents as P.MarkupContent).value, /CLP/);
    } finally {
      await second.shutdown();
    }
  });
});

describe('untitled and read-only (virtual) documents', { timeout: 60_000 }, () => {
  let c: TestClient;
  before(async () => {
    c = new TestClient();
    await c.initialize();
  });
  after(() => c.shutdown());

  for (const uri of [
    'untitled:Untitled-1',
    'vscode-vfs://github/example/remits/medicare.835',
    'git:/w/remit.835?%7B%22ref%22%3A%22HEAD%22%7D',
  ]) {
    test(`${uri.split(':')[0]}: diagnostics and hover work from the text alone`, async () => {
      const text = medicareFile().replace('CAS*CO*45*100**253*1.6', 'CAS*CO*45*100**253*9');
      await c.open(uri, text);
      const d = await c.diagnosticsFor(uri);
      assert.ok(
        d.some((x) => x.code === 'co253-amount'),
        JSON.stringify(d.map((x) => x.code)),
      );
      const h = await c.hover(uri, CLP_LINE(text), 1);
      assert.match((h?.contents as P.MarkupContent).value, /CLP/);
      const symbols = await c.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.ok(symbols && symbols.length > 0);
    });
  }
});
