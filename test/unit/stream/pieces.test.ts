import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { decodeKeepingBytes, encodeKeepingBytes, KeepBytesDecoder } from '../../../server/src/stream/keepBytes';
import { advance, readPieces, START, type Piece } from '../../../server/src/stream/pieces';
import { LineIndex } from '../../../server/src/x12/lineIndex';
import { generate835Text } from '../../../bench/generator';

function piecesOf(bytes: Buffer, pieceChars: number, chunkBytes = 4096): Piece[] {
  const dir = mkdtempSync(join(tmpdir(), 'era835-pieces-'));
  try {
    const path = join(dir, 'f.835');
    writeFileSync(path, bytes);
    const fd = openSync(path, 'r');
    try {
      return [...readPieces(fd, { pieceChars, chunkBytes })];
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Three interchanges joined with CR-only line ends (old Mac files): every line break is a lone CR. */
function crOnlyInterchanges(): string {
  return [1, 2, 3]
    .map((seed) => generate835Text({ bytes: 6_000, seed }))
    .join('')
    .replace(/\n/g, '\r');
}

describe('reading a file in pieces of whole interchanges', () => {
  test('CR-only lines: every piece starts at the line and column the whole file has there', () => {
    const text = crOnlyInterchanges();
    const pieces = piecesOf(Buffer.from(text, 'utf8'), 2_000);
    assert.ok(pieces.length >= 3, `${pieces.length} pieces`);
    assert.equal(pieces.map((p) => p.text).join(''), text);
    const whole = new LineIndex(text);
    for (const p of pieces) {
      assert.ok(p.text.startsWith('ISA') || p.origin.char === 0);
      const at = whole.positionAt(p.origin.char);
      assert.deepEqual({ line: p.origin.line, column: p.origin.column }, { line: at.line + 1, column: at.character });
    }
  });

  test('advance counts LF, CRLF and lone CR like the line index', () => {
    for (const text of ['a\rb\r\nc\nd', 'x\r', '\r\n\r\n', 'no break', '\n\r\r\n']) {
      const end = advance(START, text);
      const p = new LineIndex(text + 'Z').positionAt(text.length);
      assert.deepEqual({ line: end.line, column: end.column }, { line: p.line + 1, column: p.character }, JSON.stringify(text));
    }
  });

  test('a multi-byte character cut by a chunk boundary is decoded whole', () => {
    const text = 'ISA' + 'É'.repeat(5000);
    const pieces = piecesOf(Buffer.from(text, 'utf8'), 1 << 20, 4097);
    assert.equal(pieces.map((p) => p.text).join(''), text);
    assert.deepEqual(
      pieces.flatMap((p) => p.invalid),
      [],
    );
  });
});

describe('bytes that are not UTF-8 are kept', () => {
  test('each bad byte is one character at its offset, and encodes back to the same byte', () => {
    const bytes = Buffer.concat([Buffer.from('NM1*QC*1*M'), Buffer.of(0xdc, 0x4c, 0x4c, 0xc3), Buffer.from('R~ok é~'), Buffer.of(0xff)]);
    const d = decodeKeepingBytes(bytes);
    assert.deepEqual(d.invalid, [10, 13, d.text.length - 1]);
    assert.equal(d.text.length, bytes.length - 1); // é is 2 bytes, 1 character
    assert.deepEqual(encodeKeepingBytes(d.text), bytes);
  });

  test('a sequence split across writes is not mistaken for bad bytes', () => {
    const d = new KeepBytesDecoder();
    const e = Buffer.from('€', 'utf8');
    const text = d.write(e.subarray(0, 1)) + d.write(e.subarray(1, 2)) + d.write(e.subarray(2)) + d.end();
    assert.equal(text, '€');
    assert.equal(d.invalidCount, 0);
  });

  test('a truncated sequence at the very end is bad bytes, kept', () => {
    const bytes = Buffer.from([0x41, 0xe2, 0x82]);
    const d = decodeKeepingBytes(bytes);
    assert.equal(d.invalidCount, 2);
    assert.deepEqual(encodeKeepingBytes(d.text), bytes);
  });
});
