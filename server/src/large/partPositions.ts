import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { Part } from './parts';

/** A place in the original file: 1-based line and column, as `era835 check` prints them. */
export interface OriginalPlace {
  readonly line: number;
  readonly column: number;
}

/**
 * Where a position of a part is in the original file, or undefined on a trailer the part added. A part
 * has one segment per line, so the line says the segment and the character the column within it.
 */
export function originOf(part: Part, p: Position): OriginalPlace | undefined {
  const line = part.lines[p.line];
  if (!line) return undefined;
  return { line, column: part.columns[p.line] + p.character };
}

/** "line 1, column 2,345,678 of big.835" */
export function describePlace(place: OriginalPlace, fileName: string): string {
  return `line ${place.line.toLocaleString('en-US')}, column ${place.column.toLocaleString('en-US')} of ${fileName}`;
}

/**
 * A part's diagnostics as the user needs them: each names its place in the original file (message
 * suffix, and related information that opens it); findings that only the cut made are dropped: on a
 * claim part, the payment's balance (BPR02 against one claim) says nothing about the file.
 */
export function diagnosticsInOriginal(
  part: Part,
  diagnostics: readonly Diagnostic[],
  file: { uri: string; name: string },
  kind: 'claim' | 'payment',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (kind === 'claim' && d.code === 'transaction-balance') continue;
    const start = originOf(part, d.range.start);
    if (!start) {
      out.push({ ...d, message: `${d.message} (in a trailer added to close this part; not in ${file.name})` });
      continue;
    }
    const end = originOf(part, d.range.end) ?? start;
    const range = { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } };
    out.push({
      ...d,
      message: `${d.message} (${describePlace(start, file.name)})`,
      relatedInformation: [{ location: { uri: file.uri, range }, message: `In ${file.name}` }, ...(d.relatedInformation ?? [])],
    });
  }
  return out;
}
