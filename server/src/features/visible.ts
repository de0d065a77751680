import type { Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis';

/**
 * What VS Code can show of a document, and so the most a range or document response needs to hold.
 * VS Code renders only the first `editor.stopRenderingLineAfter` characters of a line (10,000 by
 * default) and, on one line, inlay labels of at most `editor.inlayHints.maximumLength` characters
 * together (43 by default; it cuts the rest off with "…"). On a one-line remit the "visible range" VS Code
 * asks about is the whole line: unbounded, a 2.6 MB file gave 149,245 inlay hints (14.8 MB of JSON) and
 * 425,122 semantic tokens for it, and the browser tab froze.
 */
export interface ViewLimits {
  /** Characters of a line that are rendered (`editor.stopRenderingLineAfter`; -1 becomes RENDER_CAP). */
  readonly lineChars: number;
  /** Characters of inlay labels one line shows (`editor.inlayHints.maximumLength`; 0 becomes INLAY_CAP). */
  readonly inlayChars: number;
}

/** Used when the setting says "render the whole line" (-1): more than any screen shows, still bounded. */
export const RENDER_CAP = 10_000;
/** Used when the setting says "never cut inlay labels" (0). */
export const INLAY_CAP = 500;
/** VS Code's defaults, used until the client has said otherwise. */
export const DEFAULT_VIEW_LIMITS: ViewLimits = { lineChars: 10_000, inlayChars: 43 };

/**
 * Most items one response holds, whatever the file: far more than a window shows (a 10,000-character
 * line holds some 1,600 tokens and, within 43 characters, three labels), far less than freezes a tab.
 */
export const MAX_ITEMS = {
  inlayHints: 1_000,
  /** A range request: what a window shows. */
  semanticTokensRange: 20_000,
  /** A whole-document request; a document with more tokens is served by range requests instead. */
  semanticTokensFull: 100_000,
  casShades: 2_000,
} as const;

/**
 * Most bytes of JSON one whole-document response holds. VS Code asks for symbols and folding ranges of
 * the whole document: unbounded, a 50 MB remit's outline was 4 MB of JSON (and a file of many small
 * payments would list every one), which the extension host parses and hands to the window each time.
 */
export const MAX_BYTES = {
  /** The outline: some 3,000 claims with their lines, then one "… N more" entry. */
  documentSymbols: 1_000_000,
  /** VS Code keeps 5,000 folding regions (`editor.foldingMaximumRegions`): some 500 KB. */
  foldingRanges: 1_000_000,
  /** 5,000 claim lenses and their payments' are some 1.2 MB; a file of many small payments stops here. */
  codeLens: 1_500_000,
} as const;

/** Bytes of `value` as JSON (UTF-8): what a response costs on the wire. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** The editor settings the client passed (anything malformed falls back to VS Code's defaults). */
export function viewLimitsOf(stopRenderingLineAfter: unknown, inlayMaximumLength: unknown): ViewLimits {
  const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : undefined);
  const render = int(stopRenderingLineAfter);
  const inlay = int(inlayMaximumLength);
  return {
    lineChars: render === undefined ? DEFAULT_VIEW_LIMITS.lineChars : render < 0 ? RENDER_CAP : Math.min(render, RENDER_CAP * 10),
    inlayChars: inlay === undefined || inlay < 0 ? DEFAULT_VIEW_LIMITS.inlayChars : inlay === 0 ? INLAY_CAP : Math.min(inlay, INLAY_CAP),
  };
}

/**
 * The part of a document that VS Code shows inside a requested range: on each line of the range, its
 * first `lineChars` characters. Every range or document feature walks it instead of the raw range, so a
 * one-line file costs what its rendered 10,000 characters cost, not what its megabytes cost.
 */
export class Visible {
  private readonly from: number;
  private readonly to: number;
  private readonly firstLine: number;
  private readonly lastLine: number;

  /** `range` absent: the whole document (each line still cut at the render limit). */
  constructor(
    private readonly a: Analysis,
    range: Range | undefined,
    readonly limits: ViewLimits,
  ) {
    this.from = range ? a.lines.offsetAt(range.start) : 0;
    this.to = range ? a.lines.offsetAt(range.end) : a.text.length;
    this.firstLine = a.lines.positionAt(this.from).line;
    this.lastLine = a.lines.positionAt(this.to).line;
  }

  /** Whether the character at `offset` is shown: inside the range, within the rendered part of its line. */
  shows(offset: number): boolean {
    if (offset < this.from || offset > this.to) return false;
    return this.a.lines.positionAt(offset).character < this.limits.lineChars;
  }

  /**
   * Whether nothing at or after `offset` is shown: it is past the range, or on its last line past the
   * rendered characters. A walk in document order stops there (a one-line file after 10,000 characters).
   */
  beyond(offset: number): boolean {
    if (offset > this.to) return true;
    const p = this.a.lines.positionAt(offset);
    return p.line >= this.lastLine && p.character >= this.limits.lineChars;
  }

  /** Where the shown part of the line holding `offset` ends (a token from `offset` is cut there). */
  shownEnd(offset: number): number {
    const p = this.a.lines.positionAt(offset);
    return Math.min(this.to, offset - p.character + this.limits.lineChars);
  }

  /**
   * The segments that have a shown character, in document order, each once. Lazy: a caller that stops
   * at its item cap never walks the rest of a 50 MB document.
   */
  *segments(): Generator<number, void, void> {
    const t = this.a.tokens;
    let next = 0;
    for (let line = this.firstLine; line <= this.lastLine; line++) {
      const lineStart = this.a.lines.offsetAt({ line, character: 0 });
      const start = Math.max(this.from, lineStart);
      const end = Math.min(this.to, this.a.lines.offsetAt({ line: line + 1, character: 0 }), lineStart + this.limits.lineChars);
      if (end < start) continue;
      const last = t.segmentAt(end > start ? end - 1 : start);
      for (let seg = Math.max(next, t.segmentAt(start), 0); seg <= last; seg++) yield seg;
      next = Math.max(next, last + 1);
    }
  }
}
