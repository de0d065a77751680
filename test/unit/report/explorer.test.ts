import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { countClaims, fileFacts, type FileFacts } from '../../../server/src/report/explorer/facts';
import {
  claimChildren,
  claimOf,
  claimPage,
  lineChildren,
  PAGE,
  parseNodeId,
  paymentNodes,
  type NodeRef,
} from '../../../server/src/report/explorer/nodes';
import type { ExplorerFilter, ExplorerNode } from '../../../server/src/report/explorer/types';
import { summarize, type RemittanceSummary } from '../../../server/src/report/summary';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { remit } from './remits';

const URI = 'file:///ws/a.835';
const ALL: ExplorerFilter = { kind: 'all' };

const statusCount = (s: RemittanceSummary, status: string) => s.claimsByStatus.find((c) => c.status === status)?.count ?? 0;

/** Every node of a file under the filter, walked as the client expands it (every page, every level). */
function walk(
  a: Analysis,
  f: FileFacts,
  filter: ExplorerFilter,
): { payments: ExplorerNode[]; claims: ExplorerNode[]; lines: ExplorerNode[]; adjustments: ExplorerNode[] } {
  const out = {
    payments: [] as ExplorerNode[],
    claims: [] as ExplorerNode[],
    lines: [] as ExplorerNode[],
    adjustments: [] as ExplorerNode[],
  };
  for (const p of paymentNodes(URI, 1, f, filter)) {
    out.payments.push(p);
    const ref = parseNodeId(p.id) as Extract<NodeRef, { kind: 'payment' }>;
    for (let offset = 0; ;) {
      const nodes = claimPage(URI, 1, f, ref.payment, filter, p.id, offset);
      const more = nodes.find((n) => n.kind === 'more');
      for (const c of nodes.filter((n) => n.kind === 'claim')) {
        out.claims.push(c);
        const cref = parseNodeId(c.id) as Extract<NodeRef, { kind: 'claim' }>;
        const claim = claimOf(a, f.claims[cref.claim])!;
        assert.ok(claim, `claim ${c.label} is found in the analysis`);
        for (const child of claimChildren(a, URI, 1, cref.claim, claim)) {
          if (child.kind === 'adjustment') out.adjustments.push(child);
          else {
            out.lines.push(child);
            const lref = parseNodeId(child.id) as Extract<NodeRef, { kind: 'line' }>;
            out.adjustments.push(...lineChildren(a, URI, claim.lines[lref.line]));
          }
        }
      }
      if (!more) break;
      offset = more.more!.offset;
    }
  }
  return out;
}

/** The text a node reveals. */
const revealed = (text: string, n: ExplorerNode) => {
  const r = n.reveal!.range;
  assert.equal(r.start.line, r.end.line);
  return text.split(/\r?\n/)[r.start.line].slice(r.start.character, r.end.character);
};

const REVERSALS = remit({
  amount: '60',
  claims: [
    {
      id: 'A',
      status: '22',
      charge: '-100',
      paid: '-78.40',
      lines: [{ proc: '99213', charge: '-100', paid: '-78.40', date: '20240102', cas: ['CO*45*-20**253*-1.60'] }],
    },
    {
      id: 'A',
      status: '1',
      charge: '100',
      paid: '78.40',
      lines: [{ proc: '99213', charge: '100', paid: '78.40', date: '20240102', cas: ['CO*45*20**253*1.60'] }],
    },
    {
      id: 'B',
      status: '4',
      charge: '50',
      paid: '0',
      lines: [{ proc: '99214', charge: '50', paid: '0', date: '20240103', cas: ['CO*16*50'] }],
    },
    {
      id: 'C',
      charge: '100',
      paid: '60',
      plan: '12',
      lines: [{ proc: '99215', charge: '100', paid: '60', date: '20240103', cas: ['CO*45*38**253*2'] }],
    },
  ],
});

const EXAMPLES = readdirSync('examples')
  .filter((f) => f.endsWith('.835'))
  .map((f) => ({ name: `examples/${f}`, text: readFileSync(`examples/${f}`, 'utf8') }));

