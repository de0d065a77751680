import type { Analysis } from '../../analysis';
import { CARC } from '../../codes/carc';
import { groupCode, paymentMethod } from '../../codes/lists';
import { RARC } from '../../codes/rarc';
import type { Remark, Transaction } from '../../x835/types';
import { formatDate, formatMoney } from '../../x835/values';
import { procedureText } from '../describe';
import { paymentFacts, visitTransaction, type AdjustmentFacts, type ClaimFacts, type LineFacts, type MoneySums } from '../tables/facts';
import { VERDICT_CLASSES, type VerdictClass } from '../tables/verdict';
import { esc } from './escape';
import { REPORT_CSS } from './reportCss';

/**
 * The printable remittance: one self-contained HTML page in the manner of a claim-detail remittance
 * advice. Per payment the header (payer, payee, amount, method, date, trace), then per claim its lines,
 * each adjustment with its reason in words and its verdict, the remark codes, the waterfall from charged
 * to paid, and the payment's totals and provider adjustments (PLB).
 *
 * Safe to open anywhere: no script, no external resource (one inline style sheet; a Content-Security-
 * Policy forbids everything else), every value from the file escaped. Print CSS for paper and PDF.
 */
export function remittanceReportHtml(a: Analysis, file: string): string {
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Remittance ${esc(file)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    `<header class="doc"><h1>Remittance advice</h1><p class="file">${esc(file)}</p></header>`,
  );
  const txs = a.model.transactions.filter((tx) => tx.setId === '835');
  if (!txs.length) out.push('<p class="empty">No 835 payment could be read from this file.</p>');
  for (const tx of txs) paymentSection(a, file, tx, out);
  out.push(
    "<footer><p>Amounts in US dollars. Allowed amounts marked <sup>c</sup> are computed (charge minus the contractual and needs-work adjustments); the others are the payer's AMT*B6. Adjustment reasons and remarks in our own words; the verdict says whether anyone should work on an adjustment. Made by the X12 835 ERA Inspector.</p></footer>",
  );
  out.push('</body></html>\n');
  return out.join('\n');
}

interface ClaimBlock {
  readonly facts: ClaimFacts;
  readonly lines: LineFacts[];
  /** Claim-level triplets. */
  readonly claimAdjustments: AdjustmentFacts[];
  /** Triplets per line, by line number - 1. */
  readonly lineAdjustments: AdjustmentFacts[][];
}

function paymentSection(a: Analysis, file: string, tx: Transaction, out: string[]): void {
  const payment = paymentFacts(file, tx);
  const blocks: ClaimBlock[] = [];
  visitTransaction(a, payment, {
    claim: (f) => blocks.push({ facts: f, lines: [], claimAdjustments: [], lineAdjustments: [] }),
    line: (f) => {
      const b = blocks[blocks.length - 1];
      b.lines.push(f);
      b.lineAdjustments.push([]);
    },
    adjustment: (f) => {
      const b = blocks[blocks.length - 1];
      if (f.line) b.lineAdjustments[f.line.number - 1].push(f);
      else b.claimAdjustments.push(f);
    },
  });
  const pay = tx.payment;
  const method = pay
    ? `${pay.method}${paymentMethod.entries.get(pay.method)?.text ? ` (${paymentMethod.entries.get(pay.method)!.text})` : ''}`
    : '';
  out.push('<section class="payment">');
  out.push(`<h2>Payment ${esc(tx.trace?.number || tx.controlNumber)}</h2>`);
  out.push('<table class="facts"><tbody>');
  factRow(out, [
    ['Payer', `${payment.payer}${payment.payerId ? ` (id ${payment.payerId})` : ''}`],
    ['Payee', `${payment.payee}${payment.payeeNpi ? ` (NPI ${payment.payeeNpi})` : ''}`],
  ]);
  factRow(out, [
    ['Amount', pay ? `${money(pay.amount)}${pay.creditDebit === 'D' ? ' debit' : ''}` : '—'],
    ['Method', method || '—'],
  ]);
  factRow(out, [
    ['Payment date', payment.paymentDate || '—'],
    ['Trace number (TRN02)', tx.trace?.number || '—'],
  ]);
  factRow(out, [
    ['Produced (DTM*405)', payment.productionDate || '—'],
    ['Claims', String(tx.claims.length)],
  ]);
  out.push('</tbody></table>');
  for (const b of blocks) claimSection(b, out);
  plbSection(tx, out);
  totalsSection(blocks, tx, out);
  out.push('</section>');
}

