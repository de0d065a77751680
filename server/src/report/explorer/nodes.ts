import type { Range } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis';
import { CARC } from '../../codes/carc';
import { claimStatus } from '../../codes/lists';
import { tripletRange } from '../../x835/tripletRange';
import type { Adjustment, Claim, ServiceLine } from '../../x835/types';
import { CLASS_LABELS, verdictLabel } from '../../x835/verdicts';
import { formatDate, formatMoney } from '../../x835/values';
import { procedureText } from '../describe';
import { countClaims, passes, type ClaimFacts, type FileFacts, type Place } from './facts';
import type { ExplorerCounts, ExplorerFilter, ExplorerIcon, ExplorerNode } from './types';

/**
 * The ERA Explorer's nodes, worded here (the client shows them as they are): files, payments and claims
 * from the kept facts, service lines and adjustments from the file's analysis when a claim is expanded.
 * Every number is a verdict's (x835/verdicts.ts), so the tree adds up to what the summary says.
 */

/** Children per request: a 140,000-claim payment is sent a page at a time, with a "… N more" node. */
export const PAGE = 200;

/** Node ids: what `era835/explorerChildren` is asked about. `gen` tells a file's facts apart after it changed. */
export type NodeRef =
  | { readonly kind: 'file'; readonly uri: string; readonly gen: number }
  | { readonly kind: 'payment'; readonly uri: string; readonly gen: number; readonly payment: number }
  | { readonly kind: 'claim'; readonly uri: string; readonly gen: number; readonly claim: number }
  | { readonly kind: 'line'; readonly uri: string; readonly gen: number; readonly claim: number; readonly line: number };

export function nodeId(r: NodeRef): string {
  switch (r.kind) {
    case 'file':
      return JSON.stringify(['f', r.uri, r.gen]);
    case 'payment':
      return JSON.stringify(['p', r.uri, r.gen, r.payment]);
    case 'claim':
      return JSON.stringify(['c', r.uri, r.gen, r.claim]);
    case 'line':
      return JSON.stringify(['l', r.uri, r.gen, r.claim, r.line]);
  }
}

