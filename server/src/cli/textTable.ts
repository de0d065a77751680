/**
 * Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned.
 * Widths count characters (code points), which is right for the ASCII and box characters we print.
 */
export interface Column {
  readonly title: string;
  readonly align?: 'left' | 'right';
  /** Cut longer cells with an ellipsis (explanations can be long). */
  readonly max?: number;
}

const width = (s: string) => [...s].length;

function fit(s: string, max: number | undefined): string {
  if (!max || width(s) <= max) return s;
  return [...s].slice(0, max - 1).join('') + '\u2026';
}

/** The table as lines: a header, a rule of dashes, then the rows (each cell already text). */
export function textTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, indent = '  '): string[] {
  const cells = rows.map((r) => columns.map((c, i) => fit(r[i] ?? '', c.max)));
  const widths = columns.map((c, i) => Math.max(width(c.title), ...cells.map((r) => width(r[i]))));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(widths[i] - width(s));
    return columns[i].align === 'right' ? gap + s : s + gap;
  };
  const line = (r: readonly string[]) => indent + r.map(pad).join('  ').trimEnd();
  return [line(columns.map((c) => c.title)), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
}

/** A bar of `fraction` (0..1) of `size` block characters, for "where the money went". */
export function textBar(fraction: number, size = 24): string {
  const n = Math.max(0, Math.min(size, Math.round(fraction * size)));
  return '\u2588'.repeat(n);
}
