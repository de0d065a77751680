import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as esbuild from 'esbuild';

/**
 * The client computes nothing (DESIGN.md, Layers): of the server's sources, the extension bundle holds
 * only the shared protocol module's message declarations (its types are erased), the two formatting
 * helpers the webviews show numbers with (so they read as the command line prints them), and the pure
 * definition of which files are 835s (x12Names.ts, shared with the command line's walk), the HTML
 * escaping the webviews and the printable remittance share (report/html/escape.ts), and the ISA reader
 * (x12/delimiters.ts) with which the client sniffs plain-text documents, which the server never sees.
 */
const ALLOWED = [
  'server/src/lsp/protocol.ts',
  'server/src/report/html/escape.ts',
  'server/src/report/impactFormat.ts',
  'server/src/workspace/x12Names.ts',
  'server/src/x12/delimiters.ts',
  'server/src/x835/values.ts',
];
describe('client bundle', () => {
  test('holds no server code except the shared protocol module and pure formatting and naming helpers', async () => {
    const r = await esbuild.build({
      entryPoints: ['client/src/extension.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const ours = Object.keys(r.metafile.inputs).filter((f) => f.startsWith('server/'));
    assert.deepEqual(ours.sort(), ALLOWED);
  });
});
