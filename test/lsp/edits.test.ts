import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generate835Text } from '../../bench/generator';
import { medicareFile } from '../helpers/fragments';
import { TestClient } from '../helpers/lspClient';

type Change = P.TextDocumentContentChangeEvent;
const at = (line: number, character: number) => ({ line, character });
const replace = (startLine: number, startCharacter: number, endLine: number, endCharacter: number, text: string): Change => ({
  range: { start: at(startLine, startCharacter), end: at(endLine, endCharacter) },
  text,
});

/**
 * Incremental edits reach the server's own document store (SyncedDocument). Whatever they are, the
 * edited document must be analysed exactly as the same text opened afresh, where the text is the one
 * vscode-languageserver-textdocument makes of the edits.
 */
describe('incremental edits over LSP', () => {
  let c: TestClient;
  before(async () => {
    c = new TestClient();
    await c.initialize();
  });
  after(() => c.shutdown());

  /** Sends each batch as one didChange, then compares the last version with the expected text opened fresh. */
  async function assertEditedLikeFresh(name: string, initial: string, batches: Change[][], hovers: P.Position[]): Promise<void> {
    const uri = `file:///w/${name}.835`;
    const reference = TextDocument.create(uri, 'x12-835', 1, initial);
    await c.open(uri, initial);
    let version = 1;
    for (const changes of batches) {
      version++;
      TextDocument.update(reference, changes, version);
      await c.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    }
    const fresh = `file:///w/${name}-fresh.835`;
    await c.open(fresh, reference.getText());
    const edited = await c.diagnosticsFor(uri, version, 60_000);
    // Related locations name their document: the fresh one's must name the edited one to compare.
    const expected = JSON.parse(JSON.stringify(await c.diagnosticsFor(fresh, 1, 60_000)).replaceAll(fresh, uri)) as P.Diagnostic[];
    assert.equal(edited.length, expected.length);
    for (let i = 0; i < edited.length; i++) assert.deepEqual(edited[i], expected[i], `diagnostic ${i}`);
    for (const p of hovers)
      assert.deepEqual(await c.hover(uri, p.line, p.character), await c.hover(fresh, p.line, p.character), JSON.stringify(p));
  }

  test('across lines, at the start and the end, next to CRLF, accented and astral characters', async () => {
    const initial = medicareFile({ nl: '\r\n' }).replace('NM1*QC*1*DOE*JANE', 'NM1*QC*1*MÜLLER😀*JOSÉ');
    // Line 10 is the NM1 (ISA is line 0); line 18 the empty last line.
    await assertEditedLikeFresh(
      'crlf-astral',
      initial,
      [
        [replace(0, 0, 0, 0, 'X')],
        [replace(0, 0, 0, 1, '')],
        [replace(10, 15, 10, 17, 'AN')], // the astral character (2 UTF-16 units)
        [replace(9, 17, 11, 4, '78.4*20*MB*PAYERCN001*11*1~\r\nNM1*QC*1*ROE*JIM****MI*ABC123~\r\nSVC*')], // across lines
        [replace(18, 0, 18, 0, 'junk')], // at the end
        [replace(18, 0, 18, 4, ''), replace(17, 15, 18, 0, '')], // two changes in one message, the second joins the last lines
        [replace(5, 16, 5, 16, '\r'), replace(6, 0, 6, 0, '\n')], // a lone CR, then an LF after it: one line break
      ],
      [at(10, 12), at(10, 18), at(11, 3), at(17, 2)],
    );
  });

  test('a burst of edits to a document analysed in slices: the last version is analysed as if opened fresh', async () => {
    const initial = generate835Text({ bytes: 1_200_000, seed: 11 });
    const name = initial.indexOf('NM1*QC*1*');
    const line = initial.slice(0, name).split('\n').length - 1;
    const character = name - (initial.lastIndexOf('\n', name) + 1) + 9;
    const batches: Change[][] = [];
    for (let i = 0; i < 5; i++) batches.push([replace(line, character + i, line, character + i + 1, 'QZXWV'[i])]);
    batches.push([replace(line + 1, 0, line + 1, 0, 'REF*EA*X~\n')]);
    await assertEditedLikeFresh('large', initial, batches, [at(line, character + 2), at(line + 1, 4)]);
  });

  test('workspace symbols follow an edited document once it is analysed again', async () => {
    const uri = 'file:///w/renamed-claim.835';
    const text = medicareFile();
    await c.open(uri, text);
    await c.diagnosticsFor(uri, 1);
    const names = async (query: string) =>
      (((await c.conn.sendRequest(P.WorkspaceSymbolRequest.type, { query })) as P.SymbolInformation[] | null) ?? [])
        .filter((s) => s.location.uri === uri)
        .map((s) => s.name.split(' ')[0]);
    assert.deepEqual(await names('PCN001'), ['PCN001']);
    const line = text.split('\n').findIndex((l) => l.startsWith('CLP*PCN001'));
    await c.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [replace(line, 7, line, 10, '777')],
    });
    await c.diagnosticsFor(uri, 2);
    assert.deepEqual(await names('PCN001'), []);
    assert.deepEqual(await names('PCN777'), ['PCN777']);
  });
});
