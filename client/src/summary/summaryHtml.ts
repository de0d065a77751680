import type { BalanceCheck, ClaimRow, PaymentSummary, ReasonRow, RemittanceSummary, WorkItem } from '../../../server/src/report/types';
import { horizontalBars, type Bar } from './charts';
import { cell, esc, money, percentOf, revealAttr, sortableHead } from './html';

/**
 * The summary webview's content, rendered from the server's RemittanceSummary. Pure string building
 * (no vscode import) so it is unit-tested; everything from the file is escaped.
 *
 * Hooks for tests (stable): `#era-summary` (root, `data-claims`, `data-to-work`), `[data-total=KEY]`
 * cells with `data-cents` (KEY: charged, paid, contractual, sequestration, patientResponsibility, denied,
 * other, providerAdjustments, payments, toWork), `[data-flow=KEY]` bars, `[data-balance=CODE]` with
 * `data-status` ok|problems, `[data-payment=KEY]` per payment (amount, method, date, trace, payer, payee),
 * `#reasons`, `#worklist` (`tr[data-claim]`), `#claims` tables, and `[data-reveal]` buttons.
 */
export function summaryBody(s: RemittanceSummary, fileName: string): string {
  return `<main id="era-summary" data-claims="${s.claimCount}" data-to-work="${s.toWork}" aria-labelledby="summary-title">
<header class="top">
  <h1 id="summary-title">Remittance summary <span class="file">${esc(fileName)}</span></h1>
  <p class="muted">${s.transactions.length} payment${plural(s.transactions.length)} · ${s.claimCount} claim${plural(s.claimCount)} · ${s.toWork} adjustment${plural(s.toWork)} to work</p>
</header>
${s.transactions.length ? s.transactions.map(paymentSection).join('\n') : '<p>No 835 transaction set in this file.</p>'}
<div class="columns">
${totalsSection(s)}
${flowSection(s)}
</div>
${worklistSection(s)}
${reasonsSection(s.byReason)}
${balanceSection(s.balance)}
${sequestrationSection(s)}
${claimsSection(s)}
</main>`;
}

const plural = (n: number) => (n === 1 ? '' : 's');

function revealButton(range: WorkItem['range'] | undefined, text: string, label: string): string {
  return range
    ? `<button type="button" class="link" data-reveal="${revealAttr(range)}" aria-label="${esc(label)}">${esc(text)}</button>`
    : '';
}

function party(p: PaymentSummary['payer']): string {
  return `${esc(p.name || '(no name)')}${p.id ? ` <span class="muted">${esc([p.idQualifier, p.id].filter(Boolean).join(' '))}</span>` : ''}`;
}

function paymentSection(tx: PaymentSummary): string {
  const status = tx.claimsByStatus
    .map((c) => `${c.count} × <abbr title="${esc(c.text)}">${esc(c.status)}</abbr> ${esc(c.text.toLowerCase())}`)
    .join('; ');
  const balance =
    tx.differenceCents === 0
      ? `<span class="ok">✓ Σ CLP04 − Σ PLB = ${esc(money(tx.expectedCents))}</span>`
      : `<span class="warn">⚠ Σ CLP04 − Σ PLB = ${esc(money(tx.expectedCents))}: differs by ${esc(money(tx.differenceCents))}</span>`;
  const id = `payment-${tx.index}`;
  return `<section class="payment" aria-labelledby="${id}">
<h2 id="${id}">Payment ${tx.index}${tx.controlNumber ? ` <span class="muted">ST02 ${esc(tx.controlNumber)}</span>` : ''} ${revealButton(tx.range, 'show BPR', `Show the BPR segment of payment ${tx.index} in the file`)}</h2>
<table class="kv">
<caption class="sr-only">Payment ${tx.index}</caption>
<tbody>
<tr><th scope="row">Amount (BPR02)</th><td data-payment="amount" data-cents="${tx.amountCents ?? ''}" class="big">${esc(money(tx.amountCents))}${tx.creditDebit === 'D' ? ' <span class="muted">debit</span>' : ''}</td></tr>
<tr><th scope="row">Method (BPR04)</th><td data-payment="method">${esc(tx.method || '—')}${tx.methodText ? ` <span class="muted">${esc(tx.methodText)}</span>` : ''}</td></tr>
<tr><th scope="row">Date (BPR16)</th><td data-payment="date">${esc(tx.paymentDate ?? '—')}${tx.productionDate ? ` <span class="muted">produced ${esc(tx.productionDate)}</span>` : ''}</td></tr>
<tr><th scope="row">Trace number (TRN02)</th><td data-payment="trace"><code>${esc(tx.traceNumber || '—')}</code></td></tr>
<tr><th scope="row">Payer</th><td data-payment="payer">${party(tx.payer)}</td></tr>
<tr><th scope="row">Payee</th><td data-payment="payee">${party(tx.payee)}</td></tr>
<tr><th scope="row">Claims</th><td data-payment="claims" data-count="${tx.claims}">${tx.claims}${status ? ` <span class="muted">(${status})</span>` : ''}</td></tr>
<tr><th scope="row">Balance</th><td data-payment="balance" data-cents="${tx.differenceCents ?? ''}">${balance}</td></tr>
</tbody></table>
</section>`;
}

