import type { Settings } from '../settings';
import type { OptionSpec, ParsedArgs } from './args';
import type { BlockWriter } from './output';

/** What every command gets: the settings, stdout in blocks, stderr by lines. */
export interface CliContext {
  readonly settings: Settings;
  readonly out: BlockWriter;
  readonly err: (line: string) => void;
  /** stderr, for progress lines (rewritten in place on a terminal). */
  readonly stderr: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): unknown };
  /** The script worker threads run (the CLI bundle itself). */
  readonly workerFile: string;
}

/** One `era835` command: its options (node:util parseArgs), its help, and what it does. */
export interface Command {
  readonly name: string;
  /** One line for the overview: `era835 check FILE|DIR... [--json]   what it does`. */
  readonly usage: string;
  /** What `era835 COMMAND --help` prints after the usage line: options and details. */
  readonly help: string;
  readonly options: OptionSpec;
  /** Exit status: 0 fine, 1 an error-level finding (check), 2 something could not be read, is not X12, or bad usage. */
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}
