import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/analysis';
import {
  EXPLORER_CHANGED,
  EXPLORER_CHILDREN,
  EXPLORER_FILES,
  EXPLORER_PAYERS,
  type ExplorerFilesResult,
  type ExplorerFilter,
  type ExplorerNode,
} from '../../server/src/lsp/protocol';
import { summarize } from '../../server/src/report/summary';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { TestClient } from '../helpers/lspClient';
import { remit } from '../unit/report/remits';

const REVERSAL = remit({
  amount: '0',
  payer: 'ACME HEALTH PLAN',
  trace: 'CHK777',
  claims: [
    {
      id: 'R1',
      status: '22',
      charge: '-100',
      paid: '-80',
      lines: [{ proc: '99213', charge: '-100', paid: '-80', date: '20240102', cas: ['CO*45*-20'] }],
    },
    {
      id: 'R2',
      status: '4',
      charge: '50',
      paid: '0',
      plan: '12',
      lines: [{ proc: '99214', charge: '50', paid: '0', date: '20240103', cas: ['CO*16*50'] }],
    },
    {
      id: 'R3',
      charge: '100',
      paid: '60',
      plan: '12',
      lines: [{ proc: '99215', charge: '100', paid: '60', date: '20240103', cas: ['CO*45*38**253*2'] }],
    },
  ],
});

const toWork = (text: string) => summarize(analyze(text, DEFAULT_SETTINGS), DEFAULT_SETTINGS).toWork;

