import { mayBeActionable } from '../../x835/classify';
import type { CasColumns, ModelStore } from '../../x835/records';
import { decidingDay } from '../../x835/sequestrationCheck';

/**
 * Reading the model's columns (x835/records.ts) for the rules that visit every claim, line or CAS
 * triplet of a file: a 50 MB remittance has 140,000 claims, 250,000 lines and 740,000 triplets, and
 * their objects are handles or views made on request. These rules walk the claims in order, each
 * claim's own triplets (CAS rows casFrom..casTo-1), then each of its lines' (lineFrom..lineTo-1, each
 * with its CAS rows): that is document order, since a claim's own CAS segments precede its SVCs.
 * What a rule asks of a code string (a group, a reason, a claim status) is answered once per distinct
 * code (`codeFlags`) instead of once per row.
 */

/** What the rules ask of a code string. */
export const enum CodeFlag {
  /** `code.trim() === '253'`: a sequestration reason. */
  Reason253 = 1,
  /** A reason whose triplet can be actionable at all (`mayBeActionable`). */
  MaybeActionable = 2,
  /** Exactly `PR`: the balancing rules' patient responsibility group. */
  GroupPr = 4,
  /** `CO` however written (`code.trim().toUpperCase() === 'CO'`). */
  GroupCo = 8,
  /** Exactly `22`: a claim status that reverses an earlier payment. */
  Status22 = 16,
  /** `code.trim() === '223'`: Medicare's sequestration reason of 2013 (on Medicare claims of its period). */
  Reason223 = 32,
}

/** The `CodeFlag`s of every code id of the store (`store.codes.list[id]`). */
export function codeFlags(store: ModelStore): Uint8Array {
  const codes = store.codes.list;
  const flags = new Uint8Array(codes.length);
  for (let id = 0; id < codes.length; id++) {
    const code = codes[id];
    let f = 0;
    if (code.trim() === '253') f |= CodeFlag.Reason253;
    if (mayBeActionable(code)) f |= CodeFlag.MaybeActionable;
    if (code === 'PR') f |= CodeFlag.GroupPr;
    if (code.trim().toUpperCase() === 'CO') f |= CodeFlag.GroupCo;
    if (code === '22') f |= CodeFlag.Status22;
    if (code.trim() === '223') f |= CodeFlag.Reason223;
    flags[id] = f;
  }
  return flags;
}

/**
 * For a triplet (CAS row `r`, one of the rows from..to-1 of its line or of its claim's own triplets) with
 * a non-zero amount: whether it is the first of its kind, and the amount reported. Only the first
 * non-zero triplet of a group and reason at its level counts, since the arithmetic already sums repeats
 * (`CAS*CO*253*1*...*253*1`); the amount is every triplet of that group and reason at that level
 * (`reportedAmount`). One look at the level's rows answers both: undefined when `r` is not the first.
 */
export function firstOfItsKindReported(cas: CasColumns, r: number, from: number, to: number): number | undefined {
  const group = cas.group[r];
  const reason = cas.reason[r];
  const amount = cas.amount;
  let observed = 0;
  for (let i = from; i < to; i++) {
    if (cas.group[i] !== group || cas.reason[i] !== reason) continue;
    // An earlier non-zero triplet of the same kind (NaN included) is the one that counts.
    if (i < r && amount[i] !== 0) return undefined;
    observed += amount[i];
  }
  return observed;
}

/**
 * `decidingDate(adj)?.date` (x835/sequestrationCheck.ts) for a triplet of claim row `claim`, on line row
 * `line` (-1 at claim level), from the columns (which hold 0 for "no date") and without the date's source,
 * which may take a scan of the line's segments.
 */
export function decidingDayOf(store: ModelStore, claim: number, line: number): number | undefined {
  const claims = store.claims;
  const day = decidingDay(line >= 0, line >= 0 ? store.lines.serviceDate[line] : 0, claims.statementFrom[claim], claims.statementTo[claim]);
  return day === 0 ? undefined : day;
}
