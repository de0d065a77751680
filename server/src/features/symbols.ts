import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Settings } from '../settings';
import { Loop, type Claim, type Interchange, type Party, type ProviderAdjustment, type ServiceLine, type Transaction } from '../x835/types';
import { interchangeLastSeg } from '../x835/lookup';
import { claimTotals } from '../x835/totals';
import { formatMoney } from '../x835/values';
import { workText } from '../x835/verdicts';
import { elementRange, spanRange } from './segmentRanges';

/** How many claims the outline lists before one closing "… N more claims" entry. */
export const MAX_CLAIM_SYMBOLS = 5000;

export interface SymbolOptions {
  readonly maxClaims?: number;
}

/**
 * The outline: interchange > transaction (payer, payee, claims with their service lines, PLB).
 * A claim reads "PCN1001 · DOE, JANE · paid $78.40" (with "· ⚠ 1 to work · $6.80 to recover" when its
 * verdicts hold work), a line "SVC HC:99213 · $78.40" (paid), so the outline alone answers "which claim
 * is this, what did it pay, and is there work". Past `maxClaims` claims the rest
 * is summarised in one entry: a huge outline helps nobody and costs the editor more than the parse.
 */
export function documentSymbols(a: Analysis, _settings: Settings, options: SymbolOptions = {}): DocumentSymbol[] {
  const max = options.maxClaims ?? MAX_CLAIM_SYMBOLS;
  const budget: ClaimBudget = { left: max, more: Math.max(0, a.model.claims.length - max), truncated: false };
  const model = a.model;
  const roots: DocumentSymbol[] = [];
  let ic = 0;
  let open: DocumentSymbol | undefined; // the interchange symbol the next transactions may belong to
  for (const tx of model.transactions) {
    // Interchanges that start before this transaction (including ones without transactions) come first.
    while (ic < model.interchanges.length && model.interchanges[ic].seg < tx.seg) {
      open = interchangeSymbol(a, ic++);
      roots.push(open);
    }
    const inside = open && ic > 0 && tx.seg <= interchangeLastSeg(a.model, ic - 1);
    (inside ? open!.children! : roots).push(transactionSymbol(a, tx, budget));
  }
  while (ic < model.interchanges.length) roots.push(interchangeSymbol(a, ic++));
  return roots;
}

interface ClaimBudget {
  left: number;
  /** Claims left out of the outline once the budget is spent. */
  readonly more: number;
  truncated: boolean;
}

function interchangeSymbol(a: Analysis, i: number): DocumentSymbol {
  const ic: Interchange = a.model.interchanges[i];
  const who = [ic.sender, ic.receiver].filter(Boolean).join(' → ');
  return {
    name: `ISA ${ic.controlNumber || '(no control number)'}${who ? ` · ${who}` : ''}`,
    detail: 'interchange',
    kind: SymbolKind.Package,
    range: spanRange(a, ic.seg, interchangeLastSeg(a.model, i)),
    selectionRange: elementRange(a, ic.seg, 0),
    children: [],
  };
}

function transactionSymbol(a: Analysis, tx: Transaction, budget: ClaimBudget): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  if (tx.payer) children.push(partySymbol(a, tx.payer, 'Payer', Loop.Payer));
  if (tx.payee) children.push(partySymbol(a, tx.payee, 'Payee', Loop.Payee));
  for (const claim of tx.claims) {
    if (budget.left <= 0) {
      if (!budget.truncated) {
        budget.truncated = true;
        const r = spanRange(a, claim.seg, claim.seg);
        children.push({
          name: `… ${budget.more.toLocaleString('en-US')} more claim${budget.more === 1 ? '' : 's'} (open the summary)`,
          kind: SymbolKind.Null,
          range: r,
          selectionRange: r,
        });
      }
      break;
    }
    budget.left--;
    children.push(claimSymbol(a, claim));
  }
  // Pairs of one PLB segment are adjacent in the list: one symbol per segment.
  const plbs = tx.providerAdjustments;
  for (let i = 0; i < plbs.length;) {
    let j = i + 1;
    while (j < plbs.length && plbs[j].seg === plbs[i].seg) j++;
    children.push(plbSymbol(a, plbs.slice(i, j)));
    i = j;
  }
  const pay = tx.payment;
  const paid = pay ? ` · ${formatMoney(pay.amount)}${pay.method ? ` ${pay.method}` : ''}` : '';
  const name =
    tx.setId === '835'
      ? `835 ${tx.controlNumber}${paid}${tx.trace?.number ? ` · ${tx.trace.number}` : ''}`
      : `${tx.setId || 'ST'} ${tx.controlNumber} (not an 835)`;
  return {
    name,
    detail: `${tx.claims.length} claim${tx.claims.length === 1 ? '' : 's'}`,
    kind: SymbolKind.Namespace,
    range: spanRange(a, tx.seg, tx.lastSeg),
    selectionRange: elementRange(a, tx.seg, 0),
    children,
  };
}

