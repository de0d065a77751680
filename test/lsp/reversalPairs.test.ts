import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
type Diagnostic = P.Diagnostic & { message: string };
import { TestClient } from '../helpers/lspClient';

/**
 * Issue 14: a reversal (CLP02 22) in one file and its original in another file of the workspace are
 * paired (`reversal-pair`), with the net effect on the CO-253, and stay right as files change: the
 * original read from disk in the background, then opened with different content, then closed again.
 */
const FIXTURES = join(__dirname, '../fixtures/reversal-pairs');
const ORIGINAL = 'original-with-excess-co253.835';
const REVERSAL = 'reversal-and-correction-of-another-file.835';

const pairs = (d: P.Diagnostic[]) => d.filter((x): x is Diagnostic => x.code === 'reversal-pair' && typeof x.message === 'string');

describe('reversal pairs across the files of a workspace (LSP)', () => {
  let c: TestClient;
  let dir: string;
  let original: string;
  let reversal: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'era835-pairs-'));
    copyFileSync(join(FIXTURES, ORIGINAL), join(dir, ORIGINAL));
    original = pathToFileURL(join(dir, ORIGINAL)).toString();
    reversal = pathToFileURL(join(dir, REVERSAL)).toString();
    c = new TestClient();
    c.folders = [{ uri: pathToFileURL(dir).toString(), name: 'remits' }];
    await c.initialize();
  });
  after(async () => {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the reversal names the original on disk and the net effect; the original names the reversal', async () => {
    await c.open(reversal, readFileSync(join(FIXTURES, REVERSAL), 'utf8'));
    const [pair] = pairs(await c.diagnosticsWhen(reversal, (d) => pairs(d).length > 0));
    assert.equal(pair.severity, P.DiagnosticSeverity.Information);
    assert.match(
      pair.message,
      /^Reverses the CO-253 of 3\.00 of claim PCNR1 in original-with-excess-co253\.835 \(line 10\): .* Corrected by claim PCNR1 later in this file \(CO-253 2\.00\): net effect -1\.00; CO-253 taken in the end 2\.00\.$/,
    );
    assert.deepEqual(pair.range, { start: { line: 9, character: 4 }, end: { line: 9, character: 9 } }, "the reversal's CLP01");
    // The reversal's own co253-reversal still says what it undoes; nothing here is work.
    const own = await c.diagnosticsFor(reversal);
    assert.ok(own.every((d) => d.severity !== P.DiagnosticSeverity.Warning || d.code !== 'co253-amount'));

    await c.open(original, readFileSync(join(FIXTURES, ORIGINAL), 'utf8'));
    const [back] = pairs(await c.diagnosticsWhen(original, (d) => pairs(d).length > 0));
    assert.match(
      back.message,
      /^Reversed by claim PCNR1 in reversal-and-correction-of-another-file\.835 \(line 10\): this payment and its CO-253 of 3\.00 are taken back\./,
    );
    assert.deepEqual(back.range.start, { line: 9, character: 4 });
  });

  test('editing the original away unpairs both; closing it pairs again with the copy on disk', async () => {
    const edited = readFileSync(join(FIXTURES, ORIGINAL), 'utf8').replace('CLP*PCNR1*', 'CLP*PCNQ1*').replace('*R1PAYER*', '*Q1PAYER*');
    await c.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: original, version: 2 },
      contentChanges: [{ text: edited }],
    });
    await c.diagnosticsWhen(reversal, (d) => pairs(d).length === 0);
    assert.deepEqual(pairs(await c.diagnosticsFor(original, 2)), []);

    await c.conn.sendNotification(P.DidCloseTextDocumentNotification.type, { textDocument: { uri: original } });
    const [pair] = pairs(await c.diagnosticsWhen(reversal, (d) => pairs(d).length > 0));
    assert.match(pair.message, /of claim PCNR1 in original-with-excess-co253\.835/);
  });
});
