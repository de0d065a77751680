import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { transactionParts } from '../../../server/src/stream/transactionSplit';
import type { Part } from '../../../server/src/stream/split';
import { generate835Text } from '../../../bench/generator';

/** The parts `transactionParts` makes of `text` cut in `count`. */
function partsOf(text: string, count: number): Part[] {
  const dir = mkdtempSync(join(tmpdir(), 'era835-cuts-'));
  const path = join(dir, 'f.835');
  writeFileSync(path, text);
  const fd = openSync(path, 'r');
  try {
    return transactionParts(fd, Buffer.byteLength(text), count);
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first transaction of `text` with its claims repeated `copies` times: one ST..SE of many claims. */
function oneTransaction(text: string, copies: number): string {
  const first = text.indexOf('CLP*');
  const se = text.indexOf('SE*', first);
  const head = text.slice(0, first);
  const claims = text.slice(first, se).replace(/(^|\n)PLB\*[^~]*~\n?/g, '$1');
  return `${head}${claims.repeat(copies)}SE*9*0001~\nGE*1*4711~\nIEA*1*000004711~\n`;
}

const bytesAt = (text: string, p: Part, n = 8) =>
  Buffer.from(text)
    .subarray(p.start, p.start + n)
    .toString('latin1');

describe('transactionParts: cuts inside one interchange', () => {
  const text = generate835Text({ bytes: 200_000, seed: 3, claimsPerTransaction: 6 });

  test('cuts before an ST that follows an SE, with the envelope before it as prefix and a GE and IEA after', () => {
    const parts = partsOf(text, 3);
    assert.equal(parts.length, 3);
    assert.deepEqual(parts[0].origin, { line: 1, column: 0, char: 0 });
    assert.equal(parts[0].start, 0);
    assert.equal(parts[2].end, Buffer.byteLength(text));
    for (let k = 1; k < 3; k++) {
      const p = parts[k];
      assert.equal(p.start, parts[k - 1].end);
      assert.equal(p.origin, undefined, 'told by the main thread later');
      assert.match(bytesAt(text, p), /^ST\*835\*/);
      assert.match(text.slice(0, Buffer.from(text).subarray(0, p.start).toString().length), /SE\*\d+\*\d+~\n$/);
      // The prefix: ISA, GS, one stand-in per transaction before the cut (GE01 is checked against them).
      const before = (
        Buffer.from(text)
          .subarray(0, p.start)
          .toString()
          .match(/\nST\*/g) ?? []
      ).length;
      const prefix = p.context!.prefix;
      assert.match(prefix, /^ISA\*00\*/);
      assert.ok(!/[\r\n]/.test(prefix), 'no line break: columns on the first line stay right');
      assert.equal((prefix.match(/ST\*835\*0~SE\*2\*0~/g) ?? []).length, before);
      assert.match(prefix, /~GS\*HP\*MEDICARESAMPLE\*/);
    }
    assert.equal(parts[0].context!.prefix, '');
    assert.equal(parts[0].context!.suffix, 'GE*1*1~IEA*1*1~');
    assert.equal(parts[2].context!.suffix, '');
  });

  test('no cut within reach of a reversal: its pairing looks 200 claims back and 50 ahead', () => {
    const plain = partsOf(text, 2)[1].start;
    // A reversal claim just after where the file would be cut: the cut moves past its reach.
    const at = Buffer.from(text).subarray(0, plain).toString().length;
    const next = text.indexOf('CLP*', at);
    const reversed = text.slice(0, next + 4) + text.slice(next + 4).replace(/^([^*]*)\*1\*/, '$1*22*');
    const parts = partsOf(reversed, 2);
    assert.ok(parts.length === 2 && parts[1].start > plain, `cut at ${parts[1]?.start}, was ${plain}`);
    const cut = Buffer.from(reversed).subarray(0, parts[1].start).toString().length;
    assert.ok((reversed.slice(next, cut).match(/\nCLP\*/g) ?? []).length >= 100, 'at least 100 claims between the reversal and the cut');
  });

  test('a file with one transaction is one part; a newline terminator is cut only at interchanges', () => {
    assert.equal(partsOf(oneTransaction(text, 20), 2).length, 1);
    const newline = text.replace(/~\n/g, '\n').replace(/\*\^\*00501\*(\d+)\*0\*P\*:\n/, '*^*00501*$1*0*P*:\n');
    assert.equal(partsOf(newline, 2).length, 1);
  });
});
