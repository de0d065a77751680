// Shared by the in-host tests: open documents, wait for the extension and the language server, read
// results of VS Code's built-in "execute provider" commands. Everything polls; nothing sleeps blindly.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'era835.x12-835-era-inspector';
const LANGUAGE_ID = 'x12-835';

/**
 * Polls `probe` until it returns a truthy value. On timeout fails with `what` and what was seen last:
 * `seen()` when given (the state the probe looked at), else the probe's last value.
 */
async function waitFor(what, probe, timeoutMs = 30000, seen) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > end)
      assert.fail(`timed out after ${timeoutMs / 1000}s waiting for ${what}; last seen: ${seen ? seen() : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100)); // poll interval, not a wait for a guessed duration
  }
}

/** The workspace file `name` (fixtures), or `examples/<name>` copied beside them by the runner. */
function fileUri(name) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has a workspace folder (the runner opens one)');
  return vscode.Uri.joinPath(folder.uri, ...name.split('/'));
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * Opens `name` and waits until our extension is active and its language server answers: a hover on the
 * ISA segment is served by the server only, so once it answers every static capability is registered.
 */
async function openReady(name) {
  const doc = await open(name);
  assert.equal(doc.languageId, LANGUAGE_ID, `${name} opens as ${LANGUAGE_ID}`);
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  await waitFor('the extension to activate', () => ext.isActive);
  await waitFor('the language server to answer a hover', async () => (await hovers(doc, new vscode.Position(0, 1))).length > 0);
  return doc;
}

/** Plain text of every hover at a position. */
async function hovers(doc, position) {
  const result = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position);
  return (result ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}

/** Position of the `nth` (0-based) occurrence of `needle` inside the first line containing `lineText`. */
function positionOf(doc, lineText, needle, nth = 0) {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    const at = text.indexOf(lineText);
    if (at < 0) continue;
    let col = text.indexOf(needle, at);
    for (let i = 0; i < nth && col >= 0; i++) col = text.indexOf(needle, col + 1);
    assert.ok(col >= 0, `"${needle}" in "${text}"`);
    return new vscode.Position(line, col);
  }
  assert.fail(`no line containing "${lineText}" in ${doc.uri.path}`);
}

/** Our diagnostics of a document as { code, severity, range, message }. */
function diagnostics(doc) {
  return vscode.languages
    .getDiagnostics(doc.uri)
    .filter((d) => d.source === 'era835')
    .map((d) => ({
      code: typeof d.code === 'object' ? String(d.code.value) : String(d.code),
      severity: d.severity,
      range: d.range,
      message: d.message,
    }));
}

/**
 * A feature that other work has not delivered yet must still have its test, and that test must fail (a
 * skipped test proves nothing). The message starts with PENDING FEATURE so the lead can tell "not built
 * yet" from "built and broken" at a glance in the e2e output.
 */
function requireFeature(present, feature, howDetected) {
  if (!present) assert.fail(`PENDING FEATURE: ${feature} is not implemented yet (${howDetected})`);
}

module.exports = { EXTENSION_ID, LANGUAGE_ID, waitFor, fileUri, open, openReady, hovers, positionOf, diagnostics, requireFeature };
