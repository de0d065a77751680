/**
 * The ERA Explorer's messages as plain JSON (type-only, so the VS Code client can import them without
 * bundling the analysis). The server computes every label, count and verdict word; the client renders
 * the nodes as they come and asks for children by `id`.
 */
import type { Range } from 'vscode-languageserver-types';

/** Which claims the tree shows; files and payments without a matching claim are left out. */
export type ExplorerFilter =
  | { readonly kind: 'all' }
  /** Claims with at least one adjustment to work (an actionable verdict). */
  | { readonly kind: 'work' }
  /** Claims with CO-253 money to claim back (a recoverable verdict with cents). */
  | { readonly kind: 'recoverable' }
  /** Claims with status 4 (denied). */
  | { readonly kind: 'denied' }
  /** Reversals (CLP02 22). */
  | { readonly kind: 'reversals' }
  /** Claims of payments from one payer (N1*PR name). */
  | { readonly kind: 'payer'; readonly payer: string };

/** The icon the client shows; the server picks it from the verdicts. */
export type ExplorerIcon =
  | 'file'
  | 'large-file'
  | 'payment'
  | 'claim'
  | 'claim-work'
  | 'claim-recover'
  | 'claim-denied'
  | 'claim-reversal'
  | 'line'
  | 'line-work'
  | 'adjustment'
  | 'adjustment-work'
  | 'adjustment-recover'
  | 'more'
  | 'problem';

/** Work in a node's subtree, under the filter: the same numbers the remittance summary adds up. */
export interface ExplorerCounts {
  readonly claims: number;
  /** Adjustments (CAS triplets) to work: actionable verdicts. */
  readonly toWork: number;
  /** Σ recoverable cents of those. */
  readonly toRecoverCents: number;
  /** Claims with status 4 and with status 22. */
  readonly denied: number;
  readonly reversals: number;
}

export interface ExplorerNode {
  readonly kind: 'file' | 'payment' | 'claim' | 'line' | 'adjustment' | 'more' | 'problem';
  /** Unique in the tree, and what `era835/explorerChildren` takes as `parent`. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: ExplorerIcon;
  readonly expandable: boolean;
  /** The segment to select when the node is chosen (a claim: its CLP; an adjustment: its reason and amount). */
  readonly reveal?: { readonly uri: string; readonly range: Range };
  /** Files, payments and claims: what is in them (under the filter). */
  readonly counts?: ExplorerCounts;
  /** A "… N more" node: asking `parent`'s children from `offset` gives the next page. */
  readonly more?: { readonly parent: string | null; readonly offset: number };
  /** A file too large for the editor: choosing it opens ERA: Open Large Remittance on it. */
  readonly largeFile?: string;
}

/** A page of children: at most a page of nodes, and a `more` node when there are more. */
export interface ExplorerPage {
  readonly nodes: readonly ExplorerNode[];
  /** The node asked about no longer exists (its file changed): the client refreshes the tree. */
  readonly stale: boolean;
}
