const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXTENSION_ID, LANGUAGE_ID, fileUri, open, waitFor } = require('./helpers');

/** vscode-languageclient's public states. */
const STOPPED = 1;
const RUNNING = 2;

// The first suite of the run (files run in name order): no 835 has been opened in this window yet.
suite('activation', () => {
  test('with only a plain-text file that is not an 835 open, the extension is active but started no language server', async () => {
    const other = await vscode.workspace.openTextDocument(fileUri('claim-837.txt'));
    await vscode.window.showTextDocument(other, { preview: false });
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    await waitFor('activation (on plain text, or once the window started)', () => ext.isActive);
    // activate() has looked at every open document (detection, the lazy start) before it returned.
    assert.equal(other.languageId, 'plaintext', 'an 837 stays plain text');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID), 'no 835 is open');
    const client = ext.exports.client();
    assert.equal(client.state, STOPPED, 'the language client was never started');
    assert.equal(client.initializeResult, undefined, 'no server ever answered initialize');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

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
    assert.equal(ext.exports.client().state, RUNNING, 'the first 835 started the server');
  });
});
