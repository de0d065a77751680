const assert = require('node:assert/strict');
const vscode = require('vscode');
const { openReady, positionOf, diagnostics, waitFor } = require('./helpers');

/** Waits until the document's diagnostics include every code in `codes`, and returns them. */
async function diagnosticsWith(doc, codes) {
  let d = [];
  return waitFor(
    `diagnostics ${codes.join(', ')} on ${doc.uri.path.split('/').pop()}`,
    () => {
      d = diagnostics(doc);
      return codes.every((c) => d.some((x) => x.code === c)) && d;
    },
    30000,
    () => codesOf(d) || 'no diagnostics',
  );
}
const codesOf = (d) => d.map((x) => `${x.code}@${x.range.start.line + 1}:${x.range.start.character + 1}`).join(', ');

suite('diagnostics', () => {
  test('a clean Medicare file has no warnings or errors, only the sequestration note', async () => {
    const doc = await openReady('clean-medicare.835');
    // co253-sequestration (Information) is the signal the server has analysed this file.
    const d = await diagnosticsWith(doc, ['co253-sequestration']);
    const loud = d.filter((x) => x.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(
      loud.map((x) => x.code),
      [],
      `no warnings/errors expected, got ${codesOf(loud)}`,
    );
  });

  test('a CO-253 that is not 2% of the allowed amount is co253-amount, on the 253', async () => {
    const doc = await openReady('co253-wrong-amount.835');
    const d = await diagnosticsWith(doc, ['co253-amount']);
    const finding = d.find((x) => x.code === 'co253-amount');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(finding.range.contains(positionOf(doc, 'CAS*CO*45*50**253*5', '253')), `range covers the 253: ${codesOf([finding])}`);
  });

  test('a claim whose adjustments do not add up to CLP04 is claim-balance', async () => {
    const doc = await openReady('unbalanced-claim.835');
    const d = await diagnosticsWith(doc, ['claim-balance']);
    assert.equal(d.find((x) => x.code === 'claim-balance').severity, vscode.DiagnosticSeverity.Warning);
  });

  test('a wrong SE01 count and an SE02 that differs from ST02 are se-count and control-number-mismatch', async () => {
    const doc = await openReady('envelope-errors.835');
    const d = await diagnosticsWith(doc, ['se-count', 'control-number-mismatch']);
    const seLine = positionOf(doc, 'SE*99*9999', 'SE').line;
    for (const code of ['se-count', 'control-number-mismatch']) {
      const f = d.find((x) => x.code === code && x.range.start.line === seLine);
      assert.ok(f, `${code} on the SE segment (line ${seLine + 1}); got ${codesOf(d)}`);
      assert.equal(f.severity, vscode.DiagnosticSeverity.Error);
    }
  });
});
