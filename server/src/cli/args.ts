import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';

/**
 * Command-line options, read by node:util parseArgs in strict mode: an unknown option (`--jsno`), a
 * missing value or a value given to a flag is a usage problem (exit 2), never a path. `-` is a path
 * (standard input); after `--` everything is a path.
 */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const GLOBAL_OPTIONS = {
  settings: { type: 'string' },
  'code-lists': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export interface ParsedArgs {
  readonly paths: string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** The arguments of one command (global options included), or the one-line reason they are wrong. */
export function parseArgs(args: readonly string[], options: OptionSpec): ParsedArgs | { problem: string } {
  try {
    const r = parseNodeArgs({ args: [...args], options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { paths: r.positionals, values: r.values as Record<string, string | boolean | undefined> };
  } catch (e) {
    // Node's wording, first sentence: "Unknown option '--jsno'", "Option '--by <value>' argument missing".
    return { problem: (e as Error).message.split('. ')[0] };
  }
}

/** `--jobs N`: a whole number from 1, else undefined with a problem. */
export function jobsOption(value: string | boolean | undefined, fallback: number): number | { problem: string } {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 256 ? n : { problem: `--jobs takes a whole number from 1 to 256, not "${value}"` };
}
