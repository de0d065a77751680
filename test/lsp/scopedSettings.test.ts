import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { medicareFile } from '../helpers/fragments';
import { TestClient } from '../helpers/lspClient';

/**
 * Settings are declared `resource`: in a multi-root workspace each folder may set its own. The server reads
 * them per document (workspace/configuration with the document's scopeUri), so the same finding can be on
 * in one folder and off in another.
 */
describe('settings per document (scopeUri)', { timeout: 60_000 }, () => {
  let c: TestClient;
  const asked: Array<string | undefined> = [];
  /** Folder b turns se-count off; every other scope has the defaults. */
  let folderB: unknown = { rules: { 'se-count': 'off' } };
  before(async () => {
    c = new TestClient();
    c.conn.onRequest(P.ConfigurationRequest.type, (p) =>
      p.items.map((i) => {
        asked.push(i.scopeUri);
        return i.scopeUri?.startsWith('file:///b/') ? folderB : {};
      }),
    );
    await c.initialize();
  });
  after(() => c.shutdown());

  const wrongCount = medicareFile().replace('SE*14*0001', 'SE*9*0001');
  const codes = async (uri: string, version?: number) => (await c.diagnosticsFor(uri, version)).map((d) => d.code);

  test("each document is checked with its own folder's settings", async () => {
    await c.open('file:///a/remit.835', wrongCount);
    await c.open('file:///b/remit.835', wrongCount);
    assert.ok((await codes('file:///a/remit.835')).includes('se-count'));
    assert.ok(!(await codes('file:///b/remit.835')).includes('se-count'));
    assert.ok(asked.includes('file:///a/remit.835') && asked.includes('file:///b/remit.835'), `scopeUris asked: ${asked.join(', ')}`);
  });

  test("a configuration change re-reads each open document's settings", async () => {
    folderB = {};
    c.forget('file:///b/remit.835');
    await c.conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings: null });
    assert.ok((await codes('file:///b/remit.835')).includes('se-count'));
  });
});
