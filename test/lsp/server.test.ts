import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isa, markers, medicareFile } from '../helpers/fragments';
import { TestClient } from '../helpers/lspClient';

describe('language server over stdio', () => {
  let c: TestClient;
  before(async () => {
    c = new TestClient();
    const init = await c.initialize();
    assert.equal(init.capabilities.hoverProvider, true);
    assert.ok(init.capabilities.textDocumentSync);
  });
  after(() => c.shutdown());

  test('hover on any segment of a one-line 835 with accented and astral names returns the right segment', async () => {
    const { text, at } = markers(
      medicareFile({ nl: '' })
        .replace('NM1*QC*1*DOE*JANE', 'NM1*QC*1*MÜLLER😀*JOSÉ')
        .replace('SVC*HC', 'S|VC*HC')
        .replace('CAS*CO*45*100**2', 'CAS*CO*45*100**2|'),
    );
    const uri = 'file:///w/one-line.835';
    await c.open(uri, text);
    const svc = await c.hover(uri, 0, at[0]);
    assert.match((svc!.contents as { value: string }).value, /SVC/);
    const cas = await c.hover(uri, 0, at[1] - 1);
    assert.match((cas!.contents as { value: string }).value, /CAS05/);
    assert.deepEqual(cas!.range, { start: { line: 0, character: at[1] - 1 }, end: { line: 0, character: at[1] + 2 } });
  });

  test('an empty file, a truncated ISA and random bytes each get a diagnostic with a range, and the server stays up', async () => {
    const cases: Array<[string, string]> = [
      ['file:///w/empty.835', ''],
      ['file:///w/truncated.835', isa().slice(0, 50)],
      ['file:///w/random.835', '\u0000\u0013\u00ffÿ\ud83dzz\u0001'.repeat(20)],
    ];
    for (const [uri, text] of cases) {
      await c.open(uri, text);
      const d = await c.diagnosticsFor(uri);
      assert.equal(d[0].code, 'isa-invalid', uri);
      assert.equal(d[0].source, 'era835');
      assert.ok(d[0].range.start.line >= 0);
    }
    const still = await c.hover('file:///w/one-line.835', 0, 1);
    assert.ok(still, 'server still answers after bad input');
  });

  test('diagnostics are published for the latest version only', async () => {
    const uri = 'file:///w/versions.835';
    await c.open(uri, 'junk', 1);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: medicareFile() }],
    });
    const d = await c.diagnosticsFor(uri, 2);
    assert.ok(!d.some((x) => x.code === 'isa-invalid'));
  });
});
