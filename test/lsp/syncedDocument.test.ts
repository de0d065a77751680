import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineStartsOf } from '../../server/src/x12/lineIndex';
import { SyncedDocument } from '../../server/src/lsp/syncedDocument';
import { AnalysisCache } from '../../server/src/lsp/documents';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { medicareFile } from '../helpers/fragments';

/** Pieces that make line breaks of every kind, multi-byte and astral characters, and X12 delimiters. */
const PIECES = ['a', 'Z', '*', '~', ':', '\n', '\r', '\r\n', '\n\r', 'é', 'Ü', '😀', '\ud83d', '\ude00', 'ISA*00*', 'CLP*1~\r\n'];
const textArb = (maxLength: number) => fc.array(fc.constantFrom(...PIECES), { maxLength }).map((a) => a.join(''));

/**
 * A position described without knowing the document: it is made concrete against the text the
 * change applies to (so a later change of a batch lands in the text the earlier ones left).
 */
interface PositionSeed {
  readonly line: number;
  readonly character: number;
  readonly odd: 'none' | 'beyondLines' | 'negative' | 'farRight';
}
const positionSeed: fc.Arbitrary<PositionSeed> = fc.record({
  line: fc.nat(1000),
  character: fc.nat(1000),
  odd: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'beyondLines', 'negative', 'farRight') as fc.Arbitrary<PositionSeed['odd']>,
});
interface ChangeSeed {
  readonly full: boolean;
  readonly start: PositionSeed;
  readonly end: PositionSeed;
  readonly text: string;
  readonly withRangeLength: boolean;
}
const changeSeed: fc.Arbitrary<ChangeSeed> = fc.record({
  full: fc.nat(9).map((n) => n === 0),
  start: positionSeed,
  end: positionSeed,
  text: textArb(6),
  withRangeLength: fc.boolean(),
});

function concrete(doc: TextDocument, seed: PositionSeed) {
  const line = seed.line % doc.lineCount;
  const length = doc.getLineRange(line).end.character;
  const character = seed.character % (length + 3);
  switch (seed.odd) {
    case 'beyondLines':
      return { line: doc.lineCount + (seed.line % 3), character };
    case 'negative':
      return { line: seed.line % 2 ? -1 : line, character: seed.line % 2 ? character : -1 };
    case 'farRight':
      return { line, character: length + 100 };
    default:
      return { line, character };
  }
}

