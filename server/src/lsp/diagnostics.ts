import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { defaultSeverity } from '../rules/catalog';
import type { Settings } from '../settings';
import type { Finding, Severity } from '../x12/finding';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The severity a finding gets after the user's `era835.rules.<code>` override; undefined = off. */
export function effectiveSeverity(f: Finding, settings: Settings): Severity | undefined {
  const override = settings.rules[f.code];
  if (override === 'off') return undefined;
  return override ?? f.severity ?? defaultSeverity(f.code);
}

/** Converts findings to LSP diagnostics (UTF-16 positions through the document's line index). */
export function toDiagnostics(a: Analysis, settings: Settings, uri: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const range = (start: number, end: number) => ({ start: a.lines.positionAt(start), end: a.lines.positionAt(end) });
  for (const f of a.findings) {
    const severity = effectiveSeverity(f, settings);
    if (!severity) continue;
    const d: Diagnostic = { range: range(f.start, f.end), severity: LSP_SEVERITY[severity], source: 'era835', code: f.code, message: f.message };
    if (f.related?.length) {
      d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({ location: { uri, range: range(r.start, r.end) }, message: r.message }));
    }
    out.push(d);
  }
  return out;
}
