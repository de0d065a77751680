import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { medicareFile } from '../helpers/fragments';
import { TestClient } from '../helpers/lspClient';

/** A remit whose single claim has the given ids and patient. */
const remit = (pcn: string, payerCn: string, last: string, first: string) =>
  medicareFile()
    .replace('CLP*PCN001*', `CLP*${pcn}*`)
    .replace('*PAYERCN001*', `*${payerCn}*`)
    .replace('NM1*QC*1*DOE*JANE', `NM1*QC*1*${last}*${first}`);

describe('workspace symbols and formatting over LSP', () => {
  let c: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'era835-ws-'));
    mkdirSync(join(dir, 'march'));
    writeFileSync(join(dir, 'a.835'), remit('ACCT100', 'ICN900', 'RIVERA', 'ANA'));
    writeFileSync(join(dir, 'march', 'b.era'), remit('ACCT200', 'ICN901', 'OKAFOR', 'CHIDI'));
    writeFileSync(join(dir, 'march', 'c.txt'), remit('ACCT300', 'ICN902', 'NGUYEN', 'BAO'));
    writeFileSync(join(dir, 'notes.txt'), 'not an 835 at all');
    c = new TestClient();
    c.folders = [{ uri: pathToFileURL(dir).toString(), name: 'remits' }];
    await c.initialize();
  });
  after(async () => {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const search = async (query: string) => (await c.conn.sendRequest(P.WorkspaceSymbolRequest.type, { query })) as P.SymbolInformation[];

  test('finds claims across a folder of 3 files by CLP01, CLP07 and patient name', async () => {
    assert.deepEqual((await search('acct')).map((s) => s.name).sort(), [
      'ACCT100 · RIVERA, ANA · CLP07 ICN900',
      'ACCT200 · OKAFOR, CHIDI · CLP07 ICN901',
      'ACCT300 · NGUYEN, BAO · CLP07 ICN902',
    ]);
    const byPayerNumber = await search('ICN901');
    assert.equal(byPayerNumber.length, 1);
    // VS Code's Ctrl+T list keeps only symbols whose name holds the query's first word (in order, any case).
    assert.ok(byPayerNumber[0].name.includes('ICN901'), `the name shows CLP07: ${byPayerNumber[0].name}`);
    assert.ok(byPayerNumber[0].location.uri.endsWith('/march/b.era'));
    assert.equal(byPayerNumber[0].location.range.start.line, 9, 'the CLP line');
    assert.deepEqual(
      (await search('nguyen bao')).map((s) => s.name),
      ['ACCT300 · NGUYEN, BAO · CLP07 ICN902'],
    );
    assert.deepEqual(await search('nobody'), []);
  });

  test('indexing reported progress', () => {
    assert.ok(c.progress.some((p) => (p as { kind: string }).kind === 'begin'));
    assert.ok(c.progress.some((p) => (p as { kind: string }).kind === 'end'));
  });

  test('formatting a one-line file returns one edit with one segment per line', async () => {
    const uri = 'file:///w/fmt.835';
    const one = medicareFile({ nl: '' });
    await c.open(uri, one);
    const edits = await c.conn.sendRequest(P.DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.equal(edits!.length, 1);
    assert.equal(edits![0].newText, medicareFile({ nl: '\n' }));
    assert.deepEqual(edits![0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: one.length } });
    const none = await c.conn.sendRequest(P.DocumentFormattingRequest.type, {
      textDocument: { uri: 'file:///w/fmt2.835' },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(none, [], 'a document that is not open gets no edits');
  });
});
