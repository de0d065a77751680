import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { generate835Text } from '../../bench/generator';
import { TestClient } from '../helpers/lspClient';

/** Absolute { line, character, length } of LSP's relative token encoding. */
function decode(data: readonly number[]): Array<{ line: number; character: number; length: number }> {
  const out = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2] });
  }
  return out;
}

const labelChars = (hints: readonly P.InlayHint[]) => hints.reduce((n, h) => n + (h.label as string).length, 0);

/**
 * A 2 MB remit on one line, as payers deliver it: for the "visible range" VS Code sends (the whole line)
 * the server once answered 149,245 inlay hints (14.8 MB) and 425,122 tokens, and the tab froze.
 */
describe('a 2 MB one-line remit over stdio: responses bounded by what VS Code shows', () => {
  const text = generate835Text({ bytes: 2_000_000, oneLine: true });
  const uri = 'file:///w/one-line-2mb.835';
  const wholeLine = { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } };
  /** What the client answers for the editor settings of a document (section -> value). */
  let editor: Record<string, unknown> = {};
  let c: TestClient;
  before(async () => {
    c = new TestClient();
    c.conn.onRequest(P.ConfigurationRequest.type, (p) =>
      p.items.map((item) => (item.section?.startsWith('editor.') ? (editor[item.section] ?? null) : {})),
    );
    await c.initialize({
      workspace: { configuration: true, inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true } },
    });
    c.conn.onRequest(P.InlayHintRefreshRequest.type, () => undefined);
    c.conn.onRequest(P.SemanticTokensRefreshRequest.type, () => undefined);
    await c.open(uri, text);
    await c.diagnosticsFor(uri, 1, 60_000);
  });
  after(() => c.shutdown());

  test('inlay hints for the whole line: a few whole labels at its start, within 43 characters, under 1 KB', async () => {
    const hints = (await c.conn.sendRequest(P.InlayHintRequest.type, { textDocument: { uri }, range: wholeLine })) ?? [];
    assert.ok(hints.length > 0 && hints.length <= 5, `${hints.length} hints`);
    assert.ok(labelChars(hints) <= 43, `${labelChars(hints)} characters of labels`);
    assert.ok(hints.every((h) => h.position.line === 0 && h.position.character < 1000));
    assert.ok(JSON.stringify(hints).length < 1000, `${JSON.stringify(hints).length} bytes`);
  });

  test('semantic tokens, full and for the whole line: nothing past the 10,000 rendered characters, under 50 KB', async () => {
    const full = await c.conn.sendRequest(P.SemanticTokensRequest.type, { textDocument: { uri } });
    const range = await c.conn.sendRequest(P.SemanticTokensRangeRequest.type, { textDocument: { uri }, range: wholeLine });
    for (const [what, r] of [
      ['full', full],
      ['range', range],
    ] as const) {
      assert.ok(r, what);
      const tokens = decode(r.data);
      assert.ok(tokens.length > 1000 && tokens.length <= 2000, `${what}: ${tokens.length} tokens`);
      assert.ok(
        tokens.every((t) => t.line === 0 && t.character + t.length <= 10_000),
        `${what}: a token past the render limit`,
      );
      assert.ok(JSON.stringify(r).length < 50_000, `${what}: ${JSON.stringify(r).length} bytes`);
    }
  });

  test('code lenses: only claims within the rendered characters', async () => {
    const lenses = (await c.conn.sendRequest(P.CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.ok(lenses.length > 0 && lenses.length < 50, `${lenses.length} lenses`);
    assert.ok(lenses.every((l) => l.range.start.character < 10_000));
  });

  test('the editor settings of the document bound the answers: 2,000 rendered characters, 80 characters of labels', async () => {
    editor = { 'editor.stopRenderingLineAfter': 2000, 'editor.inlayHints.maximumLength': 80 };
    const refreshed = new Promise<void>((resolve) => c.conn.onRequest(P.InlayHintRefreshRequest.type, () => resolve()));
    await c.conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings: null });
    await refreshed; // the server pulled the new limits and asks the editor to ask again
    const tokens = decode((await c.conn.sendRequest(P.SemanticTokensRangeRequest.type, { textDocument: { uri }, range: wholeLine }))!.data);
    assert.ok(tokens.length > 0 && tokens.every((t) => t.character + t.length <= 2000), `${tokens.length} tokens`);
    const hints = (await c.conn.sendRequest(P.InlayHintRequest.type, { textDocument: { uri }, range: wholeLine })) ?? [];
    assert.ok(labelChars(hints) > 43 && labelChars(hints) <= 80, `${labelChars(hints)} characters of labels`);
  });
});
