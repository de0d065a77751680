const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const vscode = require('vscode');
const { openReady, hovers, waitFor } = require('./helpers');

/** PIDs of our language server processes (started by this extension host over node IPC). */
function serverPids() {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => /server\/out\/server\.js/.test(l) && /--node-ipc/.test(l))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

suite('server survival', () => {
  test('a killed language server is restarted by the client and answers again', async () => {
    const doc = await openReady('examples/medicare-part-b.835');
    const before = serverPids();
    assert.ok(before.length > 0, 'the language server process is running');
    for (const pid of before) process.kill(pid, 'SIGKILL');
    const after = await waitFor(
      'a new language server process',
      () => {
        const now = serverPids().filter((p) => !before.includes(p));
        return now.length > 0 && now;
      },
      30000,
      () => JSON.stringify(serverPids()),
    );
    assert.ok(after.every((p) => !before.includes(p)));
    const text = await waitFor(
      'the restarted server to answer a hover on 253',
      async () => {
        const t = (await hovers(doc, new vscode.Position(22, 16))).join('\n');
        return /sequestration/i.test(t) && t;
      },
      30000,
    );
    assert.match(text, /sequestration/i);
  });
});
