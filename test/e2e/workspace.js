// Builds the throwaway workspace both runners open: the e2e fixtures, plus the repo's examples/ under
// examples/ (the hover, outline and UI tests read the shipped examples, as a user would).
// Usage: node test/e2e/workspace.js DEST
const fs = require('node:fs');
const path = require('node:path');

function makeWorkspace(dest) {
  fs.cpSync(path.join(__dirname, 'fixtures', 'ws'), dest, { recursive: true });
  fs.cpSync(path.resolve(__dirname, '..', '..', 'examples'), path.join(dest, 'examples'), { recursive: true });
  return dest;
}
module.exports = { makeWorkspace };
if (require.main === module) makeWorkspace(path.resolve(process.argv[2]));
