const assert = require('node:assert/strict');
const vscode = require('vscode');
const { openReady, waitFor, requireFeature } = require('./helpers');

const COMMAND = 'era835.showSummary';
const webviewTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);

suite('remittance summary', () => {
  test('ERA: Show Remittance Summary opens a webview for the active 835', async () => {
    await openReady('examples/medicare-part-b.835');
    const commands = await vscode.commands.getCommands(true);
    requireFeature(commands.includes(COMMAND), 'the remittance summary webview', `command ${COMMAND} is not registered`);
    const before = webviewTabs().length;
    await vscode.commands.executeCommand(COMMAND);
    const tabs = await waitFor('a webview tab', () => webviewTabs().length > before && webviewTabs(), 15000);
    assert.ok(
      tabs.some((t) => /summary|remittance/i.test(t.label)),
      `webview titled as a summary: ${tabs.map((t) => t.label)}`,
    );
  });
});
