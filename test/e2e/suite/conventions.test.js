const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { EXTENSION_ID, fileUri, openReady, waitFor } = require('./helpers');

/** VS Code's default keybindings for this platform (the "Open Default Keyboard Shortcuts (JSON)" document). */
async function defaultKeybindings() {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
  const text = doc
    .getText()
    .split('\n')
    .filter((l) => !/^\s*\/\//.test(l))
    .join('\n');
  return JSON.parse(text.replace(/,(\s*[\]}])/g, '$1'));
}

suite('a good citizen of VS Code', () => {
  test('our keybindings shadow no default keybinding (neither the key nor a chord prefix)', async () => {
    const ours = vscode.extensions.getExtension(EXTENSION_ID).packageJSON.contributes.keybindings;
    const defaults = (await defaultKeybindings()).filter((k) => !String(k.command).startsWith('era835.'));
    const platformKey = (b) => (process.platform === 'darwin' && b.mac ? b.mac : b.key);
    const clashes = [];
    for (const b of ours) {
      const key = platformKey(b);
      const first = key.split(' ')[0];
      for (const d of defaults) {
        if (d.key === key || d.key === first || d.key.split(' ')[0] === key) clashes.push(`${b.command} ${key} vs ${d.command} ${d.key}`);
      }
    }
    assert.ok(defaults.length > 100, `read ${defaults.length} default keybindings`);
    assert.deepEqual(clashes, []);
  });

  test('saving an 835 keeps every byte, even with trimming and final-newline user settings on', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const editor = vscode.workspace.getConfiguration('editor');
    const previous = {
      trim: files.inspect('trimTrailingWhitespace').globalValue,
      nl: files.inspect('insertFinalNewline').globalValue,
      trimNl: files.inspect('trimFinalNewlines').globalValue,
      fmt: editor.inspect('formatOnSave').globalValue,
    };
    await files.update('trimTrailingWhitespace', true, vscode.ConfigurationTarget.Global);
    await files.update('insertFinalNewline', true, vscode.ConfigurationTarget.Global);
    await files.update('trimFinalNewlines', true, vscode.ConfigurationTarget.Global);
    await editor.update('formatOnSave', true, vscode.ConfigurationTarget.Global);
    try {
      const uri = fileUri('save-round-trip.835');
      const before = fs.readFileSync(uri.fsPath);
      assert.match(before.toString('latin1'), / \r?\n/, 'the fixture has spaces at line ends (data when a line break ends segments)');
      assert.doesNotMatch(before.toString('latin1'), /\n$/, 'the fixture has no final newline');
      const doc = await openReady('save-round-trip.835');
      const scoped = vscode.workspace.getConfiguration('files', doc);
      assert.equal(scoped.get('trimTrailingWhitespace'), false, '[x12-835] default wins over the user setting');
      const shown = vscode.window.activeTextEditor;
      // Make the document dirty with an edit and its undo, so Save really writes.
      await shown.edit((b) => b.insert(new vscode.Position(1, 0), 'X'));
      await shown.edit((b) => b.delete(new vscode.Range(1, 0, 1, 1)));
      assert.ok(doc.isDirty, 'dirty before saving');
      // File: Save, as a user does (it runs the save participants that trim and add newlines).
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor(
        'the save to reach the disk',
        () => !doc.isDirty,
        20000,
        () => `dirty=${doc.isDirty}, disk=${JSON.stringify(fs.readFileSync(uri.fsPath, 'latin1').slice(-40))}`,
      );
      assert.ok(Buffer.compare(fs.readFileSync(uri.fsPath), before) === 0, 'same bytes on disk after save');
    } finally {
      await files.update('trimTrailingWhitespace', previous.trim, vscode.ConfigurationTarget.Global);
      await files.update('insertFinalNewline', previous.nl, vscode.ConfigurationTarget.Global);
      await files.update('trimFinalNewlines', previous.trimNl, vscode.ConfigurationTarget.Global);
      await editor.update('formatOnSave', previous.fmt, vscode.ConfigurationTarget.Global);
    }
  });
});