function partySymbol(a: Analysis, p: Party, role: string, loop: Loop): DocumentSymbol {
  // The 1000A/1000B loop runs from its N1 over the following segments of the same loop (a handful).
  let last = p.seg;
  while (last + 1 < a.tokens.count && a.model.segLoop[last + 1] === loop && a.tokens.id(last + 1) !== 'N1') last++;
  return {
    name: `${role} · ${p.name || '(no name)'}`,
    detail: p.id ? `${p.idQualifier} ${p.id}`.trim() : undefined,
    kind: SymbolKind.Struct,
    range: spanRange(a, p.seg, last),
    selectionRange: elementRange(a, p.seg, 2),
  };
}

/** "DOE, JANE" from the claim's patient (NM1*QC), else the insured. */
export function patientName(claim: Claim): string {
  const p = claim.patient ?? claim.insured;
  if (!p) return '';
  return [p.last, p.first].filter(Boolean).join(', ');
}

function claimSymbol(a: Analysis, claim: Claim): DocumentSymbol {
  // Every claim with work is marked, from its triplets' verdicts: "⚠ 2 to work · $6.80 to recover".
  const work = claimTotals(a.verdicts, claim);
  const mark = work.toWork ? `⚠ ${workText(work)}` : '';
  const name = [claim.id || '(no CLP01)', patientName(claim), `paid ${formatMoney(claim.paid)}`, mark].filter(Boolean).join(' · ');
  return {
    name,
    detail: `charged ${formatMoney(claim.charge)}`,
    kind: SymbolKind.Object,
    range: spanRange(a, claim.seg, claim.lastSeg),
    selectionRange: elementRange(a, claim.seg, 1),
    children: claim.lines.map((l) => lineSymbol(a, l)),
  };
}

/** "HC:99213:25" as written in SVC01 (qualifier, code, modifiers). */
export function procedureLabel(line: ServiceLine): string {
  const p = line.procedure;
  return [p.qualifier, p.code, ...p.modifiers].filter(Boolean).join(':') || line.revenueCode || '(no procedure)';
}

function lineSymbol(a: Analysis, line: ServiceLine): DocumentSymbol {
  return {
    name: `SVC ${procedureLabel(line)} · ${formatMoney(line.paid)}`,
    detail: `charged ${formatMoney(line.charge)}`,
    kind: SymbolKind.Field,
    range: spanRange(a, line.seg, line.lastSeg),
    selectionRange: elementRange(a, line.seg, 1),
  };
}

function plbSymbol(a: Analysis, pairs: readonly ProviderAdjustment[]): DocumentSymbol {
  const seg = pairs[0].seg;
  const total = pairs.reduce((s, p) => s + p.amount, 0);
  const reasons = pairs
    .map((p) => p.reason)
    .filter(Boolean)
    .join(', ');
  const effect = total >= 0 ? `${formatMoney(total)} withheld` : `${formatMoney(-total)} added`;
  return {
    name: `PLB${reasons ? ` ${reasons}` : ''} · ${effect}`,
    detail: 'provider adjustment',
    kind: SymbolKind.Event,
    range: spanRange(a, seg, seg),
    selectionRange: elementRange(a, seg, 0),
  };
}
