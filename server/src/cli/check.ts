import { analyze, type Analysis } from '../analysis';
import type { Settings } from '../settings';
import { encodingFindings } from '../stream/encodingFindings';
import type { Origin } from '../stream/pieces';
import type { PartContext } from '../stream/split';
import { eachPiece, notX12 } from './readPieces';
import { FindingLines, REPEAT_CAP, type CheckFormat } from './findingLines';

/** Files from this size on get progress lines on stderr (reading, analysing, done). */
const BIG_FILE_BYTES = 64 * 1024 * 1024;

/** What checking one file (or one part of it) gives: its output blocks went to `emit`; this is the rest. */
export interface FileCheck {
  /** Findings shown, by severity: error, warning, information, hint. */
  readonly counts: number[];
  /** Why the file could not be read or is not X12 (exit 2), if so. */
  readonly problem?: string;
  /** The file was read (it may still not be X12). */
  readonly read: boolean;
  /** Segments read: 0 means not X12 (for a part, the caller adds them up). */
  readonly segments: number;
  /** Lines for stderr: findings cut by the repeat cap, time taken by a big file. */
  readonly notes: string[];
}

export interface CheckFileOptions {
  readonly format: CheckFormat;
  /** Show every finding (`--all`), not just REPEAT_CAP of each identical one. */
  readonly all: boolean;
  readonly pieceChars?: number;
  /** Check only bytes start..end, which start at `origin` (a part given to a worker), read within `context`. */
  readonly range?: { readonly start: number; readonly end: number; readonly origin?: Origin; readonly context?: PartContext };
  /**
   * For a range: told how far its text goes (lines and characters, from 0:0) once it is analysed;
   * answers where the range starts (its origin, when it has none), before its findings are formatted.
   */
  readonly originOf?: (extent: Origin) => Origin;
  /** Told after each piece is analysed, before its findings are formatted; `window`: where the piece's own text is. */
  readonly onAnalysed?: (a: Analysis, window: { readonly from: number; readonly to: number }, invalid: readonly number[]) => void;
}

/**
 * Checks one file with exactly the code the language server uses, interchange piece by piece (one
 * piece for any file under 160 M characters), and hands the formatted findings to `emit` as they are
 * made: nothing proportional to the number of findings is kept.
 */
export function checkFile(
  path: string,
  settings: Settings,
  options: CheckFileOptions,
  emit: (block: string) => void,
  progress: (line: string) => void = () => undefined,
): FileCheck {
  const lines = new FindingLines(path, settings, options.format, options.all || options.format === 'json' ? Infinity : REPEAT_CAP, emit);
  const started = Date.now();
  let segments = 0;
  let part = 0;
  let base: Origin | undefined;
  const problem = eachPiece(
    path,
    (piece) => {
      part++;
      if (piece.text.length >= BIG_FILE_BYTES || part > 1)
        progress(
          `era835: analysing ${path}${part > 1 || piece.text.length >= 160 * 2 ** 20 ? ` (interchanges from line ${piece.origin.line}, part ${part})` : ''}, ${(piece.text.length / 1e6).toFixed(0)} M characters...\n`,
        );
      // A part cut inside an interchange is read within its envelope (transactionSplit.ts); its findings only are kept.
      const context = options.range?.context;
      const skip = context?.prefix.length ?? 0;
      const a = analyze(context ? context.prefix + piece.text + context.suffix : piece.text, settings);
      const window = { from: skip, to: context?.suffix ? skip + piece.text.length : Infinity };
      segments += a.tokens.count;
      const invalid = skip ? piece.invalid.map((o) => o + skip) : piece.invalid;
      options.onAnalysed?.(a, window, invalid);
      // A file that is not X12 at all (a photo) gets its one isa-invalid line, not a list of its bytes.
      // A part after the first learns where it starts once the part before it is read (parallelCheck.ts).
      if (options.range && options.originOf && part === 1)
        base = options.originOf(extentOf(a.lines.lineStarts, skip + piece.text.length, piece.text.length));
      const origin = base ? shift(base, piece.origin) : piece.origin;
      lines.add(a, origin, a.tokens.count ? encodingFindings(invalid) : [], context ? window : undefined);
    },
    { pieceChars: options.pieceChars, ...options.range },
  );
  const notes = lines.notes();
  if (part > 1 || Date.now() - started > 10_000)
    notes.push(`${path}: ${lines.counts.reduce((x, y) => x + y, 0)} finding(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    counts: lines.counts,
    problem: problem ?? (segments === 0 && part > 0 && !options.range ? notX12(path) : undefined),
    read: !problem,
    segments,
    notes,
  };
}

/** `o` (counted from the start of a range, line 1 column 0) in the file, where the range starts at `base`. */
function shift(base: Origin, o: Origin): Origin {
  return o.line === 1
    ? { line: base.line, column: base.column + o.column, char: base.char + o.char }
    : { line: base.line + o.line - 1, column: o.column, char: base.char + o.char };
}

/**
 * How far a piece's own text goes, from 0:0 (what `advance` says of it), read from the analysis' line
 * starts: the piece ends at `end` of the analysed text, and its prefix and suffix hold no line break.
 */
function extentOf(starts: Int32Array, end: number, length: number): Origin {
  let lines = starts.length - 1;
  while (lines > 0 && starts[lines] > end) lines--;
  return lines > 0 ? { line: lines, column: end - starts[lines], char: length } : { line: 0, column: length, char: length };
}
