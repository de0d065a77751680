const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXTENSION_ID, LANGUAGE_ID, open, waitFor } = require('./helpers');

suite('activation', () => {
  test('an .835 file opens as x12-835 and activates the extension, which starts its language server', async () => {
    const doc = await open('clean-medicare.835');
    assert.equal(doc.languageId, LANGUAGE_ID);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await waitFor('activation on onLanguage:x12-835', () => ext.isActive);
    // The server answers a hover on ISA: proof the client started it over IPC and it analysed the file.
    const text = await waitFor('a hover from the language server', async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 1));
      return (h ?? []).flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    });
    assert.match(text, /ISA/);
  });
});
