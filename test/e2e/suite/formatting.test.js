const assert = require('node:assert/strict');
const vscode = require('vscode');
const { openReady, requireFeature } = require('./helpers');

/** The text after applying LSP-style edits (VS Code returns them non-overlapping). */
function applyEdits(doc, edits) {
  let text = doc.getText();
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  for (const e of sorted) text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
  return text;
}
const segments = (text) =>
  text
    .split('~')
    .map((s) => s.trim())
    .filter(Boolean);

suite('formatting', () => {
  test('Format Document puts a file written on one line back to one segment per line, data untouched', async () => {
    const doc = await openReady('one-line.835');
    assert.equal(doc.lineCount, 1, 'the fixture is one line');
    const edits = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 2, insertSpaces: true });
    requireFeature(Array.isArray(edits) && edits.length > 0, 'document formatting', 'executeFormatDocumentProvider returned no edits');
    const formatted = applyEdits(doc, edits);
    assert.deepEqual(segments(formatted), segments(doc.getText()), 'same segments, same data');
    const lines = formatted.split(/\r?\n/).filter((l) => l.trim());
    assert.equal(lines.length, segments(doc.getText()).length, 'one segment per line');
    assert.ok(
      lines.every((l) => /^[A-Z][A-Z0-9]{1,2}\*/.test(l.trim())),
      `each line starts with a segment id:\n${formatted}`,
    );
  });
});
