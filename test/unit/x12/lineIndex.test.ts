import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex } from '../../../server/src/x12/lineIndex';

describe('line index (UTF-16 positions)', () => {
  test('LF, CRLF and lone CR line breaks', () => {
    const li = new LineIndex('ab\ncd\r\nef\rgh');
    assert.deepEqual(li.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(li.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(li.positionAt(11), { line: 3, character: 1 });
    assert.equal(li.offsetAt({ line: 2, character: 1 }), 8);
  });

  test('accents and astral characters on a one-line file map to UTF-16 code units', () => {
    const text = 'NM1*QC*1*MÜLLER*JOSÉ~NM1*QC*1*😀SMITH*ANN~CLP*X';
    const li = new LineIndex(text);
    const clp = text.indexOf('CLP');
    // 😀 is two UTF-16 code units: LSP counts it as 2, and so do we.
    assert.deepEqual(li.positionAt(clp), { line: 0, character: clp });
    assert.equal(clp, 42, 'two 21-unit segments: MÜLLER/JOSÉ are one unit per letter, 😀 is two');
    assert.equal(li.offsetAt({ line: 0, character: 42 }), clp);
  });

  test('clamps out-of-range positions', () => {
    const li = new LineIndex('abc\n');
    assert.equal(li.offsetAt({ line: 9, character: 0 }), 4);
    assert.equal(li.offsetAt({ line: 0, character: 99 }), 4);
    assert.deepEqual(li.positionAt(-5), { line: 0, character: 0 });
  });
});
