import type { Analysis } from '../analysis';
import { SequestrationPass } from '../rules/co253/co253Facts';
import { UNKNOWN_RATE_MIN } from '../rules/co253/co253UnknownRateCheck';
import { sequestrationFacts } from '../rules/engine/claimPass';
import { drain } from '../rules/engine/shared';
import type { Model } from '../x835/types';

/**
 * What a worker tells about one part of a split file (parallelCheck.ts), so that the main thread can
 * tell whether the parts' findings are exactly the whole file's, or the file must be checked whole:
 * - the file-wide sequestration fact: every CO-253 of the file agreeing on a rate the table lacks is
 *   decided over all of them (co253Facts.ts), so the parts' counts are added up;
 * - the envelope open at each cut inside an interchange (transactionSplit.ts): what the part before the
 *   cut left open must be what the part after it was given as its prefix;
 * - bytes that are not UTF-8: their findings are capped per piece, so many of them need the whole file.
 */
export interface PartFacts {
  /** The part decided a file-wide unknown rate on its own. */
  readonly unknownRate: boolean;
  /** Off-rate CO-253s, CO-253s under a rate in force, and whether one of those was within a cent; undefined when unknown. */
  readonly sequestration?: { readonly deviating: number; readonly inForce: number; readonly withinTolerance: boolean };
  /** The interchange and group open where the part's own text starts (after its prefix) and ends (before its suffix). */
  readonly atStart?: OpenEnvelope;
  readonly atEnd?: OpenEnvelope;
  /** Runs of bytes that are not UTF-8 in the part's own text. */
  readonly invalid: number;
}

/** The envelope open at a place: its ISA and GS segments' text, groups of the interchange and transactions of the group so far. */
export interface OpenEnvelope {
  readonly isa: string;
  readonly gs: string;
  readonly groups: number;
  readonly transactions: number;
  /** The group holds an 835 so far (GS01 and GS08 are checked only then: envelopeVersion.ts). */
  readonly has835: boolean;
  /** The group's GE lies at or after the place (it is still open there). */
  readonly open: boolean;
  /**
   * The group has a GE and the interchange an IEA in the analysed text (a part's own, or the suffix when
   * the next part goes on with them): else the whole file reports them missing on the GS or ISA, which
   * lie in an earlier part.
   */
  readonly closed: boolean;
}

/** The facts of a part analysed with its own text at `window` of `a.text`. */
export function partFacts(a: Analysis, window: { readonly from: number; readonly to: number }, invalid: readonly number[]): PartFacts {
  const unknownRate = a.findings.some((f) => f.code === 'co253-unknown-rate');
  let sequestration: PartFacts['sequestration'];
  try {
    if (a.parts) {
      const facts = drain(sequestrationFacts(a.parts.ctx));
      if (facts instanceof SequestrationPass)
        sequestration = { deviating: facts.deviating.length, inForce: facts.inForceCount, withinTolerance: facts.withinToleranceCount > 0 };
    }
  } catch {
    sequestration = undefined;
  }
  const model = a.model;
  return {
    unknownRate,
    sequestration,
    atStart: window.from > 0 ? openAt(model, a.text, window.from) : undefined,
    atEnd: window.to < a.text.length ? openAt(model, a.text, window.to) : undefined,
    invalid: invalid.length,
  };
}

/** The interchange and group open at character `at` (the first segment starting there or later is not counted). */
function openAt(model: Model, text: string, at: number): OpenEnvelope | undefined {
  const t = model.tokens;
  const before = (seg: number) => t.segStart[seg] < at;
  const ics = model.interchanges.filter((ic) => before(ic.seg));
  const ic = ics[ics.length - 1];
  if (!ic) return undefined;
  const groups = ic.groups.filter((g) => before(g.seg));
  const g = groups[groups.length - 1];
  if (!g) return undefined;
  const transactions = g.transactions.filter((tx) => before(tx.seg));
  return {
    isa: text.slice(t.segStart[ic.seg], t.segEnd[ic.seg]),
    gs: text.slice(t.segStart[g.seg], t.segEnd[g.seg]),
    groups: groups.length,
    transactions: transactions.length,
    has835: transactions.some((tx) => tx.setId === '835'),
    open: g.geSeg === undefined || !before(g.geSeg),
    closed: g.geSeg !== undefined && ic.ieaSeg !== undefined,
  };
}

/** Runs of non-UTF-8 bytes a piece reports at most (stream/encodingFindings.ts). */
const INVALID_RUNS_SHOWN = 100;

/**
 * Whether the parts' findings, taken in order, are exactly the whole file's; else the file is checked
 * whole. `facts[k]` is part k's; `cutInside[k]` says part k starts inside an interchange (with a prefix).
 */
export function partsAgree(facts: readonly PartFacts[], cutInside: readonly boolean[]): boolean {
  if (facts.some((f) => f.unknownRate)) return false;
  // The whole file decides an unknown rate only with enough in-force CO-253s, none within a cent, and some off.
  const seq = facts.map((f) => f.sequestration);
  if (seq.some((s) => !s)) return false;
  const deviating = seq.reduce((n, s) => n + s!.deviating, 0);
  const inForce = seq.reduce((n, s) => n + s!.inForce, 0);
  if (deviating > 0 && inForce >= UNKNOWN_RATE_MIN && !seq.some((s) => s!.withinTolerance)) return false;
  // Every piece shows at most INVALID_RUNS_SHOWN runs (and the decoder keeps 10,000 offsets): few, or whole.
  if (facts.reduce((n, f) => n + f.invalid, 0) > INVALID_RUNS_SHOWN / 2) return false;
  for (let k = 1; k < facts.length; k++) {
    if (!cutInside[k]) continue;
    const end = facts[k - 1].atEnd;
    const start = facts[k].atStart;
    if (!end || !start || !end.open || !start.open || !start.closed || !end.has835) return false;
    if (end.isa !== start.isa || end.gs !== start.gs || end.groups !== start.groups || end.transactions !== start.transactions)
      return false;
  }
  return true;
}
