import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { effectiveSeverity } from '../../../server/src/rules/engine/severity';
import { buildPart, MAX_PART_BYTES, type Part } from '../../../server/src/large/parts';
import { diagnosticsInOriginal, originOf } from '../../../server/src/large/partPositions';
import { indexRemittanceNow, type RemittanceIndex } from '../../../server/src/large/remittanceIndex';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { DENIAL, interchange, SEQUESTRATION } from '../../helpers/largeFiles';

const dir = mkdtempSync(join(tmpdir(), 'era835-large-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const severityOf = (f: Parameters<typeof effectiveSeverity>[0]) => effectiveSeverity(f, DEFAULT_SETTINGS);

function partOf(index: RemittanceIndex, path: string, kind: 'claim' | 'payment', n: number): Part {
  const fd = openSync(path, 'r');
  try {
    const p = buildPart(index, fd, { kind, n });
    assert.ok(!('problem' in p), 'problem' in p ? p.problem : '');
    return p;
  } finally {
    closeSync(fd);
  }
}

for (const [layout, nl] of [
  ['one segment per line', '\n'],
  ['one line', ''],
] as const) {
  describe(`large remittance index (${layout})`, () => {
    const text =
      interchange(
        '000000001',
        [
          ['A1', SEQUESTRATION],
          ['A2', DENIAL],
        ],
        nl,
      ) +
      interchange(
        '000000002',
        [
          ['B1', SEQUESTRATION],
          ['B2', SEQUESTRATION],
          ['B3', DENIAL],
        ],
        nl,
        99,
      );
    const path = write(`two-${nl ? 'lines' : 'one'}.835`, text);
    // Cut into one piece per interchange, as a file of hundreds of megabytes is.
    for (const pieceChars of [1 << 30, 64]) {
      test(`payments and claims with totals, work counts and places (${pieceChars === 64 ? 'read interchange by interchange' : 'one piece'})`, () => {
        const index = indexRemittanceNow(path, DEFAULT_SETTINGS, severityOf, pieceChars);
        assert.equal(index.interchanges, 2);
        assert.deepEqual(
          index.transactions.map((t) => [t.trace, t.payer, t.paidCents, t.claimCount, t.toWork, t.errors]),
          [
            ['EFT000000001', 'MÉDICARE PART B CONTRACTOR', 15680, 2, 1, 0],
            ['EFT000000002', 'MÉDICARE PART B CONTRACTOR', 23520, 3, 1, 1], // SE01 is wrong: se-count
          ],
        );
        assert.deepEqual(
          index.claims.map((c) => [c.id, c.transaction, c.chargedCents, c.paidCents, c.toWork]),
          [
            ['A1', 0, 20000, 7840, 0],
            ['A2', 0, 20000, 7840, 1],
            ['B1', 1, 20000, 7840, 0],
            ['B2', 1, 20000, 7840, 0],
            ['B3', 1, 20000, 7840, 1],
          ],
        );
        const bytes = readFileSync(path);
        for (const c of index.claims) {
          // The span holds the claim's bytes (accented names before it: bytes are not characters) ...
          const claimText = bytes.subarray(c.span.byte, c.span.byte + c.span.bytes).toString('utf8');
          assert.match(claimText, new RegExp(`^CLP\\*${c.id}\\*[^]*CAS\\*PR\\*2\\*20~\\n?$`));
          // ... and its line and column are where CLP01 is in the file, as an editor counts them.
          const before = text.slice(0, text.indexOf(`CLP*${c.id}*`));
          const line = before.split('\n').length;
          const column = before.length - before.lastIndexOf('\n');
          assert.deepEqual([c.span.line, c.span.column], [line, column], c.id);
        }
      });
    }

    test('a claim opens as a valid file of its own: envelopes agree, one segment per line, places in the original', () => {
      const index = indexRemittanceNow(path, DEFAULT_SETTINGS, severityOf);
      const part = partOf(index, path, 'claim', 4);
      const lines = part.text.split('\n');
      assert.deepEqual(
        lines.map((l) => l.split('*')[0]),
        ['ISA', 'GS', 'ST', 'BPR', 'TRN', 'N1', 'N1', 'LX', 'CLP', 'NM1', 'SVC', 'DTM', 'CAS', 'CAS', 'SE', 'GE', 'IEA', ''],
      );
      assert.equal(lines[14], 'SE*13*0001~', 'ST to SE: 13 segments');
      assert.equal(lines[15], 'GE*1*2~');
      assert.equal(lines[16], 'IEA*1*000000002~');
      const a = analyze(part.text, DEFAULT_SETTINGS);
      const codes = a.findings.filter((f) => severityOf(f) === 'error' || severityOf(f) === 'warning').map((f) => f.code);
      // No envelope finding: only the payment total, which a cut cannot keep (dropped when published), and
      // the claim's own denial, a Warning since every adjustment that needs work is one (issue 14).
      assert.deepEqual(codes, ['transaction-balance', 'adjustment-actionable']);
      // The CLP line is where B3's CLP is in the file; the trailers were added.
      const clpLine = lines.findIndex((l) => l.startsWith('CLP*B3'));
      assert.deepEqual(originOf(part, { line: clpLine, character: 4 }), {
        line: index.claims[4].span.line,
        column: index.claims[4].span.column + 4,
      });
      assert.equal(originOf(part, { line: 14, character: 0 }), undefined);
    });

    test('a payment opens whole, with its own SE and the group and interchange closed', () => {
      const index = indexRemittanceNow(path, DEFAULT_SETTINGS, severityOf);
      const part = partOf(index, path, 'payment', 0);
      const a = analyze(part.text, DEFAULT_SETTINGS);
      assert.equal(a.model.claims.length, 2);
      assert.deepEqual(
        a.findings.filter((f) => severityOf(f) === 'error').map((f) => f.code),
        [],
      );
    });
  });
}

describe('large remittance parts', () => {
  test('bytes that are not UTF-8 (a Latin-1 name) do not shift the claims after them', () => {
    const text = interchange(
      '000000001',
      [
        ['A1', SEQUESTRATION],
        ['A2', DENIAL],
      ],
      '\n',
    );
    const bytes = Buffer.from(text, 'utf8');
    const latin1 = Buffer.concat([
      bytes.subarray(0, bytes.indexOf('NÚÑEZ')),
      Buffer.from('N\xDA\xD1EZ', 'latin1'),
      bytes.subarray(bytes.indexOf('NÚÑEZ') + Buffer.byteLength('NÚÑEZ')),
    ]);
    const path = join(dir, 'latin1.835');
    writeFileSync(path, latin1);
    const index = indexRemittanceNow(path, DEFAULT_SETTINGS, severityOf);
    const a2 = index.claims[1];
    assert.match(latin1.subarray(a2.span.byte, a2.span.byte + a2.span.bytes).toString('latin1'), /^CLP\*A2\*[^]*CAS\*PR\*2\*20~\n$/);
  });

  test('a part too large to open says so (the claims of such a payment open one by one)', () => {
    const claims = Array.from({ length: Math.ceil(MAX_PART_BYTES / 100) }, (_, i): [string, string] => [`C${i}`, SEQUESTRATION]);
    const path = write('wide.835', interchange('000000003', claims, '\n'));
    const index = indexRemittanceNow(path, DEFAULT_SETTINGS, severityOf);
    const fd = openSync(path, 'r');
    try {
      const p = buildPart(index, fd, { kind: 'payment', n: 0 });
      assert.ok('problem' in p && /too large/.test(p.problem));
      assert.ok(!('problem' in buildPart(index, fd, { kind: 'claim', n: claims.length - 1 })));
      assert.ok('problem' in buildPart(index, fd, { kind: 'claim', n: claims.length }));
    } finally {
      closeSync(fd);
    }
  });

  test('diagnostics name their place in the original; the payment balance of a claim part is dropped', () => {
    const part: Part = { text: '', lines: Int32Array.from([1, 1, 7, 0]), columns: Int32Array.from([1, 108, 1, 0]) };
    const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 3 } });
    const out = diagnosticsInOriginal(
      part,
      [
        { range: at(2, 4), message: 'Claim does not balance.', code: 'claim-balance' },
        { range: at(1, 0), message: 'Payment does not balance.', code: 'transaction-balance' },
        { range: at(3, 0), message: 'Odd trailer.', code: 'se-count' },
      ],
      { uri: 'file:///data/big.835', name: 'big.835' },
      'claim',
    );
    assert.deepEqual(
      out.map((d) => d.message),
      ['Claim does not balance. (line 7, column 5 of big.835)', 'Odd trailer. (in a trailer added to close this part; not in big.835)'],
    );
    assert.deepEqual(out[0].relatedInformation?.[0].location, {
      uri: 'file:///data/big.835',
      range: { start: { line: 6, character: 4 }, end: { line: 6, character: 7 } },
    });
  });
});
