import { componentDef, elementDef } from '../../x835/dictionary';
import { claimAt, transactionAt } from '../../x835/lookup';
import { codeListById } from '../codeLookup';
import { componentAt, componentOffsets } from '../segmentRanges';
import { adjustmentAt } from './cas';
import { adjustmentNote } from './adjustmentNote';
import { position } from './format';
import { paymentSummary } from './payment';
import { plbPairAt, plbPairNote } from './plb';
import { reversalNote } from './reversal';
import { loopPath, type HoverTarget } from './target';
import { describeValue, retiredCodeLine } from './value';
import { quoted } from '../quote';

export interface HoverParts {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

/** Segments whose element 2 is qualified by element 1 (DTM*472, REF*6R, AMT*B6, QTY*CA). */
const QUALIFIED = new Set(['DTM', 'REF', 'AMT', 'QTY']);

/**
 * An element (or, in a composite, the component under the cursor): its position and name, its value
 * in words, the dictionary's note, then what it means in this file (a CAS triplet's verdict, a PLB
 * pair's effect and the claim it names, the payment's arithmetic, a reversal's partner).
 */
export function elementHover(t: HoverTarget): HoverParts {
  const tokens = t.a.tokens;
  const def = elementDef(t.id, t.k);
  let start = tokens.elementStartOffset(t.seg, t.k);
  let end = tokens.elementEndOffset(t.seg, t.k);
  let title = `**${position(t.id, t.k)}**${def ? ` · ${def.name}` : ''}`;
  let value = describeValue(def, tokens.element(t.seg, t.k), t.settings.official);
  let note = def?.note;
  let component: number | undefined;

  if (def?.type === 'COMP') {
    const c = componentAt(t.a, t.seg, t.k, t.offset);
    component = c;
    const cdef = componentDef(t.id, t.k, c + 1);
    const span = componentOffsets(t.a, t.seg, t.k, c);
    if (span) ({ start, end } = span);
    title = `**${position(t.id, t.k, c + 1)}**${cdef ? ` · ${cdef.name}` : ''} · in ${position(t.id, t.k)} ${def.name} ${quoted(tokens.element(t.seg, t.k))}`;
    value = describeValue(cdef, t.a.text.slice(start, end), t.settings.official);
    note = cdef?.note;
  } else if (!def && tokens.element(t.seg, t.k).includes(tokens.delimitersOf(t.seg).component)) {
    value = `${quoted(tokens.element(t.seg, t.k))} (composite)`;
  }
  if (t.id === 'LQ' && t.k === 2 && tokens.element(t.seg, 1) === 'RX') {
    value = `${quoted(tokens.element(t.seg, 2))} — an NCPDP pharmacy reject or payment code (LQ01 RX), not a RARC`;
  }

  // A CAS reason or amount is read aloud by describeAdjustment (code text, amount, verdict): say it once.
  if (t.id === 'CAS' && t.k >= 2 && (t.k - 2) % 3 !== 2 && adjustmentAt(t)) {
    value = retiredCodeLine(def, tokens.element(t.seg, t.k));
    note = undefined;
  }
  // A PLB reason or amount is read aloud with its pair (reason text, sign, effect): say it once too.
  if (t.id === 'PLB' && t.k >= 3 && (t.k % 2 === 0 || component === 0)) {
    const tx = transactionAt(t.a.model, t.seg);
    if (tx && plbPairAt(tx.providerAdjustments, t.seg, t.k)) {
      value = '';
      note = undefined;
    }
  }
  const parts = [`${title}\\\n${loopPath(t)}`, value, qualifierNote(t), note ? `_${note}_` : '', contextNote(t)];
  return { markdown: parts.filter(Boolean).join('\n\n'), start, end };
}

/** On DTM02, REF02, AMT02, QTY02: what kind of date, id, amount or count element 1 says this is. */
function qualifierNote(t: HoverTarget): string {
  if (t.k !== 2 || !QUALIFIED.has(t.id)) return '';
  const q = t.a.tokens.element(t.seg, 1);
  const info = codeListById(elementDef(t.id, 1)?.codeList)?.entries.get(q);
  return info ? `${info.text} (${t.id}01 \`${q}\`).` : '';
}

/** What this element means in this file, beyond its own value. */
function contextNote(t: HoverTarget): string {
  const m = t.a.model;
  switch (t.id) {
    case 'CAS': {
      const adj = adjustmentAt(t);
      return adj ? adjustmentNote(t, adj) : '';
    }
    case 'PLB': {
      const tx = transactionAt(m, t.seg);
      const pair = t.k >= 3 && tx ? plbPairAt(tx.providerAdjustments, t.seg, t.k) : undefined;
      return pair ? plbPairNote(t.a, pair, t.uri) : '';
    }
    case 'BPR': {
      const tx = transactionAt(m, t.seg);
      return t.k === 2 && tx?.payment?.seg === t.seg ? paymentSummary(tx) : '';
    }
    case 'CLP': {
      const claim = t.k === 2 || t.k === 1 || t.k === 7 ? claimAt(m, t.seg) : undefined;
      return claim ? reversalNote(t.a, claim, t.uri) : '';
    }
  }
  return '';
}
