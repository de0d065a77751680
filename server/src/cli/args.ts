/**
 * Command-line options for the report commands: `--flag`, `--name value`, `--name=value`, `-o value`,
 * and positional paths. Unknown options become problems (usage errors), never silently paths.
 */
export interface ParsedArgs {
  readonly paths: string[];
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly problems: string[];
}

export interface ArgSpec {
  /** Options without a value, e.g. `--json`. */
  readonly flags: readonly string[];
  /** Options with a value, e.g. `--by`; aliases map a short form to its long name (`-o` -> `--output`). */
  readonly values: readonly string[];
  readonly aliases?: Readonly<Record<string, string>>;
}

export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs {
  const paths: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const problems: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-' || !arg.startsWith('-')) { paths.push(arg); continue; }
    const eq = arg.indexOf('=');
    const rawName = eq > 0 ? arg.slice(0, eq) : arg;
    const name = spec.aliases?.[rawName] ?? rawName;
    if (spec.flags.includes(name) && eq < 0) { flags.add(name); continue; }
    if (spec.values.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') problems.push(`${rawName} needs a value`);
      else values.set(name, value);
      continue;
    }
    problems.push(`unknown option ${rawName}`);
  }
  return { paths, flags, values, problems };
}
