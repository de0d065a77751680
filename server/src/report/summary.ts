import type { Analysis } from '../analysis';
import { CARC } from '../codes/carc';
import { claimStatus, paymentMethod } from '../codes/lists';
import { tripletRange } from '../x835/tripletRange';
import type { Settings } from '../settings';
import { classify } from '../x835/classify';
import { payerKind } from '../x835/payerType';
import type { Adjustment, Claim, Transaction } from '../x835/types';
import type { Verdict, Verdicts } from '../x835/verdicts';
import { formatDate, formatMoney } from '../x835/values';
import { partyOf, patientName, procedureText, serviceDateOf } from './describe';
import { impactOfAnalysis } from './impact';
import type {
  BalanceCheck,
  BalanceCode,
  ClaimRow,
  MoneyFlowCents,
  PaymentSummary,
  Range,
  ReasonRow,
  RemittanceSummary,
  SequestrationSummary,
  StatusCount,
  TotalsCents,
  WorkItem,
} from './types';

export type * from './types';

/** The webview and the JSON stay small on files with 100,000 claims: lists are capped, counts are not. */
export const WORKLIST_LIMIT = 1000;
export const CLAIMS_LIMIT = 1000;
export const BALANCE_ITEMS_LIMIT = 20;

export const BALANCE_RULES: ReadonlyArray<{ readonly code: BalanceCode; readonly label: string }> = [
  { code: 'service-balance', label: 'Service lines: charge − adjustments = paid (SVC02 − CAS = SVC03)' },
  { code: 'claim-balance', label: 'Claims: charge − adjustments = paid (CLP03 − CAS = CLP04)' },
  { code: 'patient-responsibility', label: 'Patient responsibility: CLP05 = Σ PR adjustments' },
  { code: 'transaction-balance', label: 'Payment: BPR02 = Σ CLP04 − Σ PLB' },
];

/**
 * The remittance at a glance, computed from one analysis (the same model, rules and verdicts as the
 * editor): payments, claims by status, money by verdict class, adjustments by group and reason, the
 * worklist (every actionable verdict, the Warnings of the Problems view), the balancing rules and where
 * the charged money went. Pure: plain JSON out, exact cents.
 */
export function summarize(a: Analysis, settings: Settings): RemittanceSummary {
  const model = a.model;
  const range = (start: number, end: number): Range => ({ start: a.lines.positionAt(start), end: a.lines.positionAt(end) });

  const transactions = model.transactions.filter((tx) => tx.setId === '835').map((tx, i) => paymentOf(a, tx, i + 1));

  const verdicts = a.verdicts;
  const classes = verdicts.totals();
  let charged = 0;
  let paid = 0;
  for (const c of model.claims) {
    if (Number.isFinite(c.charge)) charged += c.charge;
    if (Number.isFinite(c.paid)) paid += c.paid;
  }
  let plb = 0;
  for (const p of model.providerAdjustments) if (Number.isFinite(p.amount)) plb += p.amount;
  let payments = 0;
  for (const tx of transactions) payments += tx.amountCents ?? 0;
  const b = classes.byClass;
  const totals: TotalsCents = {
    charged,
    paid,
    contractual: b.contractual,
    sequestration: b.sequestration,
    patientResponsibility: b.patientResponsibility,
    denied: b.needsWork,
    recoverable: b.recoverable,
    other: b.other,
    providerAdjustments: plb,
    payments,
  };
  const adjusted = b.contractual + b.sequestration + b.patientResponsibility + b.needsWork + b.recoverable + b.other;
  const moneyFlow: MoneyFlowCents = {
    charged,
    paid,
    contractual: b.contractual,
    sequestration: b.sequestration,
    patient: b.patientResponsibility,
    denied: b.needsWork,
    recoverable: b.recoverable,
    other: b.other,
    unexplained: charged - paid - adjusted,
  };

  // One pass over the claims' triplets (rows) for what is per triplet: reasons, worklist, claim rows.
  const reasons = new Map<string, Mutable<ReasonRow>>();
  const worklist: WorkItem[] = [];
  const claims: ClaimRow[] = [];
  const cas = model.cas;
  for (const claim of model.claims) {
    let toWork = 0;
    const [from, to] = verdicts.claimRows(claim.index);
    for (let r = from; r < to; r++) {
      if (!Number.isFinite(cas.amount[r])) continue; // element-format reports it; the totals skip it too
      const adj = cas.at(r);
      addReason(reasons, adj, verdicts, r);
      if (!verdicts.isActionable(r)) continue;
      toWork++;
      if (worklist.length < WORKLIST_LIMIT) {
        const where = tripletRange(model.tokens, adj);
        worklist.push(workItem(adj, verdicts.at(r), range(where.start, where.end)));
      }
    }
    if (claims.length < CLAIMS_LIMIT) claims.push(claimRow(a, claim, toWork, range));
  }

  return {
    version: 1,
    transactions,
    claimCount: model.claims.length,
    claimsByStatus: statusCounts(model.claims),
    totals,
    toWork: classes.toWork,
    toWorkCents: classes.toWorkCents,
    toRecoverCents: classes.toRecoverCents,
    byReason: [...reasons.values()].sort(byGroupThenReason),
    worklist,
    balance: balanceChecks(a, settings, range),
    moneyFlow,
    sequestration: sequestrationOf(a, settings),
    claims,
  };
}

