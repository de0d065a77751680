import { esc } from '../../../server/src/report/html/escape';
import { formatMoney } from '../../../server/src/x835/values';

/**
 * Safe HTML building for the webviews: every piece of file content goes through `esc`, so a payer name
 * like `<script>` is text, never markup. Pure (no vscode import) so the renderers can be unit-tested.
 */

export { esc };

/** "$1,234.50", or "?" for an unreadable amount. */
export function money(cents: number | null | undefined): string {
  return cents === null || cents === undefined || !Number.isFinite(cents) ? '?' : formatMoney(cents);
}

/** "53.4%" of a whole, or "" when the whole is 0. */
export function percentOf(part: number, whole: number): string {
  return whole === 0 ? '' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** An LSP range as the compact `data-reveal` value the webview script posts back: "line,char,endLine,endChar". */
export function revealAttr(r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${r.start.line},${r.start.character},${r.end.line},${r.end.character}`;
}

/** A column of a sortable table: its title and how its cells compare. */
export interface SortColumn {
  readonly title: string;
  readonly type: 'text' | 'number';
  /** Right-align (numbers). */
  readonly numeric?: boolean;
}

/**
 * The header row of a sortable table: each title is a button (focusable, Enter/Space sort), and
 * `aria-sort` on the header cell tells screen readers the current order.
 */
export function sortableHead(columns: readonly SortColumn[]): string {
  return `<thead><tr>${columns.map((c, i) => `<th scope="col"${c.numeric ? ' class="num"' : ''} aria-sort="none"><button type="button" class="sort" data-sort-col="${i}" data-sort-type="${c.type}">${esc(c.title)}<span class="arrow" aria-hidden="true"></span></button></th>`).join('')}</tr></thead>`;
}

/** A table cell with the raw value the sort compares (`data-value`). */
export function cell(text: string, value: string | number | null | undefined, numeric = false, extra = ''): string {
  return `<td${numeric ? ' class="num"' : ''} data-value="${esc(value ?? '')}"${extra}>${text}</td>`;
}
