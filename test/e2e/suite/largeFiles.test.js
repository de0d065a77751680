// ERAs as payers deliver them: `.txt` files (detected as 835s), and files over 50 MB that VS Code never
// passes to extensions (read by the language server from disk, opened a claim at a time).
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const { EXTENSION_ID, LANGUAGE_ID, waitFor, fileUri, hovers, diagnostics, positionOf } = require('./helpers');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const languageOf = (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;

suite('.txt deliveries', () => {
  test('a .txt whose first kilobyte is an 835 interchange opens as x12-835; an 837 .txt stays plain text', async () => {
    const other = await vscode.workspace.openTextDocument(fileUri('claim-837.txt'));
    await vscode.window.showTextDocument(other, { preview: false });
    const uri = fileUri('payer-delivery.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await waitFor(
      'payer-delivery.txt to become x12-835',
      () => languageOf(uri) === LANGUAGE_ID,
      30000,
      () => languageOf(uri),
    );
    // Detection handles documents in the order they open: the 837 was looked at before the 835.
    assert.equal(languageOf(other.uri), 'plaintext');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID).isActive);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const seen = await waitFor(
      'a hover on CLP of the .txt',
      async () => (await hovers(doc, positionOf(doc, 'CLP*', 'CLP', 0).translate(0, 1))).join('\n') || false,
    );
    assert.match(seen, /claim/i);
  });

  test('ERA: Open as 835 switches any file by hand', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'not an ERA yet', language: 'plaintext' });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('era835.openAs835');
    await waitFor('the untitled document to become x12-835', () => vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

suite('files over 50 MB (read from disk, opened a claim at a time)', function () {
  this.timeout(600000);
  let dir;
  let big;
  let claimId;
  suiteSetup(async () => {
    // Generated here (in a child process: the extension host stays responsive) and deleted afterwards:
    // a 60 MB file is never committed.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'era835-e2e-large-'));
    big = path.join(dir, 'big-60mb.835');
    await new Promise((resolve, reject) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', 'scripts/generate835.ts', '--mb', '60', '-o', big],
        {
          cwd: ROOT,
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        },
        (err, _out, stderr) => (err ? reject(new Error(`generate835: ${stderr || err.message}`)) : resolve()),
      ),
    );
    assert.ok(fs.statSync(big).size > 50 * 1024 * 1024);
    // A Medicare claim with sequestration (so it has an informational finding) some 50 MB into the file.
    const fd = fs.openSync(big, 'r');
    const buf = Buffer.alloc(1 << 20);
    fs.readSync(fd, buf, 0, buf.length, 50e6);
    fs.closeSync(fd);
    const claims = buf
      .toString('utf8')
      .split(/(?=CLP\*)/)
      .slice(1, -1);
    claimId = claims
      .map((c) => /^CLP\*(PCN\d+)\*[^~]*\*MB\*/.test(c) && /CAS\*CO\*[^~]*\*253\*/.test(c) && /^CLP\*(PCN\d+)/.exec(c)[1])
      .find(Boolean);
    assert.ok(claimId, 'the generated file has Medicare claims with CO-253 past 50 MB');
  });
  suiteTeardown(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a claim of a 60 MB file opens as a part with hover and diagnostics that name the place in the file', async () => {
    const t0 = Date.now();
    const part = await vscode.commands.executeCommand('era835.openLargeRemittance', vscode.Uri.file(big), { claim: claimId });
    console.log(`large remittance: ${claimId} of 60 MB opened in ${((Date.now() - t0) / 1000).toFixed(1)} s (indexing included)`);
    assert.ok(part instanceof vscode.Uri && part.scheme === 'era835-part', String(part));
    const doc = await waitFor('the part to be open', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === part.toString()),
    );
    assert.equal(doc.languageId, LANGUAGE_ID);
    assert.match(doc.lineAt(0).text, /^ISA\*/);
    const clp = positionOf(doc, `CLP*${claimId}`, 'CLP');
    const hover = await waitFor('a hover on the claim', async () => (await hovers(doc, clp.translate(0, 1))).join('\n') || false);
    assert.match(hover, new RegExp(claimId));
    // The generated claims carry Medicare sequestration: an informational finding on each line's 253.
    const found = await waitFor('diagnostics of the part', () => diagnostics(doc).length > 0 && diagnostics(doc), 60000);
    assert.ok(
      found.every((d) => / of big-60mb\.835\)$/.test(d.message)),
      JSON.stringify(found.map((d) => d.message)),
    );
    assert.match(found[0].message, /\(line [\d,]+, column [\d,]+ of big-60mb\.835\)$/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
