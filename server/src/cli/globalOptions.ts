import { readFileSync } from 'node:fs';
import { parseOfficialLists } from '../codes/official';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings';

/**
 * Options every command takes, so a terminal run can match an editor's configuration:
 * `--settings FILE` (a VS Code settings.json or a JSON of `era835.*` keys: rule severities, sequestration
 * periods) and `--code-lists FILE` (the organisation's official lists CSV, shown in summaries).
 */
export interface GlobalOptions {
  readonly rest: string[];
  readonly settings: Settings;
  readonly problems: string[];
}

export const GLOBAL_USAGE = 'Options for every command: --settings FILE (era835.* settings as JSON), --code-lists FILE (official lists CSV)';

/** Turns flat `era835.rules.x` keys (as in settings.json) into the nested object parseSettings reads. */
function nest(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const path = key.startsWith('era835.') ? key.slice(7) : key;
    const [head, ...tail] = path.split('.');
    if (!tail.length) { out[head] = value; continue; }
    const obj = (out[head] ??= {}) as Record<string, unknown>;
    obj[tail.join('.')] = value;
  }
  return out;
}

export function extractGlobalOptions(argv: readonly string[]): GlobalOptions {
  const rest: string[] = [];
  const problems: string[] = [];
  let settings = DEFAULT_SETTINGS;
  let codeLists: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name !== '--settings' && name !== '--code-lists') { rest.push(arg); continue; }
    const value = inline ?? argv[++i];
    if (!value) { problems.push(`${name} needs a file`); continue; }
    if (name === '--code-lists') { codeLists = value; continue; }
    try {
      const raw = JSON.parse(readFileSync(value, 'utf8')) as Record<string, unknown>;
      settings = parseSettings(nest(raw));
    } catch (e) {
      problems.push(`--settings ${value}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
  }
  if (codeLists) {
    try {
      const r = parseOfficialLists(readFileSync(codeLists, 'utf8'));
      settings = { ...settings, codeListsPath: codeLists, official: r.lists };
      for (const p of r.problems) problems.push(`--code-lists ${codeLists}: ${p}`);
    } catch (e) {
      problems.push(`--code-lists ${codeLists}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
  }
  return { rest, settings, problems };
}