function totalsSection(s: RemittanceSummary): string {
  const t = s.totals;
  const row = (key: string, label: string, cents: number, note = '') =>
    `<tr><th scope="row">${esc(label)}</th><td class="num" data-total="${key}" data-cents="${cents}">${esc(money(cents))}</td><td class="num muted">${note}</td></tr>`;
  const share = (c: number) => esc(percentOf(c, t.charged));
  return `<section aria-labelledby="totals-title">
<h2 id="totals-title">Totals by class</h2>
<table class="totals">
<caption class="sr-only">Money by class, in dollars, with the share of the charges</caption>
<thead><tr><th scope="col">Class</th><th scope="col" class="num">Amount</th><th scope="col" class="num">Of charges</th></tr></thead>
<tbody>
${row('charged', 'Charged', t.charged)}
${row('paid', 'Paid', t.paid, share(t.paid))}
${row('contractual', 'Contractual', t.contractual, share(t.contractual))}
${row('sequestration', 'Sequestration', t.sequestration, share(t.sequestration))}
${row('patientResponsibility', 'Patient responsibility', t.patientResponsibility, share(t.patientResponsibility))}
${row('denied', 'Needs work', t.denied, share(t.denied))}
${row('recoverable', 'Recoverable adjustments (whole amounts)', t.recoverable, share(t.recoverable))}
${row('other', 'Other adjustments', t.other, share(t.other))}
${row('providerAdjustments', 'Provider adjustments (PLB)', t.providerAdjustments)}
${row('payments', 'Payments (Σ BPR02)', t.payments)}
<tr><th scope="row">Adjustments to work</th><td class="num" data-total="toWork" data-count="${s.toWork}" data-cents="${s.toWorkCents}">${s.toWork}</td><td class="num muted">${esc(money(s.toWorkCents))}</td></tr>
<tr><th scope="row">To recover (ask the payer for this)</th><td class="num" data-total="toRecover" data-cents="${s.toRecoverCents}">${esc(money(s.toRecoverCents))}</td><td></td></tr>
</tbody></table>
</section>`;
}

const FLOW: ReadonlyArray<{ key: keyof RemittanceSummary['moneyFlow']; label: string; cls: string }> = [
  { key: 'paid', label: 'Paid', cls: 'bar-paid' },
  { key: 'contractual', label: 'Contractual', cls: 'bar-contractual' },
  { key: 'sequestration', label: 'Sequestration', cls: 'bar-seq' },
  { key: 'patient', label: 'Patient responsibility', cls: 'bar-patient' },
  { key: 'denied', label: 'Needs work', cls: 'bar-denied' },
  { key: 'recoverable', label: 'Recoverable adjustments', cls: 'bar-recoverable' },
  { key: 'other', label: 'Other', cls: 'bar-other' },
  { key: 'unexplained', label: 'Does not balance', cls: 'bar-unexplained' },
];

