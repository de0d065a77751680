import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { FixData } from '../features/codeActions';
import { defaultSeverity } from '../rules/engine/catalog';
import { effectiveSeverity } from '../rules/engine/severity';
import type { Settings } from '../settings';
import type { Finding, Severity } from '../x12/finding';

export { effectiveSeverity };

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Converts findings to LSP diagnostics (UTF-16 positions through the document's line index). */
export function toDiagnostics(a: Analysis, settings: Settings, uri: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const range = (start: number, end: number) => ({ start: a.lines.positionAt(start), end: a.lines.positionAt(end) });
  for (const f of a.findings) {
    const severity = effectiveSeverity(f, settings);
    if (!severity) continue;
    const d: Diagnostic = {
      range: range(f.start, f.end),
      severity: LSP_SEVERITY[severity],
      source: 'era835',
      code: f.code,
      message: f.message,
    };
    if (f.fix) {
      const data: FixData = {
        fix: {
          title: f.fix.title,
          range: range(f.fix.start, f.fix.end),
          newText: f.fix.newText,
          oldText: a.text.slice(f.fix.start, f.fix.end),
        },
      };
      d.data = data;
    }
    if (f.related?.length) {
      d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({
        location: { uri, range: range(r.start, r.end) },
        message: r.message,
      }));
    }
    out.push(d);
  }
  return out;
}

/**
 * VS Code shows at most 1000 diagnostics per file (errors first, then warnings, information, hints) and
 * drops the rest in the extension host. Sending more only costs time: a 50 MB remit has 200,000
 * informational CO-253 findings, tens of megabytes of JSON. So the server sends the same selection
 * itself, and says how many it left out (`era835 check` lists every finding).
 */
export const MAX_DIAGNOSTICS = 1000;
const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const OFF = 255;

/**
 * The diagnostics to publish: every shown finding (severity not `off`) in the analysis' order when
 * there are at most MAX_DIAGNOSTICS, else the first MAX_DIAGNOSTICS - 1 by severity (errors first,
 * each severity in finding order), still in finding order, and one `diagnostics-limit` note saying how
 * many were left out. Only the kept findings are converted: on 200,000 findings, one pass that reads a
 * severity rank per finding (its code's settings looked up once) and another that picks the kept ones.
 */
export function shownDiagnostics(a: Analysis, settings: Settings, uri: string): Diagnostic[] {
  const findings = a.findings;
  const ranks = severityRanks(findings, settings);
  const perRank = [0, 0, 0, 0];
  for (let i = 0; i < ranks.length; i++) if (ranks[i] !== OFF) perRank[ranks[i]]++;
  const shown = perRank[0] + perRank[1] + perRank[2] + perRank[3];
  // Keep every finding ranked below `cutRank`, and the first `cutTake` of that rank.
  const room = shown <= MAX_DIAGNOSTICS ? shown : MAX_DIAGNOSTICS - 1;
  let cutRank = 0;
  let cutTake = room;
  while (cutRank < perRank.length && cutTake >= perRank[cutRank]) cutTake -= perRank[cutRank++];
  const kept: Finding[] = [];
  for (let i = 0; i < findings.length && kept.length < room; i++) {
    const rank = ranks[i];
    if (rank < cutRank || (rank === cutRank && cutTake-- > 0)) kept.push(findings[i]);
  }
  const out = toDiagnostics({ ...a, findings: kept }, settings, uri);
  if (shown > kept.length) {
    out.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
      severity: DiagnosticSeverity.Information,
      source: 'era835',
      code: 'diagnostics-limit',
      message: `${shown - kept.length} more findings are not shown: an editor shows at most ${MAX_DIAGNOSTICS} per file (errors first). Run \`era835 check\` on this file to list all ${shown}.`,
    });
  }
  return out;
}

/** Each finding's effective severity as its index in SEVERITY_ORDER, or OFF. */
function severityRanks(findings: readonly Finding[], settings: Settings): Uint8Array {
  const ranks = new Uint8Array(findings.length);
  // Per code, looked up once: the rank its settings impose (OFF for 'off'), or when none, -1 - its default rank.
  const byCode = new Map<string, number>();
  // Findings come in long runs of one code (a rule's): the previous code's answer saves the map lookup
  // (this runs on every publication, an edit's too: 200,000 findings on a 50 MB file).
  let lastCode = '';
  let lastRule = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    let rule = f.code === lastCode ? lastRule : byCode.get(f.code);
    if (rule === undefined) {
      const level = settings.rules[f.code];
      rule = level === 'off' ? OFF : level ? SEVERITY_ORDER.indexOf(level) : -1 - SEVERITY_ORDER.indexOf(defaultSeverity(f.code));
      byCode.set(f.code, rule);
    }
    lastCode = f.code;
    lastRule = rule;
    ranks[i] = rule >= 0 ? rule : f.severity ? SEVERITY_ORDER.indexOf(f.severity) : -1 - rule;
  }
  return ranks;
}
