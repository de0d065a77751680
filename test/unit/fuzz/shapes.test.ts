// The input shapes the adversarial review of issue 16 broke things with, as properties: many empty
// segments, CR-only multi-interchange files read in pieces, and symbolic-link trees under a folder walk.
// (One huge field and formula cells are in redact.test.ts and csv.test.ts.)
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { generate835Text } from '../../../bench/generator';
import { readPieces } from '../../../server/src/stream/pieces';
import { walk835Files } from '../../../server/src/workspace/walk';
import { LineIndex } from '../../../server/src/x12/lineIndex';
import { checkAnalysis } from './checks';
import { checkProperty } from './kit';

const REMIT = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'needs-attention.835'), 'utf8');

function inTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'era835-shapes-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('fuzz: the shapes of the adversarial review', () => {
  test('runs of empty segments, alone or inside a remit, are findings inside the text, never an exception', () => {
    const arb = fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.constantFrom('~', '*~', '~\n', '~\r\n', '**~'), fc.nat(), fc.boolean());
    checkProperty(
      'empty-segments',
      fc.property(arb, ([n, unit, at, alone]) => {
        const cut = at % (REMIT.length + 1);
        checkAnalysis(alone ? unit.repeat(n) : REMIT.slice(0, cut) + unit.repeat(n) + REMIT.slice(cut));
      }),
      60,
      ([n, unit, at, alone]) => (alone ? unit.repeat(n) : `${REMIT.slice(0, at % (REMIT.length + 1))}<${n} x ${JSON.stringify(unit)}>`),
    );
  });

  test('multi-interchange files with CR, LF or CRLF line ends: each piece starts where the whole file puts it', () => {
    const arb = fc.tuple(
      fc.integer({ min: 2, max: 5 }),
      fc.constantFrom('\r', '\n', '\r\n'),
      fc.integer({ min: 500, max: 8000 }),
      fc.integer({ min: 64, max: 4096 }),
      fc.nat(1000),
    );
    checkProperty(
      'pieces-line-ends',
      fc.property(arb, ([count, eol, pieceChars, chunkBytes, seed]) => {
        const text = Array.from({ length: count }, (_, i) => generate835Text({ bytes: 3_000, seed: seed + i }))
          .join('')
          .replace(/\r?\n/g, eol);
        const whole = new LineIndex(text);
        inTempDir((dir) => {
          const path = join(dir, 'f.835');
          writeFileSync(path, text);
          const fd = openSync(path, 'r');
          try {
            const pieces = [...readPieces(fd, { pieceChars, chunkBytes })];
            assert.equal(pieces.map((p) => p.text).join(''), text, 'the pieces are the file');
            for (const p of pieces) {
              const at = whole.positionAt(p.origin.char);
              assert.deepEqual([p.origin.line, p.origin.column], [at.line + 1, at.character], `piece at character ${p.origin.char}`);
            }
          } finally {
            closeSync(fd);
          }
        });
      }),
      40,
    );
  });

  test('a folder walk over any tree of files, folders and links ends, names each real file once and says every loop', async () => {
    // A tree: folders a..c, remits in them, and links from anywhere to anywhere (files, folders, the root, missing).
    const node = fc.constantFrom('', 'a', 'b', 'c', 'a/b', 'b/c');
    const link = fc.record({
      from: node,
      name: fc.constantFrom('l1', 'l2', 'l3.835'),
      to: fc.oneof(node, fc.constantFrom('a/x.835', 'b/y.era', 'missing')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(link, { maxLength: 8 }), async (links) => {
        const dir = mkdtempSync(join(tmpdir(), 'era835-walk-'));
        try {
          for (const d of ['a', 'b', 'c', 'a/b', 'b/c']) mkdirSync(join(dir, d), { recursive: true });
          writeFileSync(join(dir, 'a/x.835'), REMIT);
          writeFileSync(join(dir, 'b/y.era'), REMIT);
          writeFileSync(join(dir, 'b/c/z.835'), REMIT);
          for (const l of links) {
            try {
              symlinkSync(join(dir, l.to), join(dir, l.from, l.name));
            } catch {
              /* the name is taken: another link */
            }
          }
          const r = await walk835Files([dir]);
          const real = r.files.map((f) => realpathSync(f));
          assert.equal(new Set(real).size, real.length, `each real file once: ${JSON.stringify(r.files)}`);
          for (const f of ['a/x.835', 'b/y.era', 'b/c/z.835']) assert.ok(real.includes(realpathSync(join(dir, f))), `${f} is found`);
          // A link to a missing target is a problem; nothing else is.
          const broken = links.some((l) => l.to === 'missing');
          if (!broken) assert.deepEqual(r.problems, []);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: 835, numRuns: 60 },
    );
  });
});
