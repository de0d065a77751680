// Bundles the client, the server and the CLI with esbuild (types are checked separately by `tsc --noEmit`).
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // server/src/version.ts: `era835 --version` and the server's serverInfo say the package's version.
  define: { __ERA835_VERSION__: JSON.stringify(version) },
};

const bundles = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'server/out/cli.js',
    // jsonc-parser's UMD build requires its parts at run time; its ES module build bundles.
    mainFields: ['module', 'main'],
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (process.argv.includes('--watch')) {
  // `npm run watch`: rebuild each bundle on change (with "Run Extension" in .vscode/launch.json).
  const say = {
    name: 'say',
    setup: (b) =>
      b.onEnd((r) => console.log(`[watch] ${b.initialOptions.outfile}: ${r.errors.length ? `${r.errors.length} error(s)` : 'built'}`)),
  };
  for (const options of bundles) await (await esbuild.context({ ...options, plugins: [say] })).watch();
  console.log('[watch] watching client/src and server/src (Ctrl+C to stop)');
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
  chmodSync('server/out/cli.js', 0o755);
  console.log(`built client/out/extension.js, server/out/server.js, server/out/cli.js${production ? ' (production)' : ''}`);
}
