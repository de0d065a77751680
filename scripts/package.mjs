// `npm run package`: production bundles, then the .vsix with vsce. Uses a vsce already on PATH (the e2e
// setup caches one), else fetches @vscode/vsce from the npm registry once through npx.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
if (run(process.execPath, ['scripts/build.mjs', '--production']) !== 0) process.exit(1);
// No repository URL: README images stay relative (they ship inside the .vsix, docs/ is in .vscodeignore's allowlist).
const args = ['package', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', 'era835.vsix'];
const onPath = spawnSync('vsce', ['--version'], { stdio: 'ignore' }).status === 0;
process.exit(onPath ? run('vsce', args) : run('npx', ['--yes', '@vscode/vsce@3.9.2', ...args]));
