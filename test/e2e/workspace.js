// Builds the throwaway workspace both runners open: the e2e fixtures, plus the repo's examples/ under
// examples/ (the hover, outline and UI tests read the shipped examples, as a user would).
// Usage: node test/e2e/workspace.js DEST
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

function makeWorkspace(dest) {
  fs.cpSync(path.join(__dirname, 'fixtures', 'ws'), dest, { recursive: true });
  fs.cpSync(path.resolve(__dirname, '..', '..', 'examples'), path.join(dest, 'examples'), { recursive: true });
  // A batch of 20 interchanges on one line (14 KB): past the 10,000 characters from which a one-line file
  // offers the one-segment-per-line view (the UI test reads that notification).
  const one = fs.readFileSync(path.join(__dirname, 'fixtures', 'ws', 'clean-medicare.835'), 'utf8').replace(/\r?\n/g, '');
  fs.writeFileSync(path.join(dest, 'one-line-batch.835'), one.repeat(20));
  // Big one-line remits for the freeze checks, generated (never committed): 2 MB and 10 MB (10^6 bytes).
  const root = path.resolve(__dirname, '..', '..');
  for (const mb of [2, 10]) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/generate835.ts', '--mb', String(mb), '--one-line', '-o', path.join(dest, `one-line-${mb}mb.835`)],
      { cwd: root, stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error(`generating one-line-${mb}mb.835 failed (${r.error ?? `exit ${r.status}`})`);
  }
  return dest;
}
module.exports = { makeWorkspace };
if (require.main === module) makeWorkspace(path.resolve(process.argv[2]));
