const assert = require('node:assert/strict');
const vscode = require('vscode');
const { openReady, positionOf, requireFeature } = require('./helpers');

/** Decodes LSP's relative 5-integer encoding into absolute { line, start, length, type, modifiers }. */
function decode(data, legend) {
  const out = [];
  let line = 0,
    start = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    const mods = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    out.push({ line, start, length: data[i + 2], type: legend.tokenTypes[data[i + 3]], modifiers: mods });
  }
  return out;
}

suite('semantic tokens', () => {
  test('CAS segments carry semantic tokens, including the 253 of a sequestration', async () => {
    const doc = await openReady('examples/medicare-part-b.835');
    const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    requireFeature(legend && legend.tokenTypes.length > 0, 'semantic tokens', 'no semantic tokens legend for x12-835');
    const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', doc.uri);
    assert.ok(tokens && tokens.data.length > 0, 'the provider returned tokens');
    const all = decode(tokens.data, legend);
    const at253 = positionOf(doc, 'CAS*CO*45*100**253*2.4', '253');
    const onCas = all.filter((t) => t.line === at253.line);
    assert.ok(onCas.length > 0, `tokens on the CAS line ${at253.line + 1}`);
    const reason = onCas.find((t) => t.start <= at253.character && at253.character < t.start + t.length);
    assert.ok(reason, `a token covers the 253 at column ${at253.character + 1}; tokens on that line: ${JSON.stringify(onCas)}`);
  });
});
