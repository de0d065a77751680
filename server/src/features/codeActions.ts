import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import { DIAGNOSTIC_CODES } from '../rules/engine/catalog';

/** What a diagnostic with a quick fix carries in `data` (see lsp/diagnostics.ts). */
export interface FixData {
  readonly fix: { readonly title: string; readonly range: Range; readonly newText: string; readonly oldText: string };
}

/** Client commands the actions run (registered by the VS Code client). */
export const TURN_OFF_RULE_COMMAND = 'era835.turnOffRule';
export const OPEN_PRETTY_VIEW_COMMAND = 'era835.openPrettyView';

/**
 * The light bulb at a range: for each of our diagnostics there, its fix (SE01/GE01/IEA01 set to the real
 * count, a trailer's control number set to its header's) and "turn this rule off here"; on a line that
 * holds several segments, "open as one segment per line". Reads only the diagnostics VS Code sends and
 * the current text under them, so it costs nothing on a 50 MB file.
 *
 * A fix is offered only when the bytes it replaces are still those the finding saw: after an edit the
 * editor may still show the previous version's diagnostics, and a stale fix must not write anything.
 */
export function codeActions(a: Analysis, uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const turnedOff = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== 'era835') continue;
    const fix = (d.data as Partial<FixData> | undefined)?.fix;
    if (fix && textAt(a, fix.range) === fix.oldText) {
      out.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: fix.range, newText: fix.newText }] } },
      });
    }
    const code = typeof d.code === 'string' ? d.code : undefined;
    if (code && code in DIAGNOSTIC_CODES && !turnedOff.has(code)) {
      turnedOff.add(code);
      out.push({
        title: `Turn off rule ${code} here (era835.rules.${code}: off)`,
        kind: 'quickfix',
        diagnostics: [d],
        command: { title: `Turn off ${code}`, command: TURN_OFF_RULE_COMMAND, arguments: [code, uri] },
      });
    }
  }
  if (segmentsOnLine(a, range.start.line) > 1) {
    out.push({
      title: 'Open as one segment per line',
      kind: 'refactor',
      command: { title: 'Open as one segment per line', command: OPEN_PRETTY_VIEW_COMMAND },
    });
  }
  return out;
}

function textAt(a: Analysis, r: Range): string {
  return a.text.slice(a.lines.offsetAt(r.start), a.lines.offsetAt(r.end));
}

/** How many segments start or end on a line (1 for a file written one segment per line), up to 2. */
function segmentsOnLine(a: Analysis, line: number): number {
  const t = a.tokens;
  const start = a.lines.offsetAt({ line, character: 0 });
  const end = a.lines.offsetAt({ line: line + 1, character: 0 });
  const first = t.segmentAt(start);
  const last = t.segmentAt(Math.max(start, end - 1));
  return first < 0 || last < 0 ? 0 : Math.min(2, last - first + 1);
}
