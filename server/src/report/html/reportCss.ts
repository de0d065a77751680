/**
 * The printable remittance's one style sheet, inline (no external resource): compact tables, claims that
 * do not split across pages when they fit on one, each payment on a new page when printed.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font: 10pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #111; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 16pt; margin: 0; }
h2 { font-size: 13pt; border-bottom: 2px solid #333; padding-bottom: .2rem; margin: 1.2rem 0 .5rem; }
h3 { font-size: 11pt; margin: 1rem 0 .3rem; }
.doc .file { color: #555; margin: .2rem 0 0; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0; }
th, td { text-align: left; vertical-align: top; padding: .15rem .35rem; border-bottom: 1px solid #ddd; }
thead th { background: #f0f0f0; border-bottom: 1px solid #999; font-weight: 600; }
.facts th { width: 14%; color: #444; font-weight: 600; }
.facts td { width: 36%; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.small { color: #555; font-size: 8.5pt; }
.id { font-weight: normal; color: #444; margin-left: .4rem; }
.mark { font-size: 8.5pt; font-weight: 600; border: 1px solid; border-radius: 3px; padding: 0 .3rem; margin-left: .4rem; }
.mark.work { color: #a00; }
.mark.recover { color: #850; }
.mark.reversal { color: #046; }
.claim { border: 1px solid #bbb; border-radius: 4px; padding: .3rem .6rem .5rem; margin: .7rem 0; break-inside: avoid; }
.claim h3 { margin-top: .2rem; }
tr.work td { background: #fff2f2; }
.cls { font-weight: 600; }
.cls.needs_work, .cls.recoverable { color: #a00; }
.remarks { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .6rem; margin: .3rem 0; }
.remarks dt { font-weight: 600; }
.remarks dd { margin: 0; }
.waterfall, .totals { width: auto; min-width: 18rem; }
.waterfall tr.total th, .waterfall tr.total td, .totals tr.total th, .totals tr.total td { border-top: 1.5px solid #333; font-weight: 700; }
tr.gap th, tr.gap td { color: #a00; font-weight: 700; }
footer { margin-top: 1.5rem; color: #555; font-size: 8.5pt; border-top: 1px solid #ccc; padding-top: .3rem; }
@page { size: auto; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
  .payment + .payment { break-before: page; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  tr.work td { background: none; }
  .claim { border-color: #888; }
}
`;
