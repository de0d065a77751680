import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generate835Text } from '../../bench/generator';
import { DEBUG_HEAP, type DebugHeapResult } from '../../server/src/lsp/handlers/testFaults';
import { medicareFile } from '../helpers/fragments';
import { TestClient } from '../helpers/lspClient';

const MB = 1024 * 1024;

/**
 * Memory follows the open documents: a 10 MB remit opened and closed 20 times leaves the server's heap
 * (measured after a full garbage collection, through the test-only `era835/debug/heap` request on a
 * server started with --expose-gc) within 200 MB of where it started.
 */
describe('memory is released when documents close', () => {
  let c: TestClient;
  const saved = { faults: process.env.ERA835_TEST_FAULTS, options: process.env.NODE_OPTIONS };
  before(async () => {
    // The server inherits these: test-only requests on, and global.gc() exposed.
    process.env.ERA835_TEST_FAULTS = '1';
    process.env.NODE_OPTIONS = [saved.options, '--expose-gc'].filter(Boolean).join(' ');
    c = new TestClient();
    for (const [k, v] of [
      ['ERA835_TEST_FAULTS', saved.faults],
      ['NODE_OPTIONS', saved.options],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await c.initialize();
  });
  after(() => c.shutdown());

  const heap = () => c.conn.sendRequest<DebugHeapResult>(DEBUG_HEAP, {});

  test('opening and closing a 10 MB document 20 times keeps the heap within 200 MB of the start', async () => {
    const warm = 'file:///memory/warm.835';
    await c.open(warm, medicareFile());
    await c.diagnosticsFor(warm);
    const start = await heap();
    assert.ok(start.collected, 'the server runs with --expose-gc, so the heap is measured after a full collection');

    const big = generate835Text({ bytes: 10 * MB, seed: 11 });
    assert.ok(big.length >= 10 * MB * 0.95, `generated ${big.length} characters`);
    const uri = 'file:///memory/big.835';
    const seen: number[] = [];
    for (let round = 1; round <= 20; round++) {
      await c.open(uri, big, round);
      await c.diagnosticsFor(uri, round, 120_000);
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      seen.push((await heap()).heapUsed);
    }
    const growth = seen[seen.length - 1] - start.heapUsed;
    const shown = seen.map((h) => Math.round(h / MB)).join(', ');
    assert.ok(
      growth < 200 * MB,
      `heap grew ${Math.round(growth / MB)} MB (from ${Math.round(start.heapUsed / MB)} MB; after each round: ${shown} MB)`,
    );
    // And it does not creep: the last rounds are no higher than the first ones (plus slack).
    assert.ok(seen[19] < seen[1] + 50 * MB, `heap creeps up round after round: ${shown} MB`);
  });
});
