import { parseArgs } from './cli/args';
import { checkCommand } from './cli/checkCommand';
import type { Command } from './cli/context';
import { exportCommand } from './cli/exportCsv';
import { GLOBAL_USAGE, loadSettings } from './cli/globalOptions';
import { impactCommand } from './cli/impact';
import { BlockWriter, errLine, OutputClosed } from './cli/output';
import { redactCommand } from './cli/redactCommand';
import { reportCommand } from './cli/report';
import { summaryCommand } from './cli/summary';
import { isOutOfMemory } from './stream/input';
import { isMainThread, workerData } from 'node:worker_threads';
import { runCheckWorker, WORKER_FLAG } from './cli/parallelCheck';
import { EXPORT_WORKER_FLAG, runExportWorker } from './cli/exportParallel';
import type { Settings } from './settings';
import { VERSION } from './version';

const COMMANDS: readonly Command[] = [checkCommand, summaryCommand, impactCommand, exportCommand, reportCommand, redactCommand];

const EXIT_STATUS = `Exit status (every command):
  0  every input was read (check: and no finding is an error)
  1  check only: at least one error-level finding
  2  bad usage, or an input that could not be read, is not a regular file, is not X12
     (no segment can be read), or does not fit in memory; the other inputs are still processed`;

const USAGE = `era835 ${VERSION}: read X12 835 remittance (ERA) files from the terminal

Usage:
${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}
  era835 COMMAND --help                 help for one command
  era835 --version                      the version

A path may be a file, a folder (its *.835 and *.era files, and *.edi, *.x12, *.txt, *.dat files that start
with ISA; links followed, each real file once), or - for standard input.

${GLOBAL_USAGE}

${EXIT_STATUS}`;

/** The command named first (options of every command may come before it: `--settings f check x`). */
function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--settings' || a === '--code-lists') {
      i++;
      continue;
    }
    if (a === '--') break;
    if (!a.startsWith('-')) return { name: a, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: [...argv] };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { name, rest } = splitCommand(argv);
  if (name === undefined || name === 'help') {
    const wantsHelp = name === 'help' || rest.includes('--help') || rest.includes('-h') || !rest.length;
    if (wantsHelp) {
      const about = name === 'help' && rest[0] ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
      process.stdout.write((about ? commandHelp(about) : USAGE) + '\n');
      return 0;
    }
    return usage(rest[0]?.startsWith('-') ? `unknown option ${rest[0].split('=')[0]}` : 'no command given');
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return usage(`unknown command "${name}"`);
  const parsed = parseArgs(rest, command.options);
  if ('problem' in parsed) {
    errLine(`era835: ${command.name}: ${parsed.problem}\nusage: ${command.usage}\n(era835 ${command.name} --help for its options)\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(commandHelp(command) + '\n');
    return 0;
  }
  const loaded = loadSettings(parsed.values.settings as string | undefined, parsed.values['code-lists'] as string | undefined);
  if (loaded.problems.length) {
    for (const p of loaded.problems) errLine(`era835: ${p}\n`);
    return 2;
  }
  for (const w of loaded.warnings) errLine(`era835: warning: ${w}\n`);
  const out = new BlockWriter(1);
  try {
    return await command.run(parsed, { settings: loaded.settings, out, err: errLine, stderr: process.stderr, workerFile: __filename });
  } finally {
    out.flush();
  }
}

function commandHelp(c: Command): string {
  return `Usage: ${c.usage}\n\n${c.help}\n\n${GLOBAL_USAGE}\n\n${EXIT_STATUS}`;
}

function usage(problem: string): number {
  errLine(`era835: ${problem}\n\n${USAGE}\n`);
  return 2;
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_FLAG)
  runCheckWorker((workerData as { settings: Settings }).settings);
else if (!isMainThread && (workerData as { role?: string } | null)?.role === EXPORT_WORKER_FLAG)
  runExportWorker((workerData as { settings: Settings }).settings);
else
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // `era835 check big.835 | head`: a reader that stops early is not an error worth a stack trace.
      if (e instanceof OutputClosed) {
        process.exitCode = 0;
        return;
      }
      // Never exit 1 on a failure of ours: 1 means "error findings" to scripts.
      if (isOutOfMemory(e)) errLine(`era835: not enough memory (${(e as Error).message}); the other files were processed up to here\n`);
      else errLine(`era835: internal error: ${(e as Error)?.message ?? e} (please report it with a redacted sample: era835 redact)\n`);
      process.exitCode = 2;
    },
  );