describe('ERA Explorer over LSP', () => {
  let c: TestClient;
  let dir: string;
  const texts = new Map<string, string>();
  let changes = 0;
  let wake: (() => void) | undefined;

  /** The files request, again after each change notification, until `done` says the answer is the awaited one. */
  async function files(
    filter: ExplorerFilter,
    done: (r: ExplorerFilesResult) => boolean = (r) => !r.indexing,
  ): Promise<ExplorerFilesResult> {
    const deadline = Date.now() + 30000;
    for (;;) {
      const seen = changes;
      const r = await c.conn.sendRequest(EXPLORER_FILES, { filter });
      if (done(r)) return r;
      if (Date.now() > deadline) assert.fail(`the explorer did not settle: ${JSON.stringify(r).slice(0, 400)}; stderr: ${c.stderr}`);
      if (changes === seen)
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 2000); // a bound, not a guess: the change notification normally wakes us first
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
    }
  }
  const children = async (parent: ExplorerNode, filter: ExplorerFilter = { kind: 'all' }) =>
    (await c.conn.sendRequest(EXPLORER_CHILDREN, { parent: parent.id, filter })).nodes;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'era835-explorer-'));
    mkdirSync(join(dir, 'examples'));
    for (const f of readdirSync('examples').filter((f) => f.endsWith('.835'))) {
      copyFileSync(join('examples', f), join(dir, 'examples', f));
      texts.set(`examples/${f}`, readFileSync(join('examples', f), 'utf8'));
    }
    writeFileSync(join(dir, 'reversal.835'), REVERSAL);
    texts.set('reversal.835', REVERSAL);
    c = new TestClient();
    c.folders = [{ uri: pathToFileURL(dir).toString(), name: 'remits' }];
    c.conn.onNotification(EXPLORER_CHANGED, () => {
      changes++;
      wake?.();
    });
    await c.initialize();
  });
  after(async () => {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('lists the files with their claims and work; the badge is the summaries’ adjustments to work', async () => {
    const r = await files({ kind: 'all' }, (r) => !r.indexing && r.nodes.length === texts.size);
    assert.deepEqual(
      r.nodes.map((n) => n.label),
      ['examples/medicare-part-b.835', 'examples/needs-attention.835', 'reversal.835'],
    );
    const expected = [...texts.values()].reduce((n, t) => n + toWork(t), 0);
    assert.ok(expected > 0);
    assert.equal(r.badge, expected);
    assert.match(r.badgeTooltip, new RegExp(`^${expected} adjustments to work .* in 3 835 files$`));
    for (const n of r.nodes) assert.equal(n.counts!.toWork, toWork(texts.get(n.label)!), n.label);
  });

  test('file > payment > claim > line > adjustment, each claim revealing its CLP segment', async () => {
    const r = await files({ kind: 'all' });
    const file = r.nodes.find((n) => n.label === 'reversal.835')!;
    const [payment] = await children(file);
    assert.equal(payment.kind, 'payment');
    assert.match(payment.label, /ACME HEALTH PLAN/);
    assert.match(payment.description, /TRN CHK777 · 3 claims · 2 to work · \$2\.00 to recover/);
    const claims = await children(payment);
    assert.deepEqual(
      claims.map((n) => n.description),
      ['Reversal · paid -$80.00', 'Denied · paid $0.00 · 1 to work', 'Primary · paid $60.00 · 1 to work · $2.00 to recover'],
    );
    const lines = REVERSAL.split('\n');
    for (const claim of claims) {
      assert.equal(claim.reveal!.uri, pathToFileURL(join(dir, 'reversal.835')).toString());
      const { start, end } = claim.reveal!.range;
      assert.match(lines[start.line].slice(start.character, end.character), /^CLP\*R\d\*/);
    }
    const [line] = await children(claims[2]);
    assert.equal(line.kind, 'line');
    assert.deepEqual(
      (await children(line)).map((n) => `${n.label} ${n.description}`),
      ['CO-45 $38.00 contractual', 'CO-253 $2.00 to recover $2.00'],
    );
  });

  test('filters: needs work, recoverable CO-253, denied, reversals, one payer', async () => {
    const claimIds = async (filter: ExplorerFilter) => {
      const out: string[] = [];
      for (const f of (await files(filter)).nodes)
        for (const p of await children(f, filter)) for (const cl of await children(p, filter)) out.push(cl.label.split(' · ').pop()!);
      return out;
    };
    assert.deepEqual(await claimIds({ kind: 'reversals' }), ['R1']);
    assert.deepEqual(await claimIds({ kind: 'denied' }), ['PCN2003', 'R2']);
    assert.deepEqual(await claimIds({ kind: 'recoverable' }), ['PCN2001', 'PCN2004', 'R3']);
    assert.deepEqual(await claimIds({ kind: 'payer', payer: 'ACME HEALTH PLAN' }), ['R1', 'R2', 'R3']);
    const work = await files({ kind: 'work' });
    assert.equal(
      work.nodes.reduce((n, f) => n + f.counts!.toWork, 0),
      work.badge,
      'under "needs work" the files hold every adjustment the badge counts',
    );
    assert.equal(work.filterLabel, 'Needs work');
    const payers = await c.conn.sendRequest(EXPLORER_PAYERS, {});
    assert.ok(payers.some((p) => p.payer === 'ACME HEALTH PLAN' && p.description === '3 claims · 2 to work'));
  });

  test('opening a file as it is on disk keeps its node ids (the tree keeps what is expanded)', async () => {
    const name = 'examples/needs-attention.835';
    const before = (await files({ kind: 'all' })).nodes.find((n) => n.label === name)!;
    const seen = changes;
    await c.open(pathToFileURL(join(dir, ...name.split('/'))).toString(), texts.get(name)!);
    const after = await files({ kind: 'all' }, () => changes > seen);
    assert.equal(after.nodes.find((n) => n.label === name)!.id, before.id);
  });

  test('an open document counts with its live text; a deleted file leaves; an old node is stale', async () => {
    const before = await files({ kind: 'all' });
    const uri = pathToFileURL(join(dir, 'reversal.835')).toString();
    const oldFile = before.nodes.find((n) => n.label === 'reversal.835')!;
    // Edited in the editor: the denial (CO-16) becomes a contractual CO-45.
    const edited = REVERSAL.replace('CAS*CO*16*50', 'CAS*CO*45*50');
    await c.open(uri, edited);
    const after = await files({ kind: 'all' }, (r) => r.badge === before.badge - 1);
    assert.equal(after.nodes.find((n) => n.label === 'reversal.835')!.counts!.toWork, toWork(edited));
    assert.deepEqual(await c.conn.sendRequest(EXPLORER_CHILDREN, { parent: oldFile.id, filter: { kind: 'all' } }), {
      nodes: [],
      stale: true,
    });
    // A file deleted on disk (the client's watcher says so) leaves the tree.
    unlinkSync(join(dir, 'examples', 'medicare-part-b.835'));
    await c.conn.sendNotification(P.DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(dir, 'examples', 'medicare-part-b.835')).toString(), type: P.FileChangeType.Deleted }],
    });
    const gone = await files({ kind: 'all' }, (r) => r.nodes.length === 2);
    assert.deepEqual(
      gone.nodes.map((n) => n.label),
      ['examples/needs-attention.835', 'reversal.835'],
    );
  });
});
