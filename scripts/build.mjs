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

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js',
    // jsonc-parser's UMD build requires its parts at run time; its ES module build bundles.
    mainFields: ['module', 'main'], banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('server/out/cli.js', 0o755);
console.log(`built client/out/extension.js, server/out/server.js, server/out/cli.js${production ? ' (production)' : ''}`);