function flowSection(s: RemittanceSummary): string {
  const f = s.moneyFlow;
  const bars: Bar[] = FLOW.filter((x) => x.key !== 'unexplained' || f.unexplained !== 0).map((x) => ({
    label: x.label,
    cents: f[x.key],
    cls: x.cls,
  }));
  const flowAttrs = bars
    .map((b) => `<li data-flow="${esc(b.cls.slice(4))}" data-cents="${b.cents}">${esc(b.label)}: ${esc(money(b.cents))}</li>`)
    .join('');
  return `<section aria-labelledby="flow-title">
<h2 id="flow-title">Where the charged ${esc(money(f.charged))} went</h2>
${horizontalBars('flow-chart', `Where the charged ${money(f.charged)} went`, bars, f.charged)}
<ul class="sr-only">${flowAttrs}</ul>
</section>`;
}

function worklistSection(s: RemittanceSummary): string {
  const head = `<h2 id="worklist-title">Worklist <span class="count">${s.toWork}</span></h2>`;
  if (!s.worklist.length) {
    return `<section aria-labelledby="worklist-title">${head}<p class="ok">Nothing to work on: no denial and no misplaced sequestration in this file.</p></section>`;
  }
  const more = s.worklist.length < s.toWork ? `<p class="muted">Showing the first ${s.worklist.length} of ${s.toWork}.</p>` : '';
  const rows = s.worklist
    .map(
      (w, i) => `<tr data-claim="${esc(w.claimId)}" data-code="${esc(`${w.group}-${w.reason}`)}">
${cell(esc(w.claimId) + (w.reversal ? ' <span class="muted">(reversal)</span>' : ''), w.claimId)}
${cell(esc(w.patient), w.patient)}
${cell(`<code>${esc(w.group)}-${esc(w.reason)}</code>`, `${w.group}-${w.reason}`)}
${cell(esc(money(w.cents)), w.cents, true)}
${cell(esc(w.explanation), w.explanation)}
${cell(esc(w.action), w.action)}
${cell(revealButton(w.range, `line ${w.range.start.line + 1}`, `Show ${w.group}-${w.reason} of claim ${w.claimId} in the file (line ${w.range.start.line + 1})`), i, true)}
</tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="worklist-title">${head}
<table class="sortable" id="worklist">
<caption>Adjustments that need work: ${s.toWork}, ${esc(money(s.toWorkCents))}. Select a column header to sort; select a line to show it in the file.</caption>
${sortableHead([
  { title: 'Claim', type: 'text' },
  { title: 'Patient', type: 'text' },
  { title: 'Code', type: 'text' },
  { title: 'Amount', type: 'number', numeric: true },
  { title: 'Why', type: 'text' },
  { title: 'What to do', type: 'text' },
  { title: 'Where', type: 'number', numeric: true },
])}
<tbody>${rows}</tbody></table>${more}
</section>`;
}

function reasonsSection(rows: readonly ReasonRow[]): string {
  const body = rows
    .map(
      (r) => `<tr data-code="${esc(r.key)}" class="${r.actionable ? 'attention' : ''}">
${cell(`<code>${esc(r.key)}</code>`, r.key)}
${cell(String(r.count), r.count, true)}
${cell(esc(money(r.cents)), r.cents, true)}
${cell(esc(classLabel(r)), classLabel(r))}
${cell(esc(r.category ?? 'unknown'), r.category ?? '')}
${cell(esc(r.text || r.why) + (r.text && r.why ? `<div class="muted">${esc(r.why)}</div>` : ''), r.text || r.why)}
</tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="reasons-title">
<h2 id="reasons-title">Adjustments by group and reason</h2>
${
  rows.length
    ? `<table class="sortable" id="reasons">
<caption>Adjustments by group and reason code, with count and amount. Select a column header to sort.</caption>
${sortableHead([
  { title: 'Code', type: 'text' },
  { title: 'Count', type: 'number', numeric: true },
  { title: 'Amount', type: 'number', numeric: true },
  { title: 'Class', type: 'text' },
  { title: 'Category', type: 'text' },
  { title: 'Our explanation', type: 'text' },
])}
<tbody>${body}</tbody></table>`
    : '<p class="muted">No adjustments (CAS) in this file.</p>'
}
</section>`;
}

function classLabel(r: ReasonRow): string {
  const names: Record<ReasonRow['cls'], string> = {
    sequestration: 'sequestration',
    contractual: 'contractual',
    patientResponsibility: 'patient',
    needsWork: 'needs work',
    recoverable: 'recoverable',
    other: 'other',
  };
  return r.actionable && r.cls !== 'needsWork' ? `${names[r.cls]}, needs work` : names[r.cls];
}

function balanceSection(checks: readonly BalanceCheck[]): string {
  const rows = checks
    .map((b) => {
      const status =
        b.status === 'ok'
          ? '<span class="ok">✓ OK</span>'
          : `<span class="warn">⚠ ${b.findings} place${plural(b.findings)} do${b.findings === 1 ? 'es' : ''} not add up</span>${b.off ? ' <span class="muted">(diagnostic turned off)</span>' : ''}`;
      const items = b.items.length
        ? `<ul class="findings">${b.items.map((it) => `<li>${revealButton(it.range, `line ${it.range.start.line + 1}`, `Show this ${b.code} problem in the file`)} ${esc(it.message)}</li>`).join('')}</ul>`
        : '';
      return `<tr data-balance="${esc(b.code)}" data-status="${b.status}" data-findings="${b.findings}"><th scope="row"><code>${esc(b.code)}</code><div class="muted">${esc(b.label)}</div></th><td>${status}${items}</td></tr>`;
    })
    .join('\n');
  return `<section aria-labelledby="balance-title">
<h2 id="balance-title">Balancing</h2>
<table class="balance"><caption class="sr-only">Each balancing rule and whether the file satisfies it</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

function sequestrationSection(s: RemittanceSummary): string {
  const q = s.sequestration;
  if (q.co253Cents === 0 && q.medicarePaidCents === 0) return '';
  const share = q.share === null ? '' : `<span data-seq="share" data-share="${q.share}" hidden></span>`;
  const notes = q.notes
    .map((n) => `<p class="${n.tone === 'info' ? '' : n.tone}">${n.tone === 'warn' ? '⚠ ' : n.tone === 'ok' ? '✓ ' : ''}${esc(n.text)}</p>`)
    .join('\n');
  return `<section aria-labelledby="seq-title">
<h2 id="seq-title">Medicare sequestration</h2>
<span data-seq="medicarePaid" data-cents="${q.medicarePaidCents}" hidden></span><span data-seq="co253" data-cents="${q.medicareCo253Cents}" hidden></span>${share}
${notes}
<span data-seq="deviating" data-count="${q.deviating}" hidden></span>
</section>`;
}

function claimsSection(s: RemittanceSummary): string {
  if (!s.claims.length) return '';
  const more = s.claims.length < s.claimCount ? `<p class="muted">Showing the first ${s.claims.length} of ${s.claimCount} claims.</p>` : '';
  const rows = s.claims
    .map(
      (c: ClaimRow, i) => `<tr data-claim="${esc(c.id)}">
${cell(esc(c.id), c.id)}
${cell(esc(c.patient), c.patient)}
${cell(`<abbr title="${esc(c.statusText)}">${esc(c.status)}</abbr>`, c.status)}
${cell(esc(c.filingIndicator), c.filingIndicator)}
${cell(esc(money(c.chargedCents)), c.chargedCents, true)}
${cell(esc(money(c.paidCents)), c.paidCents, true)}
${cell(esc(money(c.patientCents)), c.patientCents, true)}
${cell(c.toWork ? `<span class="warn">${c.toWork}</span>` : '0', c.toWork, true)}
${cell(revealButton(c.range, `line ${c.range.start.line + 1}`, `Show claim ${c.id} in the file`), i, true)}
</tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="claims-title">
<h2 id="claims-title">Claims</h2>
<table class="sortable" id="claims">
<caption>Every claim with its status, charge, payment and patient share. Select a column header to sort.</caption>
${sortableHead([
  { title: 'Claim', type: 'text' },
  { title: 'Patient', type: 'text' },
  { title: 'Status', type: 'text' },
  { title: 'Plan', type: 'text' },
  { title: 'Charged', type: 'number', numeric: true },
  { title: 'Paid', type: 'number', numeric: true },
  { title: 'Patient', type: 'number', numeric: true },
  { title: 'To work', type: 'number', numeric: true },
  { title: 'Where', type: 'number', numeric: true },
])}
<tbody>${rows}</tbody></table>${more}
</section>`;
}
