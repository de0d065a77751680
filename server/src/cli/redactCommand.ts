import { REDACT_HELP, REDACT_OPTIONS, REDACT_USAGE, runRedact } from '../redact/cli';
import { usageProblem } from './checkCommand';
import type { Command } from './context';
import { writeAll } from './output';

/** `era835 redact`: the command-line side of redaction (options, output); the work is in redact/. */
export const redactCommand: Command = {
  name: 'redact',
  usage: REDACT_USAGE,
  help: REDACT_HELP,
  options: REDACT_OPTIONS,
  async run(args, ctx) {
    if (!args.paths.length) return usageProblem(ctx, 'redact needs a file');
    return runRedact(
      args.paths,
      { salt: args.values.salt as string | undefined, outDir: args.values['out-dir'] as string | undefined },
      {
        writeOut: (bytes) => ctx.out.writeBytes(bytes),
        writeFd: (fd, bytes) => writeAll(fd, bytes),
        err: ctx.err,
      },
    );
  },
};
