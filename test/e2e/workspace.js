// Builds the throwaway workspace both runners open: the e2e fixtures, plus the repo's examples/ under
// examples/ (the hover, outline and UI tests read the shipped examples, as a user would).
// Usage: node test/e2e/workspace.js DEST
const fs = require('node:fs');
const path = require('node:path');

function makeWorkspace(dest) {
  fs.cpSync(path.join(__dirname, 'fixtures', 'ws'), dest, { recursive: true });
  fs.cpSync(path.resolve(__dirname, '..', '..', 'examples'), path.join(dest, 'examples'), { recursive: true });
  // A batch of 20 interchanges on one line (14 KB): past the 10,000 characters from which a one-line file
  // offers the one-segment-per-line view (the UI test reads that notification).
  const one = fs.readFileSync(path.join(__dirname, 'fixtures', 'ws', 'clean-medicare.835'), 'utf8').replace(/\r?\n/g, '');
  fs.writeFileSync(path.join(dest, 'one-line-batch.835'), one.repeat(20));
  return dest;
}
module.exports = { makeWorkspace };
if (require.main === module) makeWorkspace(path.resolve(process.argv[2]));
