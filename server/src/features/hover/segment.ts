import { SEGMENTS } from '../../x835/dictionary';
import { KNOWN_SEGMENTS } from '../../x835/loops';
import { claimAt, lineAt, transactionAt } from '../../x835/lookup';
import { formatMoney } from '../../x835/values';
import { casSegmentList } from './cas';
import { claimSummary, lineSummary } from './claim';
import type { HoverParts } from './element';
import { paymentSummary } from './payment';
import { plbPairNote, plbPairsOf } from './plb';
import { loopPath, type HoverTarget } from './target';

/**
 * A segment id: its name, where it sits (loop › segment) and its purpose; then, for the segments that
 * carry the money, what they say in this file (claim and line waterfalls, the payment, the CAS
 * triplets, the PLB adjustments).
 */
export function segmentHover(t: HoverTarget): HoverParts {
  const def = SEGMENTS.get(t.id);
  const title = def
    ? `**${t.id}** · ${def.name}`
    : `**${t.id}** · ${KNOWN_SEGMENTS.has(t.id) ? 'segment' : 'not a segment of the 835 (005010X221A1)'}`;
  const here = inThisFile(t);
  const parts = [`${title}\\\n${loopPath(t)}`, def?.purpose ?? '', here ? `---\n\n${here}` : ''];
  const tokens = t.a.tokens;
  return { markdown: parts.filter(Boolean).join('\n\n'), start: tokens.segStart[t.seg], end: tokens.elementEndOffset(t.seg, 0) };
}

function inThisFile(t: HoverTarget): string {
  const m = t.a.model;
  switch (t.id) {
    case 'CLP': {
      const claim = claimAt(m, t.seg);
      return claim?.seg === t.seg ? claimSummary(t.a, claim, t.uri) : '';
    }
    case 'SVC': {
      const claim = claimAt(m, t.seg);
      const line = claim && lineAt(claim, t.seg);
      return line?.seg === t.seg ? lineSummary(t.a, line) : '';
    }
    case 'BPR': {
      const tx = transactionAt(m, t.seg);
      return tx?.payment?.seg === t.seg ? paymentSummary(tx) : '';
    }
    case 'CAS':
      return casSegmentList(t);
    case 'PLB': {
      const tx = transactionAt(m, t.seg);
      const pairs = tx ? plbPairsOf(tx.providerAdjustments, t.seg) : [];
      if (!pairs.length) return '';
      const total = pairs.reduce((s, p) => s + p.amount, 0);
      const effect = total >= 0 ? `${formatMoney(total)} withheld from` : `${formatMoney(-total)} added to`;
      return [`**In all: ${effect} this payment.**`, ...pairs.map((p) => plbPairNote(t.a, p, t.uri))].join('\n\n');
    }
  }
  return '';
}