/** The reference behind a node id, or undefined for an id this server did not make. */
export function parseNodeId(id: string): NodeRef | undefined {
  let v: unknown;
  try {
    v = JSON.parse(id);
  } catch {
    return undefined;
  }
  if (!Array.isArray(v) || typeof v[1] !== 'string' || typeof v[2] !== 'number') return undefined;
  const [k, uri, gen, a, b] = v as [string, string, number, unknown, unknown];
  const int = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
  if (k === 'f') return { kind: 'file', uri, gen };
  if (k === 'p' && int(a)) return { kind: 'payment', uri, gen, payment: a };
  if (k === 'c' && int(a)) return { kind: 'claim', uri, gen, claim: a };
  if (k === 'l' && int(a) && int(b)) return { kind: 'line', uri, gen, claim: a, line: b };
  return undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "2 to work · $8.80 to recover" (nothing when there is no work). */
function workWords(c: { toWork: number; toRecoverCents: number }): string {
  if (!c.toWork) return '';
  return c.toRecoverCents > 0 ? `${c.toWork} to work · ${formatMoney(c.toRecoverCents)} to recover` : `${c.toWork} to work`;
}

const money = (cents: number | null) => (cents === null ? '?' : formatMoney(cents));

const rangeOf = (p: Place): Range => ({
  start: { line: p.line, character: p.character },
  end: { line: p.endLine, character: p.endCharacter },
});

/** A file of the workspace, with what its claims hold under the filter. */
export function fileNode(uri: string, gen: number, label: string, counts: ExplorerCounts, payments: number): ExplorerNode {
  const parts = [plural(counts.claims, 'claim'), workWords(counts)].filter(Boolean);
  return {
    kind: 'file',
    id: nodeId({ kind: 'file', uri, gen }),
    label,
    description: parts.join(' · '),
    tooltip: `${label}\n${plural(payments, 'payment')}, ${parts.join(', ')}${counts.denied ? `, ${plural(counts.denied, 'denied claim')}` : ''}${counts.reversals ? `, ${plural(counts.reversals, 'reversal')}` : ''}`,
    icon: 'file',
    expandable: counts.claims > 0 || payments > 0,
    counts,
  };
}

/** A file the explorer does not read: too large for the editor, or unreadable. */
export function fileNoteNode(uri: string, label: string, note: string, large: boolean): ExplorerNode {
  return {
    kind: large ? 'file' : 'problem',
    id: JSON.stringify(['n', uri]),
    label,
    description: note,
    tooltip: `${label}: ${note}`,
    icon: large ? 'large-file' : 'problem',
    expandable: false,
    largeFile: large ? uri : undefined,
  };
}

/** The payments of a file that have a claim passing the filter (all of them without a filter). */
export function paymentNodes(uri: string, gen: number, f: FileFacts, filter: ExplorerFilter): ExplorerNode[] {
  const out: ExplorerNode[] = [];
  f.payments.forEach((p, i) => {
    const counts = countClaims(f, filter, p.firstClaim, p.firstClaim + p.claimCount);
    if (filter.kind !== 'all' && counts.claims === 0) return;
    const head = [p.date, p.payer || '(no payer name)'].filter(Boolean).join(' · ');
    const description = [money(p.amountCents), p.trace ? `TRN ${p.trace}` : '', plural(counts.claims, 'claim'), workWords(counts)]
      .filter(Boolean)
      .join(' · ');
    out.push({
      kind: 'payment',
      id: nodeId({ kind: 'payment', uri, gen, payment: i }),
      label: head,
      description,
      tooltip: [
        `Payment ${money(p.amountCents)}${p.date ? ` of ${p.date}` : ''}`,
        `Payer: ${p.payer || '(none)'}${p.payerId ? ` (${p.payerId})` : ''}`,
        `Trace number (TRN02): ${p.trace || '(none)'}`,
        `${plural(counts.claims, 'claim')}${filter.kind === 'all' ? '' : ' shown'}${counts.toWork ? `, ${workWords(counts)}` : ''}`,
      ].join('\n'),
      icon: 'payment',
      expandable: counts.claims > 0,
      reveal: { uri, range: rangeOf(p.place) },
      counts,
    });
  });
  return out;
}

/**
 * A page of the claims of payment `payment` that pass the filter (from the `offset`-th that passes): only
 * the page's nodes are made, so a payment of 140,000 claims costs one pass over kept numbers per page.
 */
export function claimPage(
  uri: string,
  gen: number,
  f: FileFacts,
  payment: number,
  filter: ExplorerFilter,
  parent: string,
  offset: number,
): ExplorerNode[] {
  const p = f.payments[payment];
  if (!p) return [];
  const shown: number[] = [];
  for (let i = p.firstClaim; i < p.firstClaim + p.claimCount; i++) if (passes(f, f.claims[i], filter)) shown.push(i);
  return page(shown, parent, offset, (i) => claimNode(uri, gen, i, f.claims[i]));
}

/** CLP02 in words ("Primary", "Denied", "Reversal"), or the code. */
function statusWords(status: string): string {
  const label = claimStatus.entries.get(status)?.label;
  return label ? label[0].toUpperCase() + label.slice(1) : `Status ${status}`;
}

function claimIcon(c: ClaimFacts): ExplorerIcon {
  if (c.toRecoverCents > 0) return 'claim-recover';
  if (c.toWork > 0) return 'claim-work';
  if (c.status === '22') return 'claim-reversal';
  if (c.status === '4') return 'claim-denied';
  return 'claim';
}

function claimNode(uri: string, gen: number, i: number, c: ClaimFacts): ExplorerNode {
  const work = workWords(c);
  return {
    kind: 'claim',
    id: nodeId({ kind: 'claim', uri, gen, claim: i }),
    label: `${c.patient || '(no patient name)'} · ${c.id}`,
    description: [statusWords(c.status), `paid ${money(c.paidCents)}`, work].filter(Boolean).join(' · '),
    tooltip: [
      `Claim ${c.id}${c.payerClaimNumber ? ` (payer claim number ${c.payerClaimNumber})` : ''}`,
      `Patient: ${c.patient || '(none)'}`,
      `Status ${c.status}: ${claimStatus.entries.get(c.status)?.text ?? 'not in the code list'}`,
      `Charged ${money(c.chargedCents)}, paid ${money(c.paidCents)}`,
      work ? `Work: ${work}` : 'Nothing to work',
    ].join('\n'),
    icon: claimIcon(c),
    expandable: c.lines + c.claimAdjustments > 0,
    reveal: { uri, range: rangeOf(c.place) },
    counts: {
      claims: 1,
      toWork: c.toWork,
      toRecoverCents: c.toRecoverCents,
      denied: c.status === '4' ? 1 : 0,
      reversals: c.status === '22' ? 1 : 0,
    },
  };
}

/** The analysis' claim behind kept facts, or undefined when the analysis is not the one the facts came from. */
export function claimOf(a: Analysis, c: ClaimFacts | undefined): Claim | undefined {
  const claim = c ? a.model.claims[c.n] : undefined;
  return claim && claim.id === c!.id && claim.status === c!.status ? claim : undefined;
}

/** A claim's children: its own adjustments, then its service lines. */
export function claimChildren(a: Analysis, uri: string, gen: number, i: number, claim: Claim): ExplorerNode[] {
  const out = claim.adjustments.map((adj) => adjustmentNode(a, uri, adj));
  claim.lines.forEach((line, li) => out.push(lineNode(a, uri, gen, i, li, line)));
  return out;
}

/** A service line's adjustments. */
export function lineChildren(a: Analysis, uri: string, line: ServiceLine): ExplorerNode[] {
  return line.adjustments.map((adj) => adjustmentNode(a, uri, adj));
}

function lineNode(a: Analysis, uri: string, gen: number, claim: number, li: number, line: ServiceLine): ExplorerNode {
  let toWork = 0;
  let toRecoverCents = 0;
  for (const adj of line.adjustments) {
    const row = a.model.cas.rowOf(adj.seg, adj.triplet);
    if (row < 0 || !Number.isFinite(adj.amount) || !a.verdicts.isActionable(row)) continue;
    toWork++;
    toRecoverCents += a.verdicts.recoverable[row];
  }
  const t = a.tokens;
  const proc = procedureText(line.procedure) || '(no procedure)';
  const date = line.serviceDate === undefined ? '' : formatDate(line.serviceDate);
  const work = workWords({ toWork, toRecoverCents });
  return {
    kind: 'line',
    id: nodeId({ kind: 'line', uri, gen, claim, line: li }),
    label: [proc, date].filter(Boolean).join(' · '),
    description: [`charged ${formatMoney(line.charge)}`, `paid ${formatMoney(line.paid)}`, work].filter(Boolean).join(' · '),
    tooltip: `Service line ${proc}${date ? ` on ${date}` : ''}\nCharged ${formatMoney(line.charge)}, paid ${formatMoney(line.paid)}${line.allowed !== undefined ? `, allowed ${formatMoney(line.allowed)}` : ''}${work ? `\nWork: ${work}` : ''}`,
    icon: toWork ? 'line-work' : 'line',
    expandable: line.adjustments.length > 0,
    reveal: { uri, range: { start: a.lines.positionAt(t.segStart[line.seg]), end: a.lines.positionAt(t.segEnd[line.seg]) } },
  };
}

function adjustmentNode(a: Analysis, uri: string, adj: Adjustment): ExplorerNode {
  const row = a.model.cas.rowOf(adj.seg, adj.triplet);
  const v = row >= 0 && row < a.verdicts.length ? a.verdicts.at(row) : undefined;
  const group = adj.group.trim().toUpperCase();
  const reason = adj.reason.trim().toUpperCase();
  const label = v ? verdictLabel(v) : 'not judged';
  const where = tripletRange(a.tokens, adj);
  const reasonText = CARC.entries.get(reason)?.text ?? 'a reason not in the code list';
  return {
    kind: 'adjustment',
    id: JSON.stringify(['a', uri, adj.seg, adj.triplet]),
    label: `${group}-${reason} ${formatMoney(adj.amount)}`,
    description: v?.actionable && v.recoverableCents > 0 ? `${label} ${formatMoney(v.recoverableCents)}` : label,
    tooltip: [
      `${group}-${reason}: ${reasonText}`,
      v ? `Verdict: ${CLASS_LABELS[v.cls]}${v.actionable ? ', to work' : ''}${v.finding ? ` (${v.finding})` : ''}` : '',
      v?.action ?? '',
    ]
      .filter(Boolean)
      .join('\n'),
    icon: !v?.actionable ? 'adjustment' : v.recoverableCents > 0 ? 'adjustment-recover' : 'adjustment-work',
    expandable: false,
    reveal: { uri, range: { start: a.lines.positionAt(where.start), end: a.lines.positionAt(where.end) } },
  };
}

/**
 * One page of `all` from `offset`: at most PAGE nodes (made by `make`, for the page only), then a
 * "… N more" node that asks for the next page (`parent` null for the files at the top).
 */
export function page<T>(all: readonly T[], parent: string | null, offset: number, make: (item: T) => ExplorerNode): ExplorerNode[] {
  const start = Math.max(0, Math.min(offset, all.length));
  const out = all.slice(start, start + PAGE).map(make);
  const left = all.length - start - out.length;
  if (left > 0)
    out.push({
      kind: 'more',
      id: JSON.stringify(['m', parent, start + PAGE]),
      label: `… ${left.toLocaleString('en-US')} more`,
      description: '',
      tooltip: `Show the next ${Math.min(PAGE, left).toLocaleString('en-US')}`,
      icon: 'more',
      expandable: false,
      more: { parent, offset: start + PAGE },
    });
  return out;
}
