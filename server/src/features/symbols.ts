import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Settings } from '../settings';
import { Loop, type Claim, type Interchange, type Party, type ProviderAdjustment, type ServiceLine, type Transaction } from '../x835/types';
import { interchangeLastSeg } from '../x835/lookup';
import { claimTotals } from '../x835/totals';
import { formatMoney } from '../x835/values';
import { workText } from '../x835/verdicts';
import { elementRange, spanRange } from './segmentRanges';
import { jsonBytes, MAX_BYTES } from './visible';

/** How many claims the outline lists before one closing "… N more claims" entry. */
export const MAX_CLAIM_SYMBOLS = 5000;

export interface SymbolOptions {
  readonly maxClaims?: number;
  /** Most bytes of JSON the outline holds (MAX_BYTES.documentSymbols). */
  readonly maxBytes?: number;
}

/**
 * The outline: interchange > transaction (payer, payee, claims with their service lines, PLB).
 * A claim reads "PCN1001 · DOE, JANE · paid $78.40" (with "· ⚠ 1 to work · $6.80 to recover" when its
 * verdicts hold work), a line "SVC HC:99213 · $78.40" (paid), so the outline alone answers "which claim
 * is this, what did it pay, and is there work". Past `maxClaims` claims, or once the outline holds
 * `maxBytes` of JSON, what is left is summarised in one entry ("… 1,234 more claims and 56 more
 * payments"): a huge outline helps nobody and costs the editor more than the parse, whatever the file.
 */
export function documentSymbols(a: Analysis, _settings: Settings, options: SymbolOptions = {}): DocumentSymbol[] {
  const model = a.model;
  const budget = new Budget(options.maxClaims ?? MAX_CLAIM_SYMBOLS, options.maxBytes ?? MAX_BYTES.documentSymbols);
  const roots: DocumentSymbol[] = [];
  let ic = 0;
  let open: DocumentSymbol | undefined; // the interchange symbol the next transactions may belong to
  let listed = 0; // transactions listed
  for (const tx of model.transactions) {
    // Interchanges that start before this transaction (including ones without transactions) come first.
    while (!budget.full && ic < model.interchanges.length && model.interchanges[ic].seg < tx.seg) {
      const next = interchangeSymbol(a, ic);
      if (!budget.take(next)) break;
      roots.push((open = next));
      ic++;
    }
    if (budget.full) break;
    const inside = open && ic > 0 && tx.seg <= interchangeLastSeg(a.model, ic - 1);
    const parent = inside ? open!.children! : roots;
    const symbol = transactionSymbol(a, tx, budget);
    if (!symbol) break;
    parent.push(symbol);
    listed++;
    if (budget.full) break;
  }
  while (!budget.full && ic < model.interchanges.length) {
    const next = interchangeSymbol(a, ic);
    if (!budget.take(next)) break;
    roots.push(next);
    ic++;
  }
  // What did not fit: one entry where the outline stops (inside the last payment, or after the last root).
  if (budget.full || budget.claims < model.claims.length) {
    const claimsLeft = model.claims.length - budget.claims;
    const paymentsLeft = model.transactions.length - listed;
    const where = budget.marker ?? roots;
    const at = budget.markerSeg ?? model.transactions[listed]?.seg ?? 0;
    const r = spanRange(a, at, at);
    const more = (n: number, what: string) => `${n.toLocaleString('en-US')} more ${what}${n === 1 ? '' : 's'}`;
    const parts = [claimsLeft > 0 ? more(claimsLeft, 'claim') : '', paymentsLeft > 0 ? more(paymentsLeft, 'payment') : ''].filter(Boolean);
    if (parts.length)
      where.push({ name: `… ${parts.join(' and ')} (open the summary)`, kind: SymbolKind.Null, range: r, selectionRange: r });
  }
  return roots;
}

/** What the outline may still hold: claims by count, everything by bytes of JSON. */
class Budget {
  /** Claims listed so far. */
  claims = 0;
  /** Once a symbol did not fit: nothing more is listed. */
  full = false;
  /** Where the "… N more" entry goes when the claims stopped inside a payment, and the segment it points at. */
  marker?: DocumentSymbol[];
  markerSeg?: number;

  private bytesLeft: number;

  /** `maxBytes` holds the closing "… N more" entry too (kept aside: some 300 bytes). */
  constructor(
    private readonly maxClaims: number,
    maxBytes: number,
  ) {
    this.bytesLeft = maxBytes - 300;
  }

  /** Charges `symbol` (as JSON, its children included) when it fits; false, and full, when not. */
  take(symbol: DocumentSymbol): boolean {
    if (this.full) return false;
    const bytes = jsonBytes(symbol) + 1; // and the comma before the next
    if (bytes > this.bytesLeft) {
      this.full = true;
      return false;
    }
    this.bytesLeft -= bytes;
    return true;
  }

  /** Whether one more claim may be listed by count. */
  get claimsOpen(): boolean {
    return this.claims < this.maxClaims;
  }
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

/** The payment's symbol with what of its children fits; undefined when not even its own entry fits. */
function transactionSymbol(a: Analysis, tx: Transaction, budget: Budget): DocumentSymbol | undefined {
  const children: DocumentSymbol[] = [];
  const pay = tx.payment;
  const paid = pay ? ` · ${formatMoney(pay.amount)}${pay.method ? ` ${pay.method}` : ''}` : '';
  const name =
    tx.setId === '835'
      ? `835 ${tx.controlNumber}${paid}${tx.trace?.number ? ` · ${tx.trace.number}` : ''}`
      : `${tx.setId || 'ST'} ${tx.controlNumber} (not an 835)`;
  const symbol: DocumentSymbol = {
    name,
    detail: `${tx.claims.length} claim${tx.claims.length === 1 ? '' : 's'}`,
    kind: SymbolKind.Namespace,
    range: spanRange(a, tx.seg, tx.lastSeg),
    selectionRange: elementRange(a, tx.seg, 0),
    children,
  };
  if (!budget.take(symbol)) return undefined;
  const add = (child: DocumentSymbol) => budget.take(child) && children.push(child) > 0;
  if (tx.payer && !add(partySymbol(a, tx.payer, 'Payer', Loop.Payer))) return symbol;
  if (tx.payee && !add(partySymbol(a, tx.payee, 'Payee', Loop.Payee))) return symbol;
  for (const claim of tx.claims) {
    if (!budget.claimsOpen || !add(claimSymbol(a, claim))) {
      if (!budget.marker) {
        budget.marker = children;
        budget.markerSeg = claim.seg;
      }
      if (budget.full) return symbol;
      break;
    }
    budget.claims++;
  }
  // Pairs of one PLB segment are adjacent in the list: one symbol per segment.
  const plbs = tx.providerAdjustments;
  for (let i = 0; i < plbs.length;) {
    let j = i + 1;
    while (j < plbs.length && plbs[j].seg === plbs[i].seg) j++;
    if (!add(plbSymbol(a, plbs.slice(i, j)))) return symbol;
    i = j;
  }
  return symbol;
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
