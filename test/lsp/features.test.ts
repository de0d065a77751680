import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { markers, medicareFile } from '../helpers/fragments';
import { TestClient } from '../helpers/lspClient';

const text = (h: P.Hover | null) => (h?.contents as P.MarkupContent | undefined)?.value ?? '';

describe('language features over stdio', () => {
  let c: TestClient;
  let init: P.InitializeResult;
  before(async () => {
    c = new TestClient();
    init = await c.initialize();
  });
  after(() => c.shutdown());

  test('the server announces hover, completion, document symbols, folding and selection ranges', () => {
    const caps = init.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('*'));
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
    assert.ok(caps.selectionRangeProvider);
  });

  test('hover on 253 in CAS*CO*253*1.6 says sequestration, not actionable, and how to post it', async () => {
    const { text: doc, at } = markers(medicareFile().replace('CAS*CO*45*100**253*1.6', 'CAS*CO*2|53*1.6'));
    const uri = 'file:///w/seq.835';
    await c.open(uri, doc);
    const pos = lineChar(doc, at[0]);
    const h = text(await c.hover(uri, pos.line, pos.character));
    assert.match(h, /sequestration/i);
    assert.match(h, /not actionable|non-actionable|no action/i);
    assert.match(h, /post/i);
  });

  test('hover on CLP summarises the claim: charged, adjustments by kind, paid', async () => {
    const { text: doc, at } = markers(medicareFile().replace('CLP*PCN001', 'C|LP*PCN001'));
    const uri = 'file:///w/clp.835';
    await c.open(uri, doc);
    const pos = lineChar(doc, at[0]);
    const h = text(await c.hover(uri, pos.line, pos.character));
    assert.match(h, /Claim PCN001/);
    assert.match(h, /Charged.*\$200\.00/);
    assert.match(h, /Sequestration \(Medicare\): CO-253 \$1\.60/);
    assert.match(h, /Paid.*\$78\.40/);
  });

  test('document symbols list every claim of a two-claim file', async () => {
    const uri = 'file:///w/two-claims.835';
    await c.open(uri, readFileSync(join(__dirname, '../../examples/medicare-part-b.835'), 'utf8'));
    const symbols = (await c.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument: { uri } })) as P.DocumentSymbol[];
    const names: string[] = [];
    const walk = (s: P.DocumentSymbol[]) =>
      s.forEach((x) => {
        names.push(x.name);
        walk(x.children ?? []);
      });
    walk(symbols);
    assert.ok(
      names.some((n) => n.startsWith('PCN1001 · SAMPLE, ANNA · paid $117.60')),
      names.join('\n'),
    );
    assert.ok(
      names.some((n) => n.startsWith('PCN1002 · EXAMPLE, BRUNO · paid $80.00')),
      names.join('\n'),
    );
  });

  test('completion after a CLP offers CAS', async () => {
    const { text: doc, at } = markers(medicareFile().replace('NM1*QC*1*DOE*JANE****MI*ABC123~\n', '|\n'));
    const uri = 'file:///w/complete.835';
    await c.open(uri, doc);
    const r = await c.conn.sendRequest(P.CompletionRequest.type, { textDocument: { uri }, position: lineChar(doc, at[0]) });
    const items = Array.isArray(r) ? r : (r?.items ?? []);
    assert.ok(
      items.some((i) => i.label === 'CAS'),
      items.map((i) => i.label).join(', '),
    );
  });

  test('folding and selection ranges answer on a real file', async () => {
    const uri = 'file:///w/two-claims.835';
    const folds = await c.conn.sendRequest(P.FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok((folds ?? []).length >= 4);
    const sel = await c.conn.sendRequest(P.SelectionRangeRequest.type, { textDocument: { uri }, positions: [{ line: 16, character: 6 }] });
    assert.ok(sel?.[0]?.parent?.parent, 'element > segment > claim ...');
  });
});

function lineChar(doc: string, offset: number): P.Position {
  const before = doc.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
