const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXTENSION_ID, fileUri, openReady, waitFor, requireFeature } = require('./helpers');

const EXAMPLES = ['examples/medicare-part-b.835', 'examples/needs-attention.835'];

/** The extension's exports: the language client (for the summary) and the ERA Explorer's tree. */
function api() {
  const exports = vscode.extensions.getExtension(EXTENSION_ID).exports;
  requireFeature(exports?.explorer?.provider, 'the ERA Explorer', 'the extension exports no explorer');
  return exports;
}

/** Every child of a node, following "… N more" nodes the way a click does. */
async function allChildren(provider, node) {
  for (;;) {
    const nodes = await provider.getChildren(node);
    const more = nodes.find((n) => n.kind === 'more');
    if (!more) return nodes;
    await provider.more(more);
  }
}

suite('ERA Explorer', function () {
  this.timeout(180000); // the first reading of the workspace (generated 2 and 10 MB remits among its files)
  let ext;
  let files;
  suiteSetup(async () => {
    for (const name of EXAMPLES) await openReady(name);
    ext = api();
    // Show the view (its activity bar container): the tree asks the server, which reads the workspace.
    await vscode.commands.executeCommand('workbench.view.extension.era835');
    await waitFor('the ERA Explorer to be visible', () => ext.explorer.view.visible, 15000);
    const { provider } = ext.explorer;
    files = await waitFor(
      'the workspace to be read (no indexing left) with both examples listed',
      async () => {
        provider.refresh();
        const nodes = await allChildren(provider, undefined);
        const done = provider.last && !provider.last.indexing;
        return done && EXAMPLES.every((e) => nodes.some((n) => n.label === e)) && nodes;
      },
      120000,
      () => JSON.stringify(provider.last && { message: provider.last.message, indexing: provider.last.indexing }),
    );
  });

  test('the view container, its badge and each example file count what the summary counts', async () => {
    const client = ext.client();
    let workInExamples = 0;
    for (const name of EXAMPLES) {
      const uri = fileUri(name).toString();
      const summary = await client.sendRequest('era835/summary', { textDocument: { uri } });
      const file = files.find((n) => n.label === name);
      assert.equal(file.counts.claims, summary.claimCount, `${name}: claims`);
      assert.equal(file.counts.toWork, summary.toWork, `${name}: adjustments to work`);
      assert.equal(file.counts.toRecoverCents, summary.toRecoverCents, `${name}: cents to recover`);
      workInExamples += summary.toWork;
      // Down the tree: the payments' claims are the summary's claims, with the same work per claim.
      const claims = [];
      for (const payment of await allChildren(ext.explorer.provider, file))
        claims.push(...(await allChildren(ext.explorer.provider, payment)));
      assert.deepEqual(
        claims.map((c) => [c.label.split(' · ').pop(), c.counts.toWork]),
        summary.claims.map((c) => [c.id, c.toWork]),
        `${name}: claims and their work`,
      );
    }
    assert.ok(workInExamples > 0, 'needs-attention.835 has work');
    // The badge counts the work of every 835 in the workspace (the examples among them).
    const badge = ext.explorer.view.badge;
    assert.ok(badge && badge.value >= workInExamples, `badge ${JSON.stringify(badge)} counts at least the examples' ${workInExamples}`);
    assert.equal(
      badge.value,
      files.reduce((n, f) => n + (f.counts ? f.counts.toWork : 0), 0),
      'badge = Σ of the files',
    );
  });

  test('the "needs work" filter keeps only claims with work, and clearing it brings every claim back', async () => {
    const { provider } = ext.explorer;
    await vscode.commands.executeCommand('era835.explorer.clearFilter');
    provider.filter = { kind: 'work' };
    const shown = await allChildren(provider, undefined);
    const file = shown.find((n) => n.label === 'examples/needs-attention.835');
    assert.ok(file, 'needs-attention.835 has claims to work');
    assert.ok(!shown.some((n) => n.label === 'examples/medicare-part-b.835'), 'the clean Medicare remit has nothing to work');
    const [payment] = await allChildren(provider, file);
    const claims = await allChildren(provider, payment);
    assert.ok(claims.length > 0 && claims.every((c) => c.counts.toWork > 0), JSON.stringify(claims.map((c) => c.description)));
    assert.equal(ext.explorer.view.description, 'Needs work');
    await vscode.commands.executeCommand('era835.explorer.clearFilter');
    assert.equal(provider.filter.kind, 'all');
  });

  test('choosing a claim selects its CLP segment in the file', async () => {
    const { provider } = ext.explorer;
    const file = (await allChildren(provider, undefined)).find((n) => n.label === 'examples/needs-attention.835');
    const [payment] = await allChildren(provider, file);
    const claims = await allChildren(provider, payment);
    const claim = claims.find((c) => c.label.endsWith('PCN2003'));
    assert.ok(claim, claims.map((c) => c.label).join(', '));
    // What a click runs: the tree item's command (the UI test clicks the row itself).
    const item = provider.getTreeItem(claim);
    await vscode.commands.executeCommand(item.command.command, ...item.command.arguments);
    const editor = await waitFor(
      'the file to be shown with the claim selected',
      () => {
        const e = vscode.window.activeTextEditor;
        return e && e.document.uri.path.endsWith('/examples/needs-attention.835') && !e.selection.isEmpty && e;
      },
      10000,
    );
    const selected = editor.document.getText(editor.selection);
    assert.match(selected, /^CLP\*PCN2003\*4\*/);
    assert.equal(editor.selection.start.line, claim.reveal.range.start.line);
  });
});
