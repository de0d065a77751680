import type { ImpactRow } from '../../../server/src/lsp/protocol';
import { sharePercent, UNKNOWN_MONTH } from '../../../server/src/report/impactFormat';
import { verticalBars } from './charts';
import { cell, esc, money, sortableHead } from './html';

/** What the workspace scan found, as the impact webview shows it. */
export interface ImpactView {
  readonly months: readonly ImpactRow[];
  readonly payers: readonly ImpactRow[];
  readonly total: ImpactRow;
  /** Files scanned / found (they differ when the scan was cancelled). */
  readonly scanned: number;
  readonly found: number;
  readonly problems: readonly string[];
}

/**
 * The sequestration impact webview: a bar chart of CO-253 by month of payment, the month table, the
 * payer table, and buttons that export either table as CSV. Pure string building, escaped.
 * Test hooks: `#era-impact` (`data-files`), tables `#impact-months` / `#impact-payers` with rows
 * `tr[data-key]`, total cells `[data-impact-total=KEY]` with `data-cents`.
 */
export function impactBody(v: ImpactView): string {
  const partial =
    v.scanned < v.found
      ? `<p class="warn">⚠ Cancelled: ${v.scanned} of ${v.found} files were scanned; the numbers cover those only.</p>`
      : '';
  const problems = v.problems.length
    ? `<details><summary class="warn">${v.problems.length} file(s) could not be read</summary><ul>${v.problems
        .slice(0, 50)
        .map((p) => `<li>${esc(p)}</li>`)
        .join('')}</ul></details>`
    : '';
  const t = v.total;
  const chartMonths = v.months.filter((m) => m.key !== UNKNOWN_MONTH);
  return `<main id="era-impact" data-files="${v.scanned}" aria-labelledby="impact-title">
<header class="top">
  <h1 id="impact-title">Sequestration impact <span class="file">${v.scanned} file${v.scanned === 1 ? '' : 's'}</span></h1>
  <p class="muted">Medicare fee-for-service claims (CLP06 MA/MB): CO-253 as a share of the payment before the cut (paid + CO-253).
  Lines off the expected rate are co253-amount findings.</p>
</header>
${partial}${problems}
<p>
  <button type="button" class="action" data-command="exportCsv" data-arg="month">Export months as CSV…</button>
  <button type="button" class="action" data-command="exportCsv" data-arg="payer">Export payers as CSV…</button>
  <button type="button" class="link" data-command="rescan">Scan again</button>
</p>
<p>In total: Medicare paid <span data-impact-total="medicarePaid" data-cents="${t.medicarePaidCents}">${esc(money(t.medicarePaidCents))}</span>,
CO-253 <span data-impact-total="co253" data-cents="${t.co253Cents}">${esc(money(t.co253Cents))}</span>${t.share === null ? '' : ` (<span data-impact-total="share">${esc(sharePercent(t.share))}%</span> on Medicare)`},
<span data-impact-total="deviating" data-count="${t.deviating}">${t.deviating}</span> line${t.deviating === 1 ? '' : 's'} off the expected rate.</p>
${
  chartMonths.length
    ? `<section aria-labelledby="chart-title"><h2 id="chart-title">CO-253 by month of payment</h2>${verticalBars(
        'impact-chart',
        'CO-253 by month of payment',
        chartMonths.map((m) => ({ label: m.label, cents: m.co253Cents })),
      )}</section>`
    : ''
}
${table('impact-months', 'By month of payment', 'Month', v.months, t)}
${table('impact-payers', 'By payer', 'Payer', v.payers, t)}
</main>`;
}

function table(id: string, title: string, first: string, rows: readonly ImpactRow[], total: ImpactRow): string {
  const line = (r: ImpactRow, tag = 'td') => `<tr data-key="${esc(r.key)}">
${tag === 'th' ? `<th scope="row">${esc(r.label)}</th>` : cell(esc(r.label), r.label)}
${cell(String(r.files), r.files, true)}
${cell(String(r.claims), r.claims, true)}
${cell(esc(money(r.paidCents)), r.paidCents, true, ` data-cents="${r.paidCents}"`)}
${cell(esc(money(r.medicarePaidCents)), r.medicarePaidCents, true, ` data-cents="${r.medicarePaidCents}"`)}
${cell(esc(money(r.co253Cents)), r.co253Cents, true, ` data-cents="${r.co253Cents}"`)}
${cell(r.share === null ? '' : `${esc(sharePercent(r.share))}%`, r.share ?? -1, true)}
${cell(r.deviating ? `<span class="warn">${r.deviating}</span>` : '0', r.deviating, true)}
${cell(esc(money(r.deviationCents)), r.deviationCents, true)}
</tr>`;
  return `<section aria-labelledby="${id}-title">
<h2 id="${id}-title">${esc(title)}</h2>
${
  rows.length
    ? `<table class="sortable" id="${id}">
<caption>${esc(title)}: claims, payments and CO-253. Select a column header to sort.</caption>
${sortableHead([
  { title: first, type: 'text' },
  { title: 'Files', type: 'number', numeric: true },
  { title: 'Claims', type: 'number', numeric: true },
  { title: 'Paid', type: 'number', numeric: true },
  { title: 'Medicare paid', type: 'number', numeric: true },
  { title: 'CO-253', type: 'number', numeric: true },
  { title: 'Share', type: 'number', numeric: true },
  { title: 'Off-rate lines', type: 'number', numeric: true },
  { title: 'Deviation', type: 'number', numeric: true },
])}
<tbody>${rows.map((r) => line(r)).join('\n')}</tbody>
<tfoot>${line(total, 'th')}</tfoot></table>`
    : '<p class="muted">No 835 payments found.</p>'
}
</section>`;
}
