import type { Analysis } from '../../analysis';
import type { Claim } from '../../x835/types';

/**
 * "claim PCN1001, line 17": where a claim is, as a markdown link to the document line when the hover
 * knows the document's uri (VS Code opens `uri#L17` at that line), as plain text otherwise (CLI, tests).
 */
export function claimLink(a: Analysis, claim: Claim, uri: string | undefined): string {
  const line = a.lines.positionAt(a.tokens.segStart[claim.seg]).line + 1;
  const label = `claim ${claim.id || '(no CLP01)'}, line ${line}`;
  return uri ? `[${label}](${uri}#L${line})` : label;
}
