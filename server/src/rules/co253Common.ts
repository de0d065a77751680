import { formatRate, type RateLookup } from '../codes/sequestration';
import type { Settings } from '../settings';
import type { SegmentTable } from '../x12/tokenizer';
import { payerKind } from '../x835/payerType';
import { sequestrationWith, type SequestrationCheck } from '../x835/sequestrationCheck';
import type { Adjustment, Model } from '../x835/types';
import { formatCents, formatDate } from '../x835/values';
import { codeFlags, CodeFlag, firstOfItsKindReported } from './casRows';
import { RateMemo } from './co253RateMemo';
import { elementsRange, type Range } from './ranges';

/**
 * What the co253-* rules share: which triplets they look at, where their findings go, and how their
 * numbers read. The pass that judges every CO-253 once per run is in co253Facts.ts.
 */

/** A CO-253 finding covers the reason (`253`) and its amount. */
export function tripletRange(t: SegmentTable, adj: Adjustment): Range {
  return elementsRange(t, adj.seg, adj.reasonElem, adj.reasonElem + 1);
}

/** A CO-253 on a Medicare fee-for-service claim with readable amounts, and its arithmetic. */
export interface MedicareSequestration {
  readonly adj: Adjustment;
  readonly check: SequestrationCheck;
}

/**
 * Every CO-253 the Medicare rate table judges (Medicare FFS claims, readable amounts), each with its
 * whole check (the date's source included), in document order: what the rules judge, for reports.
 */
export function medicareSequestrations(model: Model, settings: Settings): MedicareSequestration[] {
  const { claims, lines, cas } = model.store;
  const flags = codeFlags(model.store);
  const rates = new RateMemo(settings);
  const medicare: MedicareSequestration[] = [];
  // A claim's own triplets, then each line's: document order.
  const level = (from: number, to: number) => {
    for (let r = from; r < to; r++) {
      if (!(flags[cas.reason[r]] & CodeFlag.Reason253) || !(flags[cas.group[r]] & CodeFlag.GroupCo) || cas.amount[r] === 0) continue;
      const observed = firstOfItsKindReported(cas, r, from, to);
      if (observed === undefined) continue;
      const adj = cas.at(r);
      const check = sequestrationWith(adj, observed, undefined, model.tokens, rates.rateOf);
      if (check) medicare.push({ adj, check });
    }
  };
  for (let claim = 0; claim < claims.length; claim++) {
    if (payerKind(model.store.claimAt(claim)) !== 'medicare-ffs') continue;
    level(claims.casFrom[claim], claims.casTo[claim]);
    for (let line = claims.lineFrom[claim]; line < claims.lineTo[claim]; line++) level(lines.casFrom[line], lines.casTo[line]);
  }
  return medicare;
}

/** "2%" for 0.02: `formatRate` remembered per rate, for rules that say the same few rates thousands of times. */
export function rateTexts(): (rate: number) => string {
  const memo = new Map<number, string>();
  return (rate) => {
    let text = memo.get(rate);
    if (text === undefined) {
      text = formatRate(rate);
      memo.set(rate, text);
    }
    return text;
  };
}

/** "2.40 on 120.00" */
export function amountOnBase(check: SequestrationCheck): string {
  return `${formatCents(check.observed)} on ${formatCents(check.base)}`;
}

/** "2024-02-26 (DTM*472, service date)" */
export function describeDate(check: SequestrationCheck): string {
  if (!check.date) return 'no date';
  return `${formatDate(check.date.date)} (DTM*${check.date.source}, ${DATE_NAMES[check.date.source]})`;
}

const DATE_NAMES: Record<string, string> = {
  '472': 'service date', '150': 'service period start', '232': 'claim statement start', '233': 'claim statement end',
};

/** "the built-in table" / "your era835.sequestration.periods" */
export function describeSource(lookup: RateLookup): string {
  return lookup.source === 'setting' ? 'your era835.sequestration.periods' : 'the built-in sequestration table';
}

