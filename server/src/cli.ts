import { check, formatFinding } from './cli/check';
import { EXPORT_USAGE, runExport } from './cli/exportCsv';
import { IMPACT_USAGE, runImpact } from './cli/impact';
import { runSummary, SUMMARY_USAGE } from './cli/summary';
import { extractGlobalOptions, GLOBAL_USAGE } from './cli/globalOptions';
import { REDACT_USAGE, runRedact } from './redact/cli';

const USAGE = `era835: read X12 835 remittance (ERA) files from the terminal

Usage:
  era835 check FILE|DIR... [--json]   every finding as file:line:col severity code message
  ${SUMMARY_USAGE}
  ${IMPACT_USAGE}
  ${EXPORT_USAGE}
  ${REDACT_USAGE}
  era835 help                         this text

${GLOBAL_USAGE}

Exit status: 0 no errors, 1 an error-level finding, 2 a path could not be read or bad usage.`;

function main(argv: string[]): number {
  const global = extractGlobalOptions(argv);
  if (global.problems.length) return usage(global.problems.join('; '));
  const settings = global.settings;
  const [command, ...rest] = global.rest;
  const json = rest.includes('--json');
  const paths = rest.filter((a) => !a.startsWith('--'));
  switch (command) {
    case 'check': {
      if (!paths.length) return usage('check needs at least one file or directory');
      const r = check(paths, settings);
      for (const p of r.problems) process.stderr.write(`era835: ${p}\n`);
      if (json) process.stdout.write(JSON.stringify({ filesChecked: r.filesChecked, findings: r.findings, problems: r.problems }, null, 2) + '\n');
      else {
        for (const f of r.findings) process.stdout.write(formatFinding(f) + '\n');
        const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
        process.stderr.write(`${r.filesChecked} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('information')} information, ${count('hint')} hint(s)\n`);
      }
      if (r.problems.length) return 2;
      return r.findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    case 'summary': return runSummary(rest, settings, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    case 'impact': return runImpact(rest, settings, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    case 'export': return runExport(rest, settings, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    case 'redact': return runRedact(rest, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    case undefined: case 'help': case '--help': case '-h':
      process.stdout.write(USAGE + '\n');
      return 0;
    default:
      return usage(`unknown command "${command}"`);
  }
}

function usage(problem: string): number {
  process.stderr.write(`era835: ${problem}\n\n${USAGE}\n`);
  return 2;
}

// `era835 summary big.835 | head`: a reader that stops early is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
process.exitCode = main(process.argv.slice(2));
