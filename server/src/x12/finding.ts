/**
 * A finding is what any layer (syntax, model, rules) reports about the document: a stable code from
 * the diagnostic contract, a range as UTF-16 offsets into the text, and a message written for a person.
 * The LSP adapter and the CLI turn findings into diagnostics or lines; they never re-derive them.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Another place in the document that explains a finding (SE -> its ST, a claim -> its CAS...). */
export interface RelatedLocation {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/**
 * The edit that corrects a finding (a quick fix in the editor): replace the UTF-16 range [start, end)
 * with `newText`, every other byte unchanged. `title` is what the editor's light bulb offers.
 */
export interface FindingFix {
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Finding {
  /** Stable diagnostic code, e.g. `se-count`. Tests assert codes and ranges, not wording. */
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** Overrides the code's default severity for this one finding (e.g. an informational variant). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  /** How to correct it, when one edit surely does (a count or a control number that must equal another). */
  readonly fix?: FindingFix;
}