/** Everything the TextDocument interface answers, asked of both documents on every offset and line. */
function assertSame(ours: SyncedDocument, theirs: TextDocument, context: string): void {
  const text = theirs.getText();
  assert.equal(ours.getText(), text, context);
  assert.equal(ours.version, theirs.version, context);
  assert.equal(ours.lineCount, theirs.lineCount, context);
  for (let o = -1; o <= text.length + 1; o++) assert.deepEqual(ours.positionAt(o), theirs.positionAt(o), `${context} positionAt(${o})`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${context} getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${context} getEOLCharacters(${line})`);
    const length = theirs.getLineRange(line).end.character;
    for (let character = -1; character <= length + 2; character++) {
      const p = { line, character };
      assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `${context} offsetAt(${JSON.stringify(p)})`);
    }
  }
  const middle = theirs.positionAt(text.length >> 1);
  const range = { start: middle, end: theirs.positionAt(text.length) };
  assert.equal(ours.getText(range), theirs.getText(range), `${context} getText(range)`);
}

describe("SyncedDocument (the server's open documents)", () => {
  test('line starts: LF, CRLF and a lone CR each end a line', () => {
    assert.deepEqual([...lineStartsOf('')], [0]);
    assert.deepEqual([...lineStartsOf('a\nb\r\nc\rd\n\re\r')], [0, 2, 5, 7, 9, 10, 12]);
    assert.deepEqual([...lineStartsOf('\r\n\r\n')], [0, 2, 4]);
  });

  test('any sequence of incremental and full changes gives the same text and positions as vscode-languageserver-textdocument', () => {
    fc.assert(
      fc.property(textArb(30), fc.array(fc.array(changeSeed, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (initial, batches) => {
        const ours = new SyncedDocument('file:///a.835', 'x12-835', 1, initial);
        assertSame(ours, TextDocument.create('file:///a.835', 'x12-835', 1, initial), 'opened');
        let text = initial;
        let version = 1;
        for (const batch of batches) {
          // Each change is made concrete against, and applied by the library to, the text the previous one
          // left, in a fresh TextDocument: the library's own line bookkeeping goes wrong on a change that
          // names a line past the end (a sparse array), while its text stays right.
          const changes: TextDocumentContentChangeEvent[] = [];
          for (const seed of batch) {
            const reference = TextDocument.create('file:///a.835', 'x12-835', 0, text);
            let change: TextDocumentContentChangeEvent;
            if (seed.full) change = { text: seed.text };
            else {
              const range = { start: concrete(reference, seed.start), end: concrete(reference, seed.end) };
              change = seed.withRangeLength ? { range, rangeLength: 0, text: seed.text } : { range, text: seed.text };
            }
            changes.push(change);
            text = TextDocument.update(reference, [change], 0).getText();
          }
          version++;
          ours.update(changes, version);
          assertSame(
            ours,
            TextDocument.create('file:///a.835', 'x12-835', version, text),
            `after ${JSON.stringify(changes)} on ${JSON.stringify(initial)}`,
          );
        }
      }),
      { numRuns: 1500, seed: 20240105 },
    );
  });

  test("the library's own incremental updates agree too, while every line named exists", () => {
    fc.assert(
      fc.property(textArb(30), fc.array(fc.array(changeSeed, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (initial, batches) => {
        const theirs = TextDocument.create('file:///a.835', 'x12-835', 1, initial);
        const ours = new SyncedDocument('file:///a.835', 'x12-835', 1, initial);
        let version = 1;
        for (const batch of batches) {
          const changes: TextDocumentContentChangeEvent[] = [];
          const reference = TextDocument.create('file:///r', 'x12-835', 0, theirs.getText());
          for (const seed of batch) {
            const inRange = { ...seed.start, odd: seed.start.odd === 'beyondLines' ? 'farRight' : seed.start.odd } as PositionSeed;
            const endInRange = { ...seed.end, odd: seed.end.odd === 'beyondLines' ? 'farRight' : seed.end.odd } as PositionSeed;
            const change = seed.full
              ? { text: seed.text }
              : { range: { start: concrete(reference, inRange), end: concrete(reference, endInRange) }, text: seed.text };
            changes.push(change);
            TextDocument.update(reference, [change], 0);
          }
          version++;
          TextDocument.update(theirs, changes, version);
          ours.update(changes, version);
          assertSame(ours, theirs, `after ${JSON.stringify(changes)} on ${JSON.stringify(initial)}`);
        }
      }),
      { numRuns: 1000, seed: 20240106 },
    );
  });

  test("edits at the start and the end, across lines, and inside a CRLF's neighbourhood", () => {
    const initial = 'ISA*00~\r\nGS*HP~\r\nST*835~\r\nNM1*QC*1*MÜLLER😀~\r\nSE*2~';
    const cases: TextDocumentContentChangeEvent[][] = [
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }],
      [{ range: { start: { line: 4, character: 5 }, end: { line: 4, character: 5 } }, text: '\r\nIEA~' }],
      [{ range: { start: { line: 1, character: 3 }, end: { line: 3, character: 4 } }, text: '' }],
      [{ range: { start: { line: 0, character: 7 }, end: { line: 1, character: 0 } }, text: '' }],
      [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, text: '\r' }],
      [{ range: { start: { line: 3, character: 16 }, end: { line: 3, character: 18 } }, text: '🙂\n' }],
      [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\n' },
        { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' },
      ],
      [{ text: 'replaced\nwhole' }, { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, text: '\r\n' }],
    ];
    for (const changes of cases) {
      const theirs = TextDocument.create('u', 'x', 1, initial);
      const ours = new SyncedDocument('u', 'x', 1, initial);
      TextDocument.update(theirs, changes, 2);
      ours.update(changes, 2);
      assertSame(ours, theirs, JSON.stringify(changes));
    }
  });

  test('an unknown change event is refused, as the library refuses it', () => {
    const ours = new SyncedDocument('u', 'x', 1, 'abc');
    assert.throws(
      () => ours.update([{ rangeLength: 1, text: 'x' } as unknown as TextDocumentContentChangeEvent], 2),
      /Unknown change event/,
    );
  });

  test("one line index: the analysis keeps the document's line starts, and an edit never changes an analysis's", () => {
    const text = medicareFile();
    const doc = new SyncedDocument('file:///one.835', 'x12-835', 1, text);
    const cache = new AnalysisCache();
    const first = cache.get(doc, DEFAULT_SETTINGS);
    assert.equal(first.lines.starts, doc.lineStartsToKeep(), 'the same array, counted once');
    const before = Array.from(first.lines.starts);
    // A keystroke that keeps the number of lines: the document updates its starts (a copy, here).
    doc.update([{ range: { start: { line: 9, character: 4 }, end: { line: 9, character: 4 } }, text: 'X' }], 2);
    assert.deepEqual(Array.from(first.lines.starts), before);
    const second = cache.get(doc, DEFAULT_SETTINGS);
    assert.deepEqual(Array.from(second.lines.starts), Array.from(lineStartsOf(doc.getText())));
    assert.equal(second.lines.starts, doc.lineStartsToKeep());
  });
});
