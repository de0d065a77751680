import { formatMoney } from '../x835/values';
import { CLASS_WORDS } from '../x835/verdicts';
import type { RemittanceSummary } from '../report/summary';
import { textBar, textTable } from './textTable';

/** Labels of "where the charged money went", shared by the terminal and (in its own copy) the webview. */
const FLOW: ReadonlyArray<{ key: keyof RemittanceSummary['moneyFlow']; label: string }> = [
  { key: 'paid', label: 'Paid' },
  { key: 'contractual', label: 'Contractual write-off' },
  { key: 'sequestration', label: 'Sequestration (Medicare CO-253)' },
  { key: 'patient', label: 'Patient responsibility' },
  { key: 'denied', label: 'Needs work' },
  { key: 'recoverable', label: 'Recoverable adjustments' },
  { key: 'other', label: 'Other' },
  { key: 'unexplained', label: 'Unexplained (does not balance)' },
];

const money = (c: number | null) => (c === null ? '?' : formatMoney(c));
const percent = (part: number, whole: number) => (whole === 0 ? '' : `${((part / whole) * 100).toFixed(1)}%`);

/** The summary for a terminal: the same numbers as the webview, as aligned plain-text tables. */
export function summaryText(s: RemittanceSummary, file: string): string[] {
  const out: string[] = [file, '='.repeat(Math.min(file.length, 78))];
  if (!s.transactions.length) out.push('No 835 transaction set in this file.');
  for (const tx of s.transactions) {
    const how = [tx.method, tx.methodText && `(${tx.methodText})`].filter(Boolean).join(' ');
    out.push(
      '',
      `Payment ${tx.index} (ST02 ${tx.controlNumber || '?'}): ${money(tx.amountCents)}${how ? ` by ${how}` : ''}${tx.paymentDate ? ` on ${tx.paymentDate}` : ''}`,
    );
    out.push(`  Trace number (TRN02): ${tx.traceNumber || '(none)'}`);
    out.push(`  Payer: ${party(tx.payer)}`);
    out.push(`  Payee: ${party(tx.payee)}`);
    out.push(
      `  Claims: ${tx.claims}${tx.claimsByStatus.length ? ` (${tx.claimsByStatus.map((c) => `${c.count} × ${c.status}${c.text ? ` ${c.text.toLowerCase()}` : ''}`).join('; ')})` : ''}`,
    );
    out.push(
      tx.differenceCents === 0
        ? `  Balances: Σ CLP04 − Σ PLB = ${money(tx.expectedCents)} = BPR02`
        : `  Does not balance: Σ CLP04 − Σ PLB = ${money(tx.expectedCents)}, BPR02 = ${money(tx.amountCents)} (difference ${money(tx.differenceCents)})`,
    );
  }

  const t = s.totals;
  out.push('', 'Totals');
  out.push(
    ...textTable(
      [{ title: 'What' }, { title: 'Amount', align: 'right' }],
      [
        ['Charged (Σ CLP03)', money(t.charged)],
        ['Paid (Σ CLP04)', money(t.paid)],
        ['Contractual', money(t.contractual)],
        ['Sequestration (Medicare)', money(t.sequestration)],
        ['Patient responsibility', money(t.patientResponsibility)],
        ['Needs work', money(t.denied)],
        ['Recoverable adjustments (whole amounts)', money(t.recoverable)],
        ['  of which to recover', money(s.toRecoverCents)],
        ['Other adjustments', money(t.other)],
        ['Provider adjustments (PLB)', money(t.providerAdjustments)],
        ['Payments (Σ BPR02)', money(t.payments)],
      ],
    ),
  );

  const f = s.moneyFlow;
  out.push('', `Where the charged ${money(f.charged)} went`);
  out.push(
    ...textTable(
      [{ title: 'Part' }, { title: 'Amount', align: 'right' }, { title: 'Share', align: 'right' }, { title: '' }],
      FLOW.filter(({ key }) => key !== 'unexplained' || f.unexplained !== 0).map(({ key, label }) => [
        label,
        money(f[key]),
        percent(f[key], f.charged),
        f.charged > 0 ? textBar(f[key] / f.charged) : '',
      ]),
    ),
  );

  out.push('', `Adjustments by group and reason (${s.byReason.reduce((n, r) => n + r.count, 0)})`);
  if (s.byReason.length) {
    out.push(
      ...textTable(
        [
          { title: 'Code' },
          { title: 'Count', align: 'right' },
          { title: 'Amount', align: 'right' },
          { title: 'Class' },
          { title: 'Meaning', max: 70 },
        ],
        s.byReason.map((r) => [r.key, String(r.count), money(r.cents), reasonClassWords(r), r.text || r.why]),
      ),
    );
  } else out.push('  none');

  out.push(
    '',
    `Worklist: ${s.toWork} adjustment(s) need work, ${money(s.toWorkCents)}${s.toRecoverCents ? `, ${money(s.toRecoverCents)} to recover` : ''}`,
  );
  if (s.worklist.length) {
    out.push(
      ...textTable(
        [
          { title: 'Claim' },
          { title: 'Patient', max: 24 },
          { title: 'Code' },
          { title: 'Amount', align: 'right' },
          { title: 'To recover', align: 'right' },
          { title: 'Line:col', align: 'right' },
          { title: 'What to do', max: 60 },
        ],
        s.worklist.map((w) => [
          w.claimId,
          w.patient,
          `${w.group}-${w.reason}`,
          money(w.cents),
          w.recoverableCents ? money(w.recoverableCents) : '',
          `${w.range.start.line + 1}:${w.range.start.character + 1}`,
          w.action || w.explanation,
        ]),
      ),
    );
    if (s.worklist.length < s.toWork) out.push(`  ... and ${s.toWork - s.worklist.length} more`);
  }

  out.push('', 'Balancing');
  out.push(
    ...textTable(
      [{ title: 'Rule' }, { title: 'Status' }, { title: 'Checks' }],
      s.balance.map((b) => [b.code, b.status === 'ok' ? 'OK' : `${b.findings} problem(s)${b.off ? ' (diagnostic off)' : ''}`, b.label]),
    ),
  );

  const q = s.sequestration;
  if (q.co253Cents !== 0 || q.medicarePaidCents !== 0) {
    out.push('', 'Medicare sequestration');
    for (const n of q.notes) out.push(`  ${n.tone === 'warn' ? '! ' : ''}${n.text}`);
  }
  return out;
}

/** A reason row's class in words ("needs work", "recoverable, needs work"), never the internal key. */
function reasonClassWords(r: RemittanceSummary['byReason'][number]): string {
  const words = CLASS_WORDS[r.cls];
  return r.actionable && r.cls !== 'needsWork' ? `${words}, needs work` : words;
}

function party(p: { name: string; idQualifier: string; id: string }): string {
  return `${p.name || '(no name)'}${p.id ? ` (${[p.idQualifier, p.id].filter(Boolean).join(' ')})` : ''}`;
}
