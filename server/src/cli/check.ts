import { analyze, type Analysis } from '../analysis';
import type { Settings } from '../settings';
import { encodingFindings } from '../stream/encodingFindings';
import type { Origin } from '../stream/pieces';
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
  /** Check only bytes start..end, which start at `origin` (a part given to a worker). */
  readonly range?: { readonly start: number; readonly end: number; readonly origin: Origin };
  /** Told after each piece is analysed, before its findings are formatted. */
  readonly onAnalysed?: (a: Analysis) => void;
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
  const problem = eachPiece(
    path,
    (piece) => {
      part++;
      if (piece.text.length >= BIG_FILE_BYTES || part > 1)
        progress(
          `era835: analysing ${path}${part > 1 || piece.text.length >= 160 * 2 ** 20 ? ` (interchanges from line ${piece.origin.line}, part ${part})` : ''}, ${(piece.text.length / 1e6).toFixed(0)} M characters...\n`,
        );
      const a = analyze(piece.text, settings);
      segments += a.tokens.count;
      options.onAnalysed?.(a);
      // A file that is not X12 at all (a photo) gets its one isa-invalid line, not a list of its bytes.
      lines.add(a, piece.origin, a.tokens.count ? encodingFindings(piece.invalid) : []);
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
