import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { foldEdit, type EditRegion } from '../incremental/region';
import { lineStartsOf } from '../x12/lineIndex';
import { firstAtLeast, lineStartsAfterEdit } from '../x12/lineStarts';

const LF = 10;
const CR = 13;

/**
 * An open document as the client keeps sending it: the same text and positions as
 * vscode-languageserver-textdocument's TextDocument (the handlers see the same interface), at a cost
 * that suits 50 MB remits. That library counts line starts with a loop over every character of the
 * whole text on the first edit (some 115 ms on 50 MB, blocking every request), and keeps them in a
 * plain array. Here the line starts are counted with `indexOf` (a few ms on one line, ~30 ms for two
 * million lines), only once a position is first needed, kept in an Int32Array, and an incremental edit
 * only rescans the characters it touched (see lineStartsAfterEdit).
 */
export class SyncedDocument implements TextDocument {
  private text: string;
  /** Line starts of `text`; undefined until a position is needed (most big documents are never edited). */
  private starts: Int32Array | undefined;
  /** `starts` was handed to an analysis (lineStartsToKeep): the next edit updates a copy, never the analysis's. */
  private startsKept = false;
  private currentVersion: number;
  /** The incremental changes since version `loggedSince`, in order, with the version each came with. */
  private log: { version: number; start: number; end: number; length: number }[] = [];
  private loggedSince: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    text: string,
  ) {
    this.currentVersion = version;
    this.loggedSince = version;
    this.text = text;
  }

  /**
   * Where the text changed since `version` (one region covering every change since), so the analysis of
   * that version can be brought up to date by re-reading only that part (incremental/reanalyse.ts).
   * Undefined when unknown: the whole text was replaced since, or it is older than the changes kept.
   */
  changesSince(version: number): EditRegion | undefined {
    if (version < this.loggedSince || version >= this.currentVersion) return undefined;
    let region: EditRegion | undefined;
    for (const c of this.log) if (c.version > version) region = foldEdit(region, c.start, c.end, c.length);
    return region;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    if (!range) return this.text;
    return this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    const o = Math.max(Math.min(offset, this.text.length), 0);
    const starts = this.lineStarts();
    // The last line starting at or before the offset.
    const line = firstAtLeast(starts, o + 1) - 1;
    return { line, character: this.beforeLineBreak(o, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    return this.beforeLineBreak(Math.min(lineStart + position.character, this.nextLineStart(position.line)), lineStart);
  }

  getLineRange(line: number): Range {
    const starts = this.lineStarts();
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - starts[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const end = this.beforeLineBreak(this.nextLineStart(line), starts[line]);
    return { start: { line, character: 0 }, end: { line, character: end - starts[line] } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lineStarts();
    if (line >= starts.length || line < 0) return '';
    const next = this.nextLineStart(line);
    return this.text.substring(this.beforeLineBreak(next, starts[line]), next);
  }

  /**
   * Applies the client's changes in order, each range read against the text the previous one left:
   * exactly what TextDocument.update does (an incremental change replaces its range, clamped as
   * offsetAt clamps; a change without a range replaces the whole text).
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (isIncremental(change)) {
        const range = wellFormed(change.range);
        const starts = this.lineStarts();
        const start = this.offsetAt(range.start);
        const end = this.offsetAt(range.end);
        const old = this.text;
        // Concatenation makes a rope: the 50 MB text is copied once, when the analysis first reads it.
        this.text = old.substring(0, start) + change.text + old.substring(end);
        this.starts = lineStartsAfterEdit(this.startsKept ? starts.slice() : starts, old, start, end, change.text);
        this.startsKept = false;
        this.logChange(version, start, end, change.text.length);
      } else if (isFull(change)) {
        this.text = change.text;
        this.starts = undefined;
        this.startsKept = false;
        this.log = [];
        this.loggedSince = version;
      } else {
        throw new Error('Unknown change event received');
      }
    }
    this.currentVersion = version;
  }

  private logChange(version: number, start: number, end: number, length: number): void {
    this.log.push({ version, start, end, length });
    // A long session of edits nobody analysed: the oldest changes are forgotten (those versions then
    // have no region, and are analysed whole).
    if (this.log.length > MAX_LOGGED_CHANGES) {
      const dropped = this.log.splice(0, this.log.length - MAX_LOGGED_CHANGES);
      this.loggedSince = dropped[dropped.length - 1].version;
      while (this.log.length && this.log[0].version === this.loggedSince) this.log.shift();
    }
  }

  /**
   * The line starts of the current text, for the analysis of this version to keep as its line index: the
   * document and its analysis count lines once. The analysis's copy never changes: the next edit updates a
   * copy of them (one typed-array copy, a few ms for two million lines).
   */
  lineStartsToKeep(): Int32Array {
    this.startsKept = true;
    return this.lineStarts();
  }

  private lineStarts(): Int32Array {
    return (this.starts ??= lineStartsOf(this.text));
  }

  /** Where the line after `line` starts (its end, line break included); the text's length for the last. */
  private nextLineStart(line: number): number {
    const starts = this.lineStarts();
    return line + 1 < starts.length ? starts[line + 1] : this.text.length;
  }

  /** Moves an offset at the end of a line back before its line break (into a CRLF: before the CR). */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart) {
      const c = this.text.charCodeAt(offset - 1);
      if (c !== LF && c !== CR) break;
      offset--;
    }
    return offset;
  }
}

/** Changes kept for `changesSince`: far more than arrive between two analyses. */
const MAX_LOGGED_CHANGES = 1000;

/** Lets TextDocuments keep SyncedDocuments: created on open, updated in place on every change. */
export const SYNCED_DOCUMENTS: TextDocumentsConfiguration<SyncedDocument> = {
  create: (uri, languageId, version, content) => new SyncedDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};

type IncrementalChange = { range: Range; rangeLength?: number; text: string };

// The same tests as the library's, so the same events are accepted and refused.
function isIncremental(e: TextDocumentContentChangeEvent): e is IncrementalChange {
  const c = e as Partial<IncrementalChange> | null | undefined;
  return (
    c !== undefined &&
    c !== null &&
    typeof c.text === 'string' &&
    c.range !== undefined &&
    (c.rangeLength === undefined || typeof c.rangeLength === 'number')
  );
}

function isFull(e: TextDocumentContentChangeEvent): e is { text: string } {
  const c = e as Partial<IncrementalChange> | null | undefined;
  return c !== undefined && c !== null && typeof c.text === 'string' && c.range === undefined && c.rangeLength === undefined;
}

/** The range with its start first (a client may send it backwards). */
function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}