describe('ERA Explorer model: the counts are the summary’s', () => {
  for (const { name, text } of [...EXAMPLES, { name: 'a remit with a reversal, a denial and a commercial CO-253', text: REVERSALS }]) {
    test(name, () => {
      const a = analyze(text, DEFAULT_SETTINGS);
      const s = summarize(a, DEFAULT_SETTINGS);
      const f = fileFacts(a);
      const all = countClaims(f, ALL);
      assert.equal(all.claims, s.claimCount);
      assert.equal(all.toWork, s.toWork, 'adjustments to work');
      assert.equal(all.toRecoverCents, s.toRecoverCents, 'cents to recover');
      assert.equal(all.denied, statusCount(s, '4'));
      assert.equal(all.reversals, statusCount(s, '22'));
      // Payments: one per transaction, with the summary's amount, trace number, payer and claim count.
      const payments = paymentNodes(URI, 1, f, ALL);
      assert.equal(payments.length, s.transactions.length);
      payments.forEach((p, i) => {
        const tx = s.transactions[i];
        assert.equal(f.payments[i].amountCents, tx.amountCents);
        assert.equal(f.payments[i].trace, tx.traceNumber);
        assert.equal(f.payments[i].payer, tx.payer.name);
        assert.equal(f.payments[i].date, tx.paymentDate ?? tx.productionDate ?? '');
        assert.equal(p.counts!.claims, tx.claims);
        assert.ok(p.label.includes(tx.payer.name) && p.description.includes(`TRN ${tx.traceNumber}`), `${p.label} · ${p.description}`);
      });
      // The whole tree: every claim, with the summary's claim rows (id, status, paid, work) in order.
      const tree = walk(a, f, ALL);
      assert.equal(tree.claims.length, s.claimCount);
      tree.claims.forEach((c, i) => {
        const row = s.claims[i];
        assert.ok(c.label.endsWith(`· ${row.id}`), c.label);
        assert.equal(c.counts!.toWork, row.toWork);
        assert.equal(revealed(text, c).slice(0, 4), 'CLP*', 'a claim reveals its CLP segment');
        assert.ok(revealed(text, c).startsWith(`CLP*${row.id}*${row.status}*`));
      });
      // Every adjustment once, labelled by its verdict; the ones to work are the worklist's.
      assert.equal(tree.adjustments.length, a.model.cas.length);
      const work = tree.adjustments.filter((n) => n.icon !== 'adjustment');
      assert.equal(work.length, s.toWork);
      assert.deepEqual(
        work.map((n) => revealed(text, n)),
        s.worklist.map((w) => revealed(text, { reveal: { uri: URI, range: w.range } } as ExplorerNode)),
      );
      assert.ok(tree.lines.every((l) => revealed(text, l).startsWith('SVC*')));
    });
  }

  test('the filters: needs work, recoverable CO-253, denied, reversals, one payer', () => {
    const a = analyze(REVERSALS, DEFAULT_SETTINGS);
    const s = summarize(a, DEFAULT_SETTINGS);
    const f = fileFacts(a);
    const ids = (filter: ExplorerFilter) => walk(a, f, filter).claims.map((c) => c.label.split(' · ').pop());
    assert.deepEqual(
      ids({ kind: 'work' }),
      s.claims.filter((c) => c.toWork > 0).map((c) => c.id),
    );
    assert.deepEqual(
      ids({ kind: 'work' }),
      ['B', 'C'],
      'the denial and the commercial CO-253; the reversal and its correction are not work',
    );
    assert.deepEqual(ids({ kind: 'recoverable' }), ['C'], 'CO-253 on a commercial claim is money to claim back');
    assert.equal(countClaims(f, { kind: 'recoverable' }).toRecoverCents, 200);
    assert.deepEqual(ids({ kind: 'denied' }), ['B']);
    assert.deepEqual(ids({ kind: 'reversals' }), ['A']);
    assert.deepEqual(ids({ kind: 'payer', payer: 'MEDICARE PART B CONTRACTOR' }), ['A', 'A', 'B', 'C']);
    assert.deepEqual(ids({ kind: 'payer', payer: 'SOMEONE ELSE' }), []);
    assert.deepEqual(
      paymentNodes(URI, 1, f, { kind: 'payer', payer: 'SOMEONE ELSE' }),
      [],
      'a payment without a matching claim is left out',
    );
  });

  test('claims and adjustments say their status and verdict in words', () => {
    const a = analyze(REVERSALS, DEFAULT_SETTINGS);
    const f = fileFacts(a);
    const tree = walk(a, f, ALL);
    assert.deepEqual(
      tree.claims.map((c) => [c.icon, c.description]),
      [
        ['claim-reversal', 'Reversal · paid -$78.40'],
        ['claim', 'Primary · paid $78.40'],
        ['claim-work', 'Denied · paid $0.00 · 1 to work'],
        ['claim-recover', 'Primary · paid $60.00 · 1 to work · $2.00 to recover'],
      ],
    );
    assert.deepEqual(
      tree.adjustments.map((n) => `${n.label} ${n.description}`),
      [
        'CO-45 -$20.00 reversed',
        'CO-253 -$1.60 reversed',
        'CO-45 $20.00 contractual',
        'CO-253 $1.60 sequestration',
        'CO-16 $50.00 needs work',
        'CO-45 $38.00 contractual',
        'CO-253 $2.00 to recover $2.00',
      ],
    );
  });

  test(`a payment of 450 claims is sent ${PAGE} at a time, each page ending with "… N more"`, () => {
    const claims = Array.from({ length: 450 }, (_, i) => ({
      id: `P${i}`,
      charge: '10',
      paid: '10',
      lines: [{ proc: '99213', charge: '10', paid: '10', date: '20240102', cas: [] }],
    }));
    const f = fileFacts(analyze(remit({ amount: '4500', claims }), DEFAULT_SETTINGS));
    const parent = paymentNodes(URI, 1, f, ALL)[0].id;
    const first = claimPage(URI, 1, f, 0, ALL, parent, 0);
    assert.equal(first.length, PAGE + 1);
    assert.deepEqual(first.at(-1)!.more, { parent, offset: PAGE });
    assert.equal(first.at(-1)!.label, '… 250 more');
    const second = claimPage(URI, 1, f, 0, ALL, parent, PAGE);
    assert.equal(second.at(-1)!.label, '… 50 more');
    const last = claimPage(URI, 1, f, 0, ALL, parent, 2 * PAGE);
    assert.equal(last.length, 50);
    assert.ok(last.every((n) => n.kind === 'claim'));
    assert.equal(last.at(-1)!.label, 'DOE, P449 · P449');
  });

  test('node ids name their file and version; anything else is not a node', () => {
    assert.deepEqual(parseNodeId(JSON.stringify(['c', URI, 3, 7])), { kind: 'claim', uri: URI, gen: 3, claim: 7 });
    assert.equal(parseNodeId('not json'), undefined);
    assert.equal(parseNodeId(JSON.stringify(['c', URI, 3, -1])), undefined);
    assert.equal(parseNodeId(JSON.stringify(['x', URI, 3])), undefined);
  });
});
