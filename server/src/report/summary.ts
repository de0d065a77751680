import type { Analysis } from '../analysis';
import { CARC } from '../codes/carc';
import { claimStatus, paymentMethod } from '../codes/lists';
import { tripletRange } from '../rules/co253Common';
import type { Settings } from '../settings';
import { classify, type Classification } from '../x835/classify';
import { claimAdjustments, totalsOf } from '../x835/totals';
import type { Adjustment, Claim, Transaction } from '../x835/types';
import { formatDate } from '../x835/values';
import { partyOf, patientName, procedureText, serviceDateOf } from './describe';
import { impactOfAnalysis } from './impact';
import type {
  BalanceCheck, BalanceCode, ClaimRow, MoneyFlowCents, PaymentSummary, Range, ReasonRow, RemittanceSummary,
  SequestrationSummary, StatusCount, TotalsCents, WorkItem,
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
 * The remittance at a glance, computed from one analysis (the same model, rules and classification as
 * the editor): payments, claims by status, money by class, adjustments by group and reason, the
 * worklist, the balancing rules and where the charged money went. Pure: plain JSON out, exact cents.
 */
export function summarize(a: Analysis, settings: Settings): RemittanceSummary {
  const model = a.model;
  const range = (start: number, end: number): Range => ({ start: a.lines.positionAt(start), end: a.lines.positionAt(end) });

  const transactions = model.transactions.filter((tx) => tx.setId === '835').map((tx, i) => paymentOf(a, tx, i + 1));

  const classes = totalsOf(model.cas.all());
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
    charged, paid, contractual: b.contractual, sequestration: b.sequestration, patientResponsibility: b.patientResponsibility,
    denied: b.actionable, other: b.other, providerAdjustments: plb, payments,
  };
  const adjusted = b.contractual + b.sequestration + b.patientResponsibility + b.actionable + b.other;
  const moneyFlow: MoneyFlowCents = {
    charged, paid, contractual: b.contractual, sequestration: b.sequestration, patient: b.patientResponsibility,
    denied: b.actionable, other: b.other, unexplained: charged - paid - adjusted,
  };

  // One pass over the claims for what is per triplet: reasons, worklist, claim rows.
  const reasons = new Map<string, Mutable<ReasonRow>>();
  const worklist: WorkItem[] = [];
  const claims: ClaimRow[] = [];
  for (const claim of model.claims) {
    let toWork = 0;
    for (const adj of claimAdjustments(claim)) {
      if (!Number.isFinite(adj.amount)) continue; // element-format reports it; totalsOf skips it too
      const c = classify(adj);
      addReason(reasons, adj, c);
      if (!c.actionable) continue;
      toWork++;
      if (worklist.length < WORKLIST_LIMIT) {
        const r = tripletRange(model.tokens, adj);
        worklist.push(workItem(adj, c, range(r.start, r.end)));
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
    toWorkCents: classes.toWorkAmount,
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

function addReason(rows: Map<string, Mutable<ReasonRow>>, adj: Adjustment, c: Classification): void {
  const group = adj.group.trim().toUpperCase();
  const reason = adj.reason.trim().toUpperCase();
  const id = `${group}|${reason}|${c.cls}`;
  const row = rows.get(id);
  if (row) {
    row.count++;
    row.cents += adj.amount;
    row.actionable ||= c.actionable;
    return;
  }
  const info = CARC.entries.get(reason);
  rows.set(id, {
    key: `${group}-${reason}`, group, reason, cls: c.cls, category: c.category, actionable: c.actionable,
    count: 1, cents: adj.amount, text: info?.text ?? '', why: c.why, action: info?.action ?? '',
  });
}

function byGroupThenReason(x: ReasonRow, y: ReasonRow): number {
  return x.group.localeCompare(y.group) || x.reason.localeCompare(y.reason, 'en', { numeric: true }) || x.cls.localeCompare(y.cls);
}

/**
 * A triplet to work on. For a denial the explanation is the reason's own text and action; for a reason
 * that is fine but sits under the wrong group (PR-253, OA-253) it is why the group is the problem.
 */
function workItem(adj: Adjustment, c: Classification, range: Range): WorkItem {
  const info = CARC.entries.get(adj.reason.trim().toUpperCase());
  const denial = c.cls === 'actionable';
  const claim = adj.claim;
  return {
    claimId: claim.id,
    payerClaimNumber: claim.payerControlNumber,
    patient: patientName(claim),
    group: adj.group.trim().toUpperCase(),
    reason: adj.reason.trim().toUpperCase(),
    cents: adj.amount,
    level: adj.level,
    procedure: adj.line ? procedureText(adj.line.procedure) : '',
    serviceDate: serviceDateOf(adj) || undefined,
    explanation: denial ? info?.text || c.why : c.why,
    action: denial ? info?.action ?? '' : 'Ask the payer to correct the group code.',
    reversal: claim.status === '22',
    range,
  };
}

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
      code, label,
      status: found.length ? 'problems' : 'ok',
      findings: found.length,
      off: settings.rules[code] === 'off',
      items: found.slice(0, BALANCE_ITEMS_LIMIT).map((f) => ({ message: f.message, range: range(f.start, f.end) })),
    };
  });
}

function sequestrationOf(a: Analysis, settings: Settings): SequestrationSummary {
  const s = { medicarePaidCents: 0, medicareCo253Cents: 0, co253Cents: 0, deviating: 0, deviationCents: 0 };
  for (const e of impactOfAnalysis(a, settings, '').entries) {
    s.medicarePaidCents += e.medicarePaidCents;
    s.medicareCo253Cents += e.medicareCo253Cents;
    s.co253Cents += e.co253Cents;
    s.deviating += e.deviating;
    s.deviationCents += e.deviationCents;
  }
  const base = s.medicarePaidCents + s.medicareCo253Cents;
  return { ...s, share: base === 0 ? null : s.medicareCo253Cents / base };
}