function factRow(out: string[], pairs: ReadonlyArray<readonly [string, string]>): void {
  out.push(`<tr>${pairs.map(([k, v]) => `<th scope="row">${esc(k)}</th><td>${esc(v)}</td>`).join('')}</tr>`);
}

function claimSection(b: ClaimBlock, out: string[]): void {
  const f = b.facts;
  const c = f.claim;
  const marks = [
    f.sums.toWork ? `<span class="mark work">${f.sums.toWork} to work</span>` : '',
    f.sums.recoverable ? `<span class="mark recover">${esc(money(f.sums.recoverable))} to recover</span>` : '',
    c.status.trim() === '22' ? '<span class="mark reversal">reversal</span>' : '',
  ].join('');
  out.push('<article class="claim">');
  out.push(`<h3>${esc(f.patient || '(no patient name)')} <span class="id">claim ${esc(c.id)}</span>${marks}</h3>`);
  out.push('<table class="facts"><tbody>');
  factRow(out, [
    ['Status', `${c.status.trim()}${f.statusText ? `: ${f.statusText}` : ''}`],
    ['Payer claim number (CLP07)', c.payerControlNumber || '—'],
  ]);
  factRow(out, [
    ['Member id', f.subscriberId || '—'],
    ['Filing indicator (CLP06)', c.filingIndicator.trim() || '—'],
  ]);
  factRow(out, [
    ['Service dates', [f.serviceFrom, f.serviceTo].filter(Boolean).join(' to ') || '—'],
    ['Rendering NPI', f.renderingNpi || '—'],
  ]);
  out.push('</tbody></table>');

  if (b.lines.length) {
    out.push(
      '<table class="lines"><thead><tr><th>#</th><th>Service date</th><th>Procedure</th><th class="num">Charged</th><th class="num">Allowed</th><th class="num">Deductible</th><th class="num">Coins.</th><th class="num">Copay</th><th class="num">Paid</th><th>Remarks</th></tr></thead><tbody>',
    );
    for (const l of b.lines) {
      out.push(
        `<tr><td>${l.number}</td><td>${esc(l.serviceFrom)}</td><td>${esc(procedureText(l.line.procedure))}${l.line.controlNumber ? `<br><span class="small">6R ${esc(l.line.controlNumber)}</span>` : ''}</td>` +
          `<td class="num">${esc(money(l.line.charge))}</td><td class="num">${esc(money(l.allowed))}${l.allowedSource === 'computed' ? '<sup>c</sup>' : ''}</td>` +
          `<td class="num">${esc(money(l.sums.deductible))}</td><td class="num">${esc(money(l.sums.coinsurance))}</td><td class="num">${esc(money(l.sums.copay))}</td>` +
          `<td class="num">${esc(money(l.line.paid))}</td><td>${esc(l.remarks)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  const adjustments = [...b.claimAdjustments, ...b.lineAdjustments.flat()];
  if (adjustments.length) {
    out.push(
      '<table class="adjustments"><thead><tr><th>Line</th><th>Adjustment</th><th>Reason</th><th class="num">Amount</th><th>Verdict</th></tr></thead><tbody>',
    );
    for (const x of adjustments) {
      const group = x.adj.group.trim().toUpperCase();
      const reason = x.adj.reason.trim().toUpperCase();
      const groupName = groupCode.entries.get(group)?.text.split(':')[0] ?? group;
      out.push(
        `<tr class="${x.verdict.actionable ? 'work' : ''}"><td>${x.line ? x.line.number : 'claim'}</td><td><b>${esc(`${group}-${reason}`)}</b><br><span class="small">${esc(groupName)}</span></td>` +
          `<td>${esc(CARC.entries.get(reason)?.text ?? 'A reason code our list does not hold')}</td><td class="num">${esc(money(x.adj.amount))}</td>` +
          `<td><span class="cls ${x.verdict.cls}">${esc(CLASS_WORDS[x.verdict.cls])}</span>${x.verdict.actionable && x.verdict.cls !== 'needs_work' ? ' · <b>needs work</b>' : ''}${x.verdict.recoverable > 0 ? ` · <b>${esc(money(x.verdict.recoverable))} to recover</b>` : ''}<br><span class="small">${esc(x.verdict.action)}</span></td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  const remarks = uniqueRemarks([...c.remarks, ...b.lines.flatMap((l) => l.line.remarks)]);
  if (remarks.length) {
    out.push('<dl class="remarks">');
    for (const r of remarks)
      out.push(`<dt>${esc(r)}</dt><dd>${esc(RARC.entries.get(r)?.text ?? 'A remark code our list does not hold')}</dd>`);
    out.push('</dl>');
  }
  waterfall(c.charge, c.paid, f.sums, out);
  out.push('</article>');
}

const CLASS_WORDS: Record<VerdictClass, string> = {
  contractual: 'Contractual',
  sequestration: 'Sequestration',
  patient: 'Patient responsibility',
  needs_work: 'Needs work',
  recoverable: 'Recoverable adjustments',
  other: 'Other',
};

/** Charged, minus each class, equals paid; a gap the adjustments do not explain is shown, never hidden. */
function waterfall(charged: number, paid: number, sums: MoneySums, out: string[]): void {
  out.push('<table class="waterfall"><tbody>');
  out.push(`<tr><th scope="row">Charged</th><td class="num">${esc(money(charged))}</td></tr>`);
  let running = charged;
  for (const cls of VERDICT_CLASSES) {
    const cents = sums.byClass[cls];
    running -= cents;
    if (cents !== 0) out.push(`<tr><th scope="row">− ${esc(CLASS_WORDS[cls])}</th><td class="num">${esc(money(-cents))}</td></tr>`);
  }
  out.push(`<tr class="total"><th scope="row">= Paid</th><td class="num">${esc(money(paid))}</td></tr>`);
  const gap = running - paid;
  if (Number.isFinite(gap) && gap !== 0)
    out.push(`<tr class="gap"><th scope="row">Not explained by the adjustments</th><td class="num">${esc(money(gap))}</td></tr>`);
  out.push('</tbody></table>');
}

function plbSection(tx: Transaction, out: string[]): void {
  if (!tx.providerAdjustments.length) return;
  out.push(
    '<h3>Provider adjustments (PLB)</h3><table class="plb"><thead><tr><th>Provider</th><th>Fiscal date</th><th>Reason</th><th>Reference</th><th class="num">Amount withheld</th></tr></thead><tbody>',
  );
  for (const p of tx.providerAdjustments) {
    out.push(
      `<tr><td>${esc(p.providerId)}</td><td>${esc(p.fiscalDate !== undefined ? formatDate(p.fiscalDate) : '')}</td><td>${esc(p.reason)}</td><td>${esc(p.reference)}</td><td class="num">${esc(money(p.amount))}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
}

function totalsSection(blocks: readonly ClaimBlock[], tx: Transaction, out: string[]): void {
  let charged = 0;
  let paid = 0;
  const byClass = Object.fromEntries(VERDICT_CLASSES.map((c) => [c, 0])) as Record<VerdictClass, number>;
  let toRecover = 0;
  for (const b of blocks) {
    for (const x of [...b.claimAdjustments, ...b.lineAdjustments.flat()]) toRecover += x.verdict.recoverable;
    if (Number.isFinite(b.facts.claim.charge)) charged += b.facts.claim.charge;
    if (Number.isFinite(b.facts.claim.paid)) paid += b.facts.claim.paid;
    for (const c of VERDICT_CLASSES) byClass[c] += b.facts.sums.byClass[c];
  }
  let plb = 0;
  for (const p of tx.providerAdjustments) if (Number.isFinite(p.amount)) plb += p.amount;
  out.push('<h3>Payment totals</h3><table class="totals"><tbody>');
  out.push(`<tr><th scope="row">Claims charged</th><td class="num">${esc(money(charged))}</td></tr>`);
  for (const c of VERDICT_CLASSES)
    out.push(`<tr><th scope="row">${esc(CLASS_WORDS[c])}</th><td class="num">${esc(money(byClass[c]))}</td></tr>`);
  // The class total is the whole adjustments; what to ask the payer for is the verdicts' recoverable part.
  if (toRecover) out.push(`<tr><th scope="row">To recover (ask the payer for this)</th><td class="num">${esc(money(toRecover))}</td></tr>`);
  out.push(`<tr><th scope="row">Claims paid</th><td class="num">${esc(money(paid))}</td></tr>`);
  out.push(`<tr><th scope="row">Provider adjustments (PLB)</th><td class="num">${esc(money(-plb))}</td></tr>`);
  out.push(`<tr class="total"><th scope="row">Payment (BPR02)</th><td class="num">${esc(money(tx.payment?.amount ?? NaN))}</td></tr>`);
  out.push('</tbody></table>');
}

function uniqueRemarks(remarks: readonly Remark[]): string[] {
  return [...new Set(remarks.map((r) => r.code.trim()).filter(Boolean))];
}

const money = (cents: number): string => (Number.isFinite(cents) ? formatMoney(cents) : '?');
