/**
 * Shapes of the code lists. Every description is written in our own words (short, plain,
 * analyst-oriented); an organisation's licensed official wording can be loaded beside it
 * from a CSV (setting `era835.codeLists.path`).
 */

/** One value of a code list. Dates are ISO `YYYY-MM-DD`; `stop` set means retired (last valid date). */
export interface CodeInfo {
  readonly code: string;
  /** Our own plain explanation. */
  readonly text: string;
  readonly start?: string;
  readonly stop?: string;
  /** A 1-3 word label for inlay hints ("fee schedule"); derived from `text` when absent. */
  readonly label?: string;
}

/** How an analyst should treat an adjustment with this reason. */
export type CarcCategory =
  | 'contractual' // expected write-off under the payer contract or fee schedule
  | 'patient' // deductible, coinsurance, copay, non-covered billed to the patient
  | 'sequestration' // federal mandatory payment reduction (253, and 223 in 2013)
  | 'denial' // something is wrong or missing: needs work (rebill, appeal, records)
  | 'informational'; // other: coordination of benefits, interest, prior payments, timing

/** A claim adjustment reason code with its category and a one-line "what to do". */
export interface CarcInfo extends CodeInfo {
  readonly category: CarcCategory;
  /** One short imperative line: what the analyst does about it. */
  readonly action: string;
}

/** A named list of codes, keyed by code value. */
export interface CodeList<T extends CodeInfo = CodeInfo> {
  readonly id: string;
  /** Human name of the list, e.g. "Claim status (CLP02)". */
  readonly name: string;
  readonly entries: ReadonlyMap<string, T>;
}

/** Builds a CodeList from an array literal, keeping declaration order. */
export function codeList<T extends CodeInfo>(id: string, name: string, entries: readonly T[]): CodeList<T> {
  return { id, name, entries: new Map(entries.map((e) => [e.code, e])) };
}

/**
 * The short label of a code for inlay hints: its own `label`, else the text up to the first ':', '(' or
 * ',' when that is short enough to read at a glance; undefined otherwise (no hint beats a cut-off one).
 */
export function shortLabel(info: CodeInfo, max = 28): string | undefined {
  if (info.label) return info.label;
  const head = info.text.split(/[:(,;]|\s[-\u2013\u2014]\s/)[0].trim();
  return head && head.length <= max ? head : undefined;
}
