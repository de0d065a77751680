import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type * as vscode from 'vscode';
import { traceWithoutData } from '../../../client/src/traceChannel';

/**
 * era835.trace.server "verbose" made the client log every message's parameters: whole documents, patient
 * names. The trace channel keeps the message names and drops the data; a workspace cannot turn it on.
 */
const DOC = 'ISA*00*...~NM1*QC*1*DOE*JANE****MI*ABC123~';

function recording(): { channel: vscode.LogOutputChannel; lines: string[] } {
  const lines: string[] = [];
  const channel = {
    name: 'X12 835',
    logLevel: 1,
    trace: (m: string) => lines.push(`trace ${m}`),
    info: (m: string) => lines.push(`info ${m}`),
  };
  return { channel: channel as unknown as vscode.LogOutputChannel, lines };
}

describe('the LSP trace never logs document text', () => {
  test('text format: the message line is kept, the params (the document) are not', () => {
    const { channel, lines } = recording();
    const traced = traceWithoutData(channel);
    traced.trace(`Sending notification 'textDocument/didOpen'.\nParams: ${JSON.stringify({ textDocument: { text: DOC } })}`);
    traced.trace(`Received response 'textDocument/hover - (3)' in 2ms.\r\nResult: {"contents":"DOE"}`);
    traced.info('other output is untouched');
    assert.deepEqual(lines, [
      "trace Sending notification 'textDocument/didOpen'.",
      "trace Received response 'textDocument/hover - (3)' in 2ms.",
      'info other output is untouched',
    ]);
    assert.equal(traced.name, 'X12 835');
  });

  test('JSON format: type, time, method and id only', () => {
    const { channel, lines } = recording();
    traceWithoutData(channel).trace(
      JSON.stringify({
        type: 'send-notification',
        timestamp: 1,
        message: { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { text: DOC } } },
      }),
    );
    assert.equal(lines.length, 1);
    assert.ok(!lines[0].includes('DOE'));
    assert.match(lines[0], /textDocument\/didOpen/);
  });

  test('an untrusted workspace cannot set era835.trace.server', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
    };
    assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('era835.trace.server'));
  });
});