/** Cents, or null for an unreadable amount (NaN would turn into null in JSON anyway, silently). */
const readable = (cents: number): number | null => (Number.isFinite(cents) ? cents : null);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function paymentOf(a: Analysis, tx: Transaction, index: number): PaymentSummary {
  const pay = tx.payment;
  let claimsPaid = 0;
  for (const c of tx.claims) if (Number.isFinite(c.paid)) claimsPaid += c.paid;
  let plb = 0;
  for (const p of tx.providerAdjustments) if (Number.isFinite(p.amount)) plb += p.amount;
  const amount = readable(pay?.amount ?? 0);
  const t = a.tokens;
  return {
    index,
    controlNumber: tx.controlNumber,
    payer: partyOf(tx.payer),
    payee: partyOf(tx.payee),
    amountCents: amount,
    creditDebit: pay?.creditDebit ?? '',
    method: pay?.method ?? '',
    methodText: paymentMethod.entries.get(pay?.method ?? '')?.text ?? '',
    paymentDate: pay?.date !== undefined ? formatDate(pay.date) : undefined,
    productionDate: tx.productionDate !== undefined ? formatDate(tx.productionDate) : undefined,
    traceNumber: tx.trace?.number ?? '',
    claims: tx.claims.length,
    claimsByStatus: statusCounts(tx.claims),
    expectedCents: claimsPaid - plb,
    differenceCents: amount === null ? null : amount - (claimsPaid - plb),
    range: pay ? { start: a.lines.positionAt(t.segStart[pay.seg]), end: a.lines.positionAt(t.segEnd[pay.seg]) } : undefined,
  };
}

function statusCounts(claims: readonly Claim[]): StatusCount[] {
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([x], [y]) => x.localeCompare(y, 'en', { numeric: true }))
    .map(([status, count]) => ({ status, text: claimStatus.entries.get(status)?.text ?? '', count }));
}

function addReason(rows: Map<string, Mutable<ReasonRow>>, adj: Adjustment, verdicts: Verdicts, r: number): void {
  const group = adj.group.trim().toUpperCase();
  const reason = adj.reason.trim().toUpperCase();
  const cls = verdicts.classOf(r);
  const actionable = verdicts.isActionable(r);
  const id = `${group}|${reason}|${cls}`;
  const row = rows.get(id);
  if (row) {
    row.count++;
    row.cents += adj.amount;
    row.actionable ||= actionable;
    return;
  }
  const info = CARC.entries.get(reason);
  const c = classify(adj);
  rows.set(id, {
    key: `${group}-${reason}`,
    group,
    reason,
    cls,
    category: c.category,
    actionable,
    count: 1,
    cents: adj.amount,
    text: info?.text ?? '',
    why: c.why,
    action: verdicts.actionOf(r) || (info?.action ?? ''),
  });
}

function byGroupThenReason(x: ReasonRow, y: ReasonRow): number {
  return x.group.localeCompare(y.group) || x.reason.localeCompare(y.reason, 'en', { numeric: true }) || x.cls.localeCompare(y.cls);
}

/**
 * A triplet to work on, as its verdict says: for a denial the explanation is the reason's own text;
 * otherwise (sequestration taken wrongly, under the wrong group, by a payer with no law behind it) why
 * the reason is fine but its use is not. The action is the verdict's.
 */
function workItem(adj: Adjustment, v: Verdict, range: Range): WorkItem {
  const info = CARC.entries.get(adj.reason.trim().toUpperCase());
  const denial = v.finding === 'adjustment-actionable';
  const claim = adj.claim;
  return {
    cls: v.cls,
    finding: v.finding ?? '',
    recoverableCents: v.recoverableCents,
    claimId: claim.id,
    payerClaimNumber: claim.payerControlNumber,
    patient: patientName(claim),
    group: adj.group.trim().toUpperCase(),
    reason: adj.reason.trim().toUpperCase(),
    cents: adj.amount,
    level: adj.level,
    procedure: adj.line ? procedureText(adj.line.procedure) : '',
    serviceDate: serviceDateOf(adj) || undefined,
    explanation: denial ? info?.text || classify(adj).why : (WORK_WHY[v.finding ?? ''] ?? classify(adj).why),
    action: v.action,
    reversal: claim.status === '22',
    range,
  };
}

/** Why a sequestration reason is work, by its verdict's finding. */
const WORK_WHY: Readonly<Record<string, string>> = {
  'co253-amount': 'Sequestration taken above the rate in force for the service date.',
  'co253-suspended-period': 'Sequestration taken when none was in force (suspended, or before it began).',
  'co253-duplicate': 'Sequestration taken at claim level and again on the service lines.',
  'co253-non-medicare': 'Sequestration on a claim that is not Medicare fee-for-service.',
  'co253-group': 'Sequestration under a group other than CO (PR pushes it to the patient).',
};

