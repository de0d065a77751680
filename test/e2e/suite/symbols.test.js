const assert = require('node:assert/strict');
const vscode = require('vscode');
const { openReady, requireFeature } = require('./helpers');

const flatten = (symbols) => symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);

suite('document symbols', () => {
  test('the outline lists every claim by its patient control number', async () => {
    const doc = await openReady('examples/medicare-part-b.835');
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
    requireFeature(symbols && symbols.length > 0, 'document symbols (outline)', 'executeDocumentSymbolProvider returned none');
    const names = flatten(symbols).map((s) => `${s.name} ${s.detail ?? ''}`);
    for (const pcn of ['PCN1001', 'PCN1002'])
      assert.ok(
        names.some((n) => n.includes(pcn)),
        `claim ${pcn} in the outline: ${JSON.stringify(names)}`,
      );
  });
});
