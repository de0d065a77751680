import type { OfficialLists } from './codes/official';
import type { Severity } from './x12/finding';

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

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Turns whatever the client sent (possibly malformed) into Settings; unknown values fall back to defaults. */
export function parseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, Severity | 'off'> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [code, level] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) rules[code] = level as Severity | 'off';
    }
  }
  const seq = (r.sequestration as Record<string, unknown> | undefined)?.periods;
  const periods = Array.isArray(seq)
    ? seq.filter((p): p is SequestrationPeriod => !!p && typeof p === 'object' && typeof (p as SequestrationPeriod).from === 'string' && typeof (p as SequestrationPeriod).rate === 'number')
    : undefined;
  const codeLists = (r.codeLists as Record<string, unknown> | undefined)?.path;
  const hints = (r.inlayHints ?? {}) as Record<string, unknown>;
  return {
    rules,
    sequestrationPeriods: periods && periods.length ? periods : undefined,
    codeListsPath: typeof codeLists === 'string' && codeLists ? codeLists : undefined,
    inlayHints: {
      enabled: typeof hints.enabled === 'boolean' ? hints.enabled : true,
      elementNames: typeof hints.elementNames === 'boolean' ? hints.elementNames : false,
    },
  };
}