function claimRow(a: Analysis, claim: Claim, toWork: number, range: (s: number, e: number) => Range): ClaimRow {
  const t = a.tokens;
  return {
    id: claim.id,
    payerClaimNumber: claim.payerControlNumber,
    patient: patientName(claim),
    status: claim.status,
    statusText: claimStatus.entries.get(claim.status)?.text ?? '',
    filingIndicator: claim.filingIndicator,
    chargedCents: readable(claim.charge),
    paidCents: readable(claim.paid),
    patientCents: readable(claim.patientResponsibility),
    toWork,
    range: range(t.segStart[claim.seg], t.segEnd[claim.seg]),
  };
}

function balanceChecks(a: Analysis, settings: Settings, range: (s: number, e: number) => Range): BalanceCheck[] {
  return BALANCE_RULES.map(({ code, label }) => {
    const found = a.findings.filter((f) => f.code === code);
    return {
      code,
      label,
      status: found.length ? 'problems' : 'ok',
      findings: found.length,
      off: settings.rules[code] === 'off',
      items: found.slice(0, BALANCE_ITEMS_LIMIT).map((f) => ({ message: f.message, range: range(f.start, f.end) })),
    };
  });
}

function sequestrationOf(a: Analysis, settings: Settings): SequestrationSummary {
  const s = { medicareClaims: 0, medicarePaidCents: 0, medicareCo253Cents: 0, co253Cents: 0, deviating: 0, deviationCents: 0 };
  for (const e of impactOfAnalysis(a, settings, '').entries) {
    s.medicareClaims += e.medicareClaims;
    s.medicarePaidCents += e.medicarePaidCents;
    s.medicareCo253Cents += e.medicareCo253Cents;
    s.co253Cents += e.co253Cents;
    s.deviating += e.deviating;
    s.deviationCents += e.deviationCents;
  }
  // Other payers' CO-253, by what its verdict says: recoverable, or the Medicare Advantage contract to verify.
  const { verdicts, model } = a;
  const cas = model.cas;
  let otherRecoverableCents = 0;
  let otherToVerifyCents = 0;
  for (let r = 0; r < cas.length; r++) {
    if (verdicts.findingOf(r) !== 'co253-non-medicare' || !verdicts.isActionable(r)) continue;
    const kind = payerKind(model.store.claimAt(cas.claim[r]));
    if (kind === 'medicare-advantage') otherToVerifyCents += cas.amount[r];
    else otherRecoverableCents += verdicts.recoverable[r];
  }
  const base = s.medicarePaidCents + s.medicareCo253Cents;
  const share = base === 0 ? null : s.medicareCo253Cents / base;
  return {
    ...s,
    otherRecoverableCents,
    otherToVerifyCents,
    share,
    notes: sequestrationNotes({ ...s, otherRecoverableCents, otherToVerifyCents, share }),
  };
}

type Numbers = Omit<SequestrationSummary, 'notes'>;

/** The sentences of the sequestration section (see `SequestrationSummary.notes`). */
function sequestrationNotes(q: Numbers): SequestrationSummary['notes'] {
  const notes: Array<{ tone: 'ok' | 'warn' | 'info'; text: string }> = [];
  if (q.medicareClaims === 0) {
    notes.push({
      tone: 'info',
      text: 'No Medicare fee-for-service claims (CLP06 MA or MB) in this file: no sequestration is expected here.',
    });
  } else {
    const share = q.share === null ? '' : ` (${(q.share * 100).toFixed(2)}% of the Medicare payment before the cut)`;
    notes.push({
      tone: 'info',
      text: `Medicare fee-for-service paid ${formatMoney(q.medicarePaidCents)} on ${q.medicareClaims} claim${q.medicareClaims === 1 ? '' : 's'}; CO-253 took ${formatMoney(q.medicareCo253Cents)}${share}.`,
    });
    if (q.deviating)
      notes.push({
        tone: 'warn',
        text: `${q.deviating} Medicare CO-253 line${q.deviating === 1 ? '' : 's'} off the rate table (co253-amount, co253-suspended-period, co253-duplicate): ${formatMoney(q.deviationCents)} more than expected in total.`,
      });
    else if (q.medicareCo253Cents !== 0)
      notes.push({
        tone: 'ok',
        text: 'Every Medicare CO-253 is at the rate in force for its date: post it as a contractual adjustment; nothing to appeal.',
      });
  }
  if (q.otherRecoverableCents)
    notes.push({
      tone: 'warn',
      text: `CO-253 by payers that are not Medicare (commercial, Medicaid): ${formatMoney(q.otherRecoverableCents)} recoverable: no law allows them this cut (co253-non-medicare).`,
    });
  if (q.otherToVerifyCents)
    notes.push({
      tone: 'warn',
      text: `CO-253 by Medicare Advantage plans: ${formatMoney(q.otherToVerifyCents)}, allowed only if your contract says so: verify the contract (co253-non-medicare).`,
    });
  return notes;
}
