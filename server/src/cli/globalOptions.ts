import { readFileSync } from 'node:fs';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { loadOfficialListsSync, skippedRows } from '../codes/officialFile';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../settings';

/**
 * Options every command takes, so a terminal run can match an editor's configuration:
 * `--settings FILE` (a VS Code settings.json, comments and trailing commas included, or a JSON of
 * `era835.*` keys: rule severities, sequestration periods) and `--code-lists FILE` (the organisation's
 * official lists CSV, shown in summaries).
 */
export const GLOBAL_USAGE = `Options for every command:
  --settings FILE     a VS Code settings.json (comments allowed): its era835.* settings apply
  --code-lists FILE   your organisation's official code lists (CSV), as era835.codeLists.path
  -h, --help          help for the command`;

/** Turns flat `era835.rules.x` keys (as in settings.json) into the nested object parseSettings reads. */
function nest(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'era835' && value && typeof value === 'object') {
      Object.assign(out, value);
      continue;
    }
    if (!key.startsWith('era835.')) continue; // the rest of a settings.json is VS Code's business
    const [head, ...tail] = key.slice(7).split('.');
    if (!tail.length) {
      out[head] = value;
      continue;
    }
    const obj = (out[head] ??= {}) as Record<string, unknown>;
    obj[tail.join('.')] = value;
  }
  return out;
}

/**
 * Reads the settings the options name. Problems are one line each (the command then exits 2); warnings
 * name a value that is not used (a bad rate, a skipped code-list row...), and the command runs without it.
 */
export function loadSettings(
  settingsPath: string | undefined,
  codeLists: string | undefined,
): { settings: Settings; problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  let settings = DEFAULT_SETTINGS;
  if (settingsPath) {
    try {
      const errors: ParseError[] = [];
      const raw = parseJsonc(readFileSync(settingsPath, 'utf8'), errors, { allowTrailingComma: true, disallowComments: false }) as unknown;
      if (errors.length)
        problems.push(
          `--settings ${settingsPath}: not valid JSON (${printParseErrorCode(errors[0].error)} at character ${errors[0].offset})`,
        );
      else if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        problems.push(`--settings ${settingsPath}: not a settings object ({ "era835.rules.<code>": "off", ... })`);
      else {
        const read = readSettings(nest(raw as Record<string, unknown>));
        settings = read.settings;
        for (const w of read.warnings) warnings.push(`--settings ${settingsPath}: ${w}`);
      }
    } catch (e) {
      problems.push(
        `--settings ${settingsPath}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
    }
  }
  if (codeLists) {
    // The same reader as the language server's: size limit, regular files only, bad rows skipped.
    const r = loadOfficialListsSync(codeLists);
    if (r.error) problems.push(`--code-lists ${r.error}`);
    else {
      settings = { ...settings, codeListsPath: codeLists, official: r.lists };
      const skipped = skippedRows(r);
      if (skipped) warnings.push(`--code-lists ${codeLists}: ${skipped}`);
    }
  }
  return { settings, problems, warnings };
}
