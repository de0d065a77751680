import { readFileSync } from 'node:fs';
import { analyze } from '../analysis';
import { effectiveSeverity } from '../lsp/diagnostics';
import type { Settings } from '../settings';
import type { Severity } from '../x12/finding';
import { expandPaths } from './files';

/** One finding as the command line reports it (1-based line and column, like compilers do). */
export interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export interface CheckResult {
  readonly findings: CliFinding[];
  readonly problems: string[];
  readonly filesChecked: number;
}

/** Analyses each file with exactly the code the language server uses. */
export function check(paths: readonly string[], settings: Settings): CheckResult {
  const { files, problems } = expandPaths(paths);
  const findings: CliFinding[] = [];
  let filesChecked = 0;
  for (const { path } of files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(`${path}: cannot read (${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code ?? (e as Error).message})`);
      continue;
    }
    filesChecked++;
    const a = analyze(text, settings);
    for (const f of a.findings) {
      const severity = effectiveSeverity(f, settings);
      if (!severity) continue;
      const s = a.lines.positionAt(f.start);
      const e = a.lines.positionAt(f.end);
      findings.push({ file: path, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity, code: f.code, message: f.message });
    }
  }
  return { findings, problems, filesChecked };
}

export function formatFinding(f: CliFinding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`;
}
