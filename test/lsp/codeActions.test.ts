import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { medicareFile } from '../helpers/fragments';
import { TestClient } from '../helpers/lspClient';

/** Applies LSP text edits to a text (offsets through its lines). */
function apply(text: string, edits: readonly P.TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: P.Position) => starts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => off(b.range.start) - off(a.range.start))
    .reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}

describe('quick fixes (code actions) over LSP', { timeout: 60_000 }, () => {
  let c: TestClient;
  let n = 0;
  before(async () => {
    c = new TestClient();
    await c.initialize();
  });
  after(() => c.shutdown());

  /** Opens `text`, returns its diagnostic `code` and the actions offered on it. */
  async function actionsFor(text: string, code: string) {
    const uri = `file:///fix/doc${++n}.835`;
    await c.open(uri, text);
    const d = (await c.diagnosticsFor(uri)).find((x) => x.code === code);
    assert.ok(d, `a ${code} diagnostic`);
    const actions = (await c.conn.sendRequest(P.CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as P.CodeAction[];
    return { uri, d, actions };
  }

  /** Applies the action titled like `title` and checks that only the expected bytes changed and the finding is gone. */
  async function fixes(text: string, code: string, title: RegExp, expected: string) {
    const { uri, actions } = await actionsFor(text, code);
    const fix = actions.find((a) => title.test(a.title));
    assert.ok(fix, `an action like ${title}: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, P.CodeActionKind.QuickFix);
    const fixed = apply(text, fix.edit!.changes![uri]);
    assert.equal(fixed, expected, 'every other byte is kept');
    const again = `file:///fix/doc${++n}.835`;
    await c.open(again, fixed);
    assert.deepEqual(
      (await c.diagnosticsFor(again)).filter((x) => x.code === code),
      [],
      `no ${code} after the fix`,
    );
  }

  const good = medicareFile();

  test('se-count: set SE01 to the segments counted', async () => {
    await fixes(good.replace('SE*14*0001', 'SE*9*0001'), 'se-count', /^Set SE01 to 14/, good);
  });

  test('se-count: an SE without SE01 gets the separator and the count, nothing else moves', async () => {
    const text = good.replace('SE*14*0001~', 'SE~');
    const { actions, uri } = await actionsFor(text, 'se-count');
    const fix = actions.find((a) => /^Set SE01 to 14/.test(a.title));
    assert.equal(apply(text, fix!.edit!.changes![uri]), good.replace('SE*14*0001~', 'SE*14~'));
  });

  test('envelope-count: set GE01 and IEA01 to the real count', async () => {
    await fixes(good.replace('GE*1*1', 'GE*3*1'), 'envelope-count', /^Set GE01 to 1/, good);
    await fixes(good.replace('IEA*1*000000001', 'IEA*2*000000001'), 'envelope-count', /^Set IEA01 to 1/, good);
  });

  test("control-number-mismatch: the trailer takes its header's control number", async () => {
    await fixes(good.replace('SE*14*0001', 'SE*14*0002'), 'control-number-mismatch', /^Set SE02 to "0001"/, good);
    await fixes(good.replace('IEA*1*000000001', 'IEA*1*000000009'), 'control-number-mismatch', /^Set IEA02 to "000000001"/, good);
  });

  test('"turn off this rule here" runs the client command that writes era835.rules.<code>', async () => {
    const { uri, actions } = await actionsFor(
      good.replace('CAS*CO*45*100**253*1.6', 'CAS*CO*45*100**253*9.6').replace('78.4', '72.4'),
      'co253-amount',
    );
    const off = actions.find((a) => a.command?.command === 'era835.turnOffRule');
    assert.ok(off, actions.map((a) => a.title).join(' | '));
    assert.deepEqual(off.command!.arguments, ['co253-amount', uri]);
    assert.equal(off.edit, undefined, 'the file itself is not touched');
  });

  test('a fix is not offered once the bytes it would replace changed (stale diagnostics)', async () => {
    const text = good.replace('SE*14*0001', 'SE*9*0001');
    const { uri, d } = await actionsFor(text, 'se-count');
    const line = text.split('\n').findIndex((l) => l.startsWith('SE*'));
    await c.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 3 }, end: { line, character: 4 } }, text: '7' }],
    });
    await c.diagnosticsFor(uri, 2);
    const actions = (await c.conn.sendRequest(P.CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as P.CodeAction[];
    assert.equal(actions.filter((a) => a.edit).length, 0);
  });

  test('"open as one segment per line" on a one-line file only', async () => {
    const ask = async (text: string) => {
      const uri = `file:///fix/doc${++n}.835`;
      await c.open(uri, text);
      await c.diagnosticsFor(uri);
      const at = { line: 0, character: 2 };
      return (
        (await c.conn.sendRequest(P.CodeActionRequest.type, {
          textDocument: { uri },
          range: { start: at, end: at },
          context: { diagnostics: [] },
        })) as P.CodeAction[]
      ).filter((a) => a.command?.command === 'era835.openPrettyView');
    };
    assert.equal((await ask(medicareFile({ nl: '' }))).length, 1);
    assert.equal((await ask(good)).length, 0);
  });
});
