import { esc, money, percentOf } from './html';

/**
 * Small bar charts as inline SVG: no library, no remote content, no inline styles (the CSP forbids them),
 * colours from CSS classes that use the theme's chart colours. Each chart is an image with a title and a
 * description that says every number, and the same numbers are in a table next to it for screen readers.
 */

export interface Bar {
  readonly label: string;
  readonly cents: number;
  /** CSS class that picks the colour (bar-paid, bar-contractual...). */
  readonly cls: string;
}

const ROW = 22;
const LABEL_W = 190;
const BAR_W = 320;
const VALUE_W = 150;

/** One horizontal bar per part, scaled to `whole` (the charged amount). */
export function horizontalBars(id: string, title: string, bars: readonly Bar[], whole: number): string {
  const max = Math.max(whole, ...bars.map((b) => Math.abs(b.cents)), 1);
  const height = bars.length * ROW + 4;
  const width = LABEL_W + BAR_W + VALUE_W;
  const desc = bars.map((b) => `${b.label}: ${money(b.cents)}${whole ? ` (${percentOf(b.cents, whole)})` : ''}`).join('; ');
  const rows = bars
    .map((b, i) => {
      const y = i * ROW + 2;
      const w = b.cents <= 0 ? 0 : Math.max(1, Math.round((b.cents / max) * BAR_W));
      return (
        `<g class="${esc(b.cls)}" data-bar="${esc(b.cls)}" data-cents="${b.cents}">` +
        `<text class="chart-label" x="0" y="${y + 15}">${esc(b.label)}</text>` +
        `<rect x="${LABEL_W}" y="${y + 3}" width="${w}" height="${ROW - 8}" rx="2"></rect>` +
        `<text class="chart-value" x="${LABEL_W + w + 6}" y="${y + 15}">${esc(money(b.cents))}${whole ? ` · ${esc(percentOf(b.cents, whole))}` : ''}</text></g>`
      );
    })
    .join('');
  return (
    `<svg class="chart" id="${esc(id)}" role="img" aria-labelledby="${esc(id)}-title ${esc(id)}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="${esc(id)}-title">${esc(title)}</title><desc id="${esc(id)}-desc">${esc(desc)}</desc>${rows}</svg>`
  );
}

/** Vertical bars (one per month), e.g. CO-253 by month of payment. */
export function verticalBars(id: string, title: string, bars: ReadonlyArray<{ label: string; cents: number }>): string {
  const colW = 52;
  const chartH = 160;
  const width = Math.max(240, bars.length * colW + 10);
  const height = chartH + 40;
  const max = Math.max(1, ...bars.map((b) => b.cents));
  const desc = bars.map((b) => `${b.label}: ${money(b.cents)}`).join('; ');
  const cols = bars
    .map((b, i) => {
      const h = b.cents <= 0 ? 0 : Math.max(1, Math.round((b.cents / max) * (chartH - 20)));
      const x = i * colW + 8;
      return (
        `<g class="bar-seq" data-bar="${esc(b.label)}" data-cents="${b.cents}"><rect x="${x}" y="${chartH - h}" width="${colW - 12}" height="${h}" rx="2"><title>${esc(`${b.label}: ${money(b.cents)}`)}</title></rect>` +
        `<text class="chart-value" x="${x + (colW - 12) / 2}" y="${chartH - h - 4}" text-anchor="middle">${esc(compactMoney(b.cents))}</text>` +
        `<text class="chart-label" x="${x + (colW - 12) / 2}" y="${chartH + 16}" text-anchor="middle">${esc(b.label.slice(2))}</text></g>`
      );
    })
    .join('');
  return (
    `<svg class="chart" id="${esc(id)}" role="img" aria-labelledby="${esc(id)}-title ${esc(id)}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="${esc(id)}-title">${esc(title)}</title><desc id="${esc(id)}-desc">${esc(desc)}</desc>` +
    `<line class="axis" x1="0" y1="${chartH}" x2="${width}" y2="${chartH}"></line>${cols}</svg>`
  );
}

/** "$250", "$12.3k", "$1.2M": short enough to sit above a bar. */
export function compactMoney(cents: number): string {
  const dollars = cents / 100;
  const abs = Math.abs(dollars);
  if (abs >= 1_000_000) return `$${(dollars / 1_000_000).toFixed(1)}M`;
  if (abs >= 10_000) return `$${(dollars / 1_000).toFixed(1)}k`;
  return `$${Math.round(dollars).toLocaleString('en-US')}`;
}
