import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatText, minifyText } from '../../../server/src/features/format';
import { tokenize, type SegmentTable } from '../../../server/src/x12/tokenizer';
import { isa, medicareFile } from '../../helpers/fragments';

/** Every segment's element bytes, to prove a layout change altered none. */
const elements = (t: SegmentTable) =>
  Array.from({ length: t.count }, (_, i) => Array.from({ length: t.elementCount(i) }, (_, k) => t.element(i, k)));
const fmt = (s: string) => formatText(tokenize(s));
const min = (s: string) => minifyText(tokenize(s));

describe('format and minify', () => {
  test('a one-line file gets one segment per line; minify gives it back byte for byte', () => {
    const one = medicareFile({ nl: '' });
    const pretty = fmt(one);
    assert.equal(pretty, medicareFile({ nl: '\n' }));
    assert.equal(min(pretty), one);
    assert.deepEqual(elements(tokenize(pretty)), elements(tokenize(one)));
  });

  test('CRLF files keep CRLF', () => {
    const crlf = medicareFile({ nl: '\r\n' });
    assert.equal(fmt(crlf), crlf, 'already formatted: unchanged');
    assert.equal(fmt(min(crlf)), medicareFile({ nl: '\n' }), 'a one-line file has no CRLF to copy: LF');
    assert.equal(min(crlf), medicareFile({ nl: '' }));
  });

  test('multi-interchange files with different delimiters', () => {
    const two = isa() + 'ST*835*1~SE*2*1~IEA*0*000000001~' + isa('|', '^', '>', '!') + 'ST|835|2!SE|2|2!';
    const pretty = fmt(two);
    assert.equal(pretty.split('\n').length, 7 + 1, 'seven segments, then the final line break');
    assert.ok(pretty.includes('ST|835|2!\nSE|2|2!\n'));
    assert.equal(min(pretty), two);
    assert.deepEqual(elements(tokenize(pretty)), elements(tokenize(two)));
  });

  test('files whose terminator is a newline are left as they are', () => {
    const nl = isa('*', '^', ':', '\n') + 'ST*835*1\nSE*2*1\n';
    assert.equal(fmt(nl), nl);
    assert.equal(min(nl), nl);
  });

  test('messy whitespace between segments is normalised; junk before the ISA is kept', () => {
    const messy = 'junk ' + isa() + '  \n\n ST*835*1~\t\nSE*2*1~   ';
    assert.equal(fmt(messy), 'junk ' + isa() + '\nST*835*1~\nSE*2*1~\n');
  });

  test('an unterminated last segment is kept without inventing a terminator', () => {
    assert.equal(fmt(isa() + 'ST*835*1~SE*2*1'), isa() + '\nST*835*1~\nSE*2*1');
  });
});
