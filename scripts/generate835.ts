// Writes a synthetic, valid and balanced 835 of a given size in MB (10^6 bytes, so 50 stays under VS Code's
// 50 MiB sync limit); see bench/generator.ts for what it holds:
//   node --import tsx scripts/generate835.ts --mb 50 [--one-line] [--seed 835] -o bench/tmp/50mb-one-line.835
import { createWriteStream } from 'node:fs';
import { generate835 } from '../bench/generator';

const USAGE = 'usage: node --import tsx scripts/generate835.ts --mb N [--one-line] [--seed N] -o FILE';

function parseArgs(argv: string[]): { mb: number; oneLine: boolean; seed: number; out: string } | string {
  let mb = NaN;
  let oneLine = false;
  let seed = 835;
  let out = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--mb') mb = Number(argv[++i]);
    else if (a === '--one-line') oneLine = true;
    else if (a === '--seed') seed = Number(argv[++i]);
    else if (a === '-o' || a === '--out') out = argv[++i] ?? '';
    else return `unknown argument "${a}"`;
  }
  if (!(mb > 0)) return '--mb needs a positive number of megabytes';
  if (!out) return '-o FILE is required';
  return { mb, oneLine, seed, out };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const stream = createWriteStream(args.out);
  let bytes = 0;
  for (const chunk of generate835({ bytes: args.mb * 1_000_000, oneLine: args.oneLine, seed: args.seed })) {
    bytes += Buffer.byteLength(chunk);
    // Respect back-pressure so a 200 MB file never sits in memory.
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  process.stderr.write(
    `wrote ${args.out}: ${bytes} bytes (${(bytes / 1e6).toFixed(1)} MB), ${args.oneLine ? 'one line' : 'one segment per line'}\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
