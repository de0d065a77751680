// `npm run package`: production bundles, then the .vsix with the project's pinned @vscode/vsce (a
// devDependency, installed by npm ci; never fetched at packaging time).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
if (run(process.execPath, ['scripts/build.mjs', '--production']) !== 0) process.exit(1);
// README images stay relative: they ship inside the .vsix (docs/*.png is in .vscodeignore's allowlist).
const vsce = join('node_modules', '@vscode', 'vsce', 'vsce');
process.exit(run(process.execPath, [vsce, 'package', '--no-rewrite-relative-links', '-o', 'era835.vsix']));
