import type { OfficialLists } from './codes/official';
import { DIAGNOSTIC_CODES } from './rules/engine/catalog';
import type { Severity } from './x12/finding';
import { parseIsoDate } from './x835/values';

/** A sequestration period: service dates `from`..`to` (ISO, inclusive; `to` may be open) and the rate (0.02 = 2%). */
export interface SequestrationPeriod {
  readonly from: string;
  readonly to?: string;
  readonly rate: number;
}

/** What the analysis needs from the user's configuration (`era835.*`). Read-only, validated. */
export interface Settings {
  /** Per-code severity overrides (`era835.rules.<code>`). */
  readonly rules: Readonly<Record<string, Severity | 'off'>>;
  /** Replaces the built-in sequestration table when set (`era835.sequestration.periods`). */
  readonly sequestrationPeriods?: readonly SequestrationPeriod[];
  /** CSV of an organisation's licensed code lists (`era835.codeLists.path`). */
  readonly codeListsPath?: string;
  /** The lists read from `codeListsPath` (loaded by the LSP layer or the CLI; never shipped). */
  readonly official?: OfficialLists;
  readonly inlayHints: { readonly enabled: boolean; readonly elementNames: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  inlayHints: { enabled: true, elementNames: false },
};

/** Settings and what was wrong with the configuration they came from. */
export interface SettingsRead {
  readonly settings: Settings;
  /**
   * One line per value that was not used, naming the setting, what was wrong and what applies instead
   * (`era835.sequestration.periods[0].rate: 5 is not a fraction...`). The language server logs them in its
   * output channel and shows the first; `era835 --settings` prints them on stderr.
   */
  readonly warnings: readonly string[];
}

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

/** Turns whatever the client sent (possibly malformed) into Settings; unusable values fall back to defaults. */
export function parseSettings(raw: unknown): Settings {
  return readSettings(raw).settings;
}

/**
 * `parseSettings`, saying what it ignored. `raw` is the `era835` section: nested objects as VS Code gives
 * them (`{ rules: { "co253-amount": "off" } }`), dotted keys (`{ "rules.co253-amount": "off" }`) and the
 * section wrapped once more (`{ era835: { ... } }`, as in a settings file written by hand) are all accepted
 * and read alike. Keys this server does not read (editor-side settings such as `trace.server`) are left alone.
 */
export function readSettings(raw: unknown): SettingsRead {
  const warnings: string[] = [];
  const warn = (setting: string, problem: string) => warnings.push(`era835.${setting}: ${problem}`);
  if (raw !== undefined && raw !== null && !isObject(raw)) {
    warn('', `the settings are ${describe(raw)}, not an object; defaults are used`);
    return { settings: DEFAULT_SETTINGS, warnings };
  }
  const r = section(raw ?? {});
  const rules = readRules(r.rules, warn);
  const periods = readPeriods(isObject(r.sequestration) ? r.sequestration.periods : undefined, warn);
  const codeLists = isObject(r.codeLists) ? r.codeLists.path : r.codeLists;
  if (codeLists !== undefined && typeof codeLists !== 'string')
    warn('codeLists.path', `${describe(codeLists)} is not a file path; no official lists are read`);
  const hints = isObject(r.inlayHints) ? r.inlayHints : {};
  const flag = (name: 'enabled' | 'elementNames', fallback: boolean): boolean => {
    const v = hints[name];
    if (v === undefined || typeof v === 'boolean') return v ?? fallback;
    warn(`inlayHints.${name}`, `${describe(v)} is not true or false; ${fallback} is used`);
    return fallback;
  };
  return {
    settings: {
      rules,
      sequestrationPeriods: periods,
      codeListsPath: typeof codeLists === 'string' && codeLists ? codeLists : undefined,
      inlayHints: { enabled: flag('enabled', true), elementNames: flag('elementNames', false) },
    },
    warnings,
  };
}

type Warn = (setting: string, problem: string) => void;
type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** A value as a message quotes it: strings in quotes, long ones cut. */
function describe(v: unknown): string {
  const s =
    typeof v === 'string'
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? 'a list'
        : v === null
          ? 'null'
          : typeof v === 'object'
            ? 'an object'
            : String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/**
 * The section as nested objects: every leaf's dotted path (`rules.co253-amount`, `era835.rules.x`, or the
 * same as nested objects) is split on its dots, after one leading `era835` is dropped. Codes hold no dot,
 * and lists (the periods) are leaves, so every form reads alike.
 */
function section(raw: Obj): Obj {
  const out: Obj = {};
  const walk = (obj: Obj, prefix: string) => {
    for (const [key, value] of Object.entries(obj)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (isObject(value) && Object.keys(value).length) {
        walk(value, path);
        continue;
      }
      const keys = (path.startsWith('era835.') ? path.slice(7) : path).split('.');
      let at = out;
      for (const k of keys.slice(0, -1)) at = (isObject(at[k]) ? at[k] : (at[k] = {})) as Obj;
      at[keys[keys.length - 1]] = value;
    }
  };
  walk(raw, '');
  return out;
}

function readRules(raw: unknown, warn: Warn): Record<string, Severity | 'off'> {
  const rules: Record<string, Severity | 'off'> = {};
  if (raw === undefined) return rules;
  if (!isObject(raw)) {
    warn('rules', `${describe(raw)} is not an object of { "<code>": "<severity>" }; default severities are used`);
    return rules;
  }
  for (const [code, level] of Object.entries(raw)) {
    if (!(code in DIAGNOSTIC_CODES)) warn(`rules.${code}`, 'no such diagnostic code (see the README, Diagnostic codes); ignored');
    else if (typeof level !== 'string' || !LEVELS.includes(level))
      warn(`rules.${code}`, `${describe(level)} is not one of ${LEVELS.join(', ')}; the default severity is used`);
    else rules[code] = level as Severity | 'off';
  }
  return rules;
}

/**
 * The usable periods, or undefined (the built-in table applies). A period with a date that is not a date,
 * an end before its start, or a rate that is not a fraction from 0 to 1 is dropped with a warning: a rate
 * is never guessed at (is 2 meant as 2% or as 200%?).
 */
function readPeriods(raw: unknown, warn: Warn): SequestrationPeriod[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    warn(
      'sequestration.periods',
      `${describe(raw)} is not a list of { "from": "YYYY-MM-DD", "to": "YYYY-MM-DD", "rate": 0.02 }; the built-in table is used`,
    );
    return undefined;
  }
  const out: SequestrationPeriod[] = [];
  raw.forEach((p: unknown, i) => {
    const at = `sequestration.periods[${i}]`;
    if (!isObject(p)) return warn(at, `${describe(p)} is not a period { "from": "YYYY-MM-DD", "rate": 0.02 }; ignored`);
    const from = p.from;
    const to = p.to;
    const rate = p.rate;
    if (typeof from !== 'string' || parseIsoDate(from) === undefined)
      return warn(`${at}.from`, `${from === undefined ? 'missing' : `${describe(from)} is not a date YYYY-MM-DD`}; this period is ignored`);
    if (to !== undefined && to !== '' && (typeof to !== 'string' || parseIsoDate(to) === undefined))
      return warn(`${at}.to`, `${describe(to)} is not a date YYYY-MM-DD (leave it out for no end); this period is ignored`);
    if (typeof to === 'string' && to !== '' && parseIsoDate(to)! < parseIsoDate(from)!)
      return warn(at, `"to" ${to} is before "from" ${from}; this period is ignored`);
    if (typeof rate !== 'number') {
      const hint =
        typeof rate === 'string' && Number.isFinite(Number(rate)) && rate.trim() !== ''
          ? ` (write the number ${Number(rate)}, without quotes)`
          : '';
      return warn(`${at}.rate`, `${rate === undefined ? 'missing' : `${describe(rate)} is not a number${hint}`}; this period is ignored`);
    }
    if (!Number.isFinite(rate) || rate < 0 || rate >= 1)
      return warn(`${at}.rate`, `${rate} is not a fraction from 0 to 1 (0.02 is 2%); this period is ignored`);
    out.push(typeof to === 'string' && to !== '' ? { from, to, rate } : { from, rate });
  });
  if (raw.length && !out.length) warn('sequestration.periods', 'no usable period; the built-in table is used');
  return out.length ? out : undefined;
}
