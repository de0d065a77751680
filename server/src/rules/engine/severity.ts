import type { Settings } from '../../settings';
import type { Finding, Severity } from '../../x12/finding';
import { defaultSeverity } from './catalog';

/**
 * The severity a finding gets after the user's `era835.rules.<code>` override; undefined = off.
 * Below both the language server and the command line, so both read a finding's level the same way.
 */
export function effectiveSeverity(f: Finding, settings: Settings): Severity | undefined {
  const override = settings.rules[f.code];
  if (override === 'off') return undefined;
  return override ?? f.severity ?? defaultSeverity(f.code);
}
