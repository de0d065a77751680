import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { REDACT } from '../../server/src/lsp/protocol';
import { medicareFile } from '../helpers/fragments';
import { TestClient } from '../helpers/lspClient';

/**
 * ERA: Copy Redacted on a document with one huge field (a 20 MB medical record number). Redaction used to
 * run in one piece: a hover on another document waited for it, and a cancel did nothing (48 s on a 60 MB
 * document). Now it runs in slices like the analysis: other requests are answered meanwhile, and a
 * cancelled redaction stops.
 */
const huge = medicareFile()
  .replace('NM1*QC*1*DOE*JANE****MI*ABC123', `NM1*QC*1*DOE*JANE****MI*ABC123~REF*EA*${'Mrn0'.repeat(5_000_000)}`)
  .replace('SE*14*', 'SE*15*');
const HUGE = 'file:///redact/huge.835';
const SMALL = 'file:///redact/small.835';
const CLP_LINE = medicareFile()
  .split('\n')
  .findIndex((l) => l.startsWith('CLP'));

describe('era835/redact on a huge field', { timeout: 120_000 }, () => {
  let c: TestClient;
  before(async () => {
    c = new TestClient();
    await c.initialize();
    await c.open(SMALL, medicareFile());
    await c.open(HUGE, huge);
    await c.diagnosticsFor(SMALL);
    await c.diagnosticsFor(HUGE, 1, 60_000);
  });
  after(() => c.shutdown());

  test('a hover on another document is answered while the redaction runs, and a cancel stops it', async () => {
    const source = new P.CancellationTokenSource();
    let settled = false;
    const redaction = c.conn.sendRequest(REDACT, { textDocument: { uri: HUGE } }, source.token).finally(() => {
      settled = true;
    });
    const hover = await c.hover(SMALL, CLP_LINE, 1);
    assert.match((hover?.contents as P.MarkupContent).value, /CLP/);
    assert.equal(settled, false, 'the hover was answered before the redaction finished');
    source.cancel();
    await assert.rejects(redaction, (e: P.ResponseError<unknown>) => e.code === P.LSPErrorCodes.RequestCancelled);
  });

  test('uncancelled, the whole document comes back redacted, of the same length', async () => {
    const r = await c.conn.sendRequest(REDACT, { textDocument: { uri: HUGE }, salt: 's' });
    assert.ok(r.ok);
    assert.equal(r.text.length, huge.length);
    assert.ok(!r.text.includes('Mrn0Mrn0'));
  });
});
