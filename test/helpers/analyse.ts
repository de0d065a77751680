import { analyze, type Analysis } from '../../server/src/analysis';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings';
import { markers } from './fragments';

/** Analyses a fragment with `|` markers; returns the analysis and the marker positions as LSP positions. */
export function analyseMarked(
  src: string,
  settings: Settings = DEFAULT_SETTINGS,
): { a: Analysis; at: Array<{ line: number; character: number }> } {
  const { text, at } = markers(src);
  const a = analyze(text, settings);
  return { a, at: at.map((o) => a.lines.positionAt(o)) };
}

/** The text a range covers. */
export function textOf(a: Analysis, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return a.text.slice(a.lines.offsetAt(r.start), a.lines.offsetAt(r.end));
}
