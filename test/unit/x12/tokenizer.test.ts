import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tokenize } from '../../../server/src/x12/tokenizer';
import { isa, medicareFile } from '../../helpers/fragments';

const ids = (text: string) => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => t.id(i));
};
const codes = (text: string) => tokenize(text).findings.map((f) => f.code);

describe('tokenizer', () => {
  test('reads delimiters from the ISA and splits segments and elements', () => {
    const t = tokenize(isa() + 'GS*HP*A~ST*835*0001~CAS*CO*45*100**253*1.6~');
    assert.deepEqual(ids(t.text), ['ISA', 'GS', 'ST', 'CAS']);
    assert.equal(t.element(3, 5), '253');
    assert.equal(t.element(3, 4), '');
    assert.equal(t.element(3, 9), '', 'past the last element is empty, not an error');
    assert.equal(t.elementCount(3), 7);
    assert.deepEqual(t.delimitersOf(3), { element: '*', repetition: '^', component: ':', segment: '~' });
    assert.deepEqual(t.findings, []);
  });

  test('a segment longer than 65,535 characters keeps exact element offsets, before and after it', () => {
    // Element offsets are kept relative to their segment in 16 bits until a segment is too long for that.
    const long = 'X'.repeat(70_000);
    const text = isa() + `ST*835*0001~NTE*A*${long}*B*C~REF*EV*9~SE*4*0001~`;
    const t = tokenize(text);
    assert.deepEqual(ids(text), ['ISA', 'ST', 'NTE', 'REF', 'SE']);
    assert.equal(t.element(2, 2).length, 70_000);
    assert.deepEqual([t.element(2, 1), t.element(2, 3), t.element(2, 4)], ['A', 'B', 'C']);
    assert.equal(t.elementStartOffset(2, 4), text.indexOf('*C~') + 1);
    assert.equal(t.elementAt(2, text.indexOf('*C~') + 1), 4);
    assert.deepEqual([t.element(3, 1), t.element(3, 2), t.element(4, 1)], ['EV', '9', '4']);
    assert.equal(t.element(1, 2), '0001');
  });

  test('the same file with LF, CRLF, and no newlines gives the same segments', () => {
    const lf = medicareFile();
    const expected = ids(lf);
    assert.deepEqual(ids(medicareFile({ nl: '\r\n' })), expected);
    assert.deepEqual(ids(medicareFile({ nl: '' })), expected);
    assert.equal(expected.length, 18);
  });

  test('a newline as segment terminator, with CRLF, leaves no CR in the data', () => {
    const text = isa('*', '^', ':', '\n') + 'ST*835*0001\r\nSE*2*0001\r\n';
    const t = tokenize(text.replace(/\n/g, '\r\n'));
    assert.deepEqual(ids(t.text), ['ISA', 'ST', 'SE']);
    assert.equal(t.element(2, 2), '0001');
    assert.deepEqual(t.findings, []);
  });

  test('pipe and caret delimiters, and components', () => {
    const t = tokenize(isa('|', '^', '>', '~') + 'SVC|HC>99213>25|100|80~');
    assert.deepEqual(t.components(1, 1), ['HC', '99213', '25']);
  });

  test('several interchanges with different delimiters', () => {
    const text = isa() + 'ST*835*1~IEA*0*000000001~' + isa('|', '^', '>', '!') + 'ST|835|2!';
    const t = tokenize(text);
    assert.deepEqual(ids(text), ['ISA', 'ST', 'IEA', 'ISA', 'ST']);
    assert.equal(t.element(4, 2), '2');
  });

  test('trailing whitespace and blank lines are not data', () => {
    assert.deepEqual(ids(isa() + 'ST*835*1~  \n\n\t'), ['ISA', 'ST']);
  });

  test('element and segment lookup by offset', () => {
    const text = isa() + 'CAS*CO*253*1.6~';
    const t = tokenize(text);
    const at = text.indexOf('253') + 1;
    assert.equal(t.segmentAt(at), 1);
    assert.equal(t.elementAt(1, at), 2);
    assert.equal(t.elementAt(1, text.indexOf('*253')), 2, 'a separator belongs to the element after it');
  });
});

describe('tokenizer never throws on bad input', () => {
  test('empty file', () => {
    const t = tokenize('');
    assert.deepEqual(
      t.findings.map((f) => [f.code, f.start, f.end]),
      [['isa-invalid', 0, 0]],
    );
    assert.equal(t.count, 0);
  });

  test('truncated ISA says so', () => {
    const f = tokenize(isa().slice(0, 60)).findings;
    assert.equal(f[0].code, 'isa-invalid');
    assert.match(f[0].message, /truncated/);
  });

  test('an ISA with a short field is read, and the width problem is diagnosed by field', () => {
    const bad = isa().replace('SENDER         ', 'SENDER       ');
    const t = tokenize(bad + 'ST*835*1~');
    assert.deepEqual(ids(t.text), ['ISA', 'ST']);
    assert.equal(t.findings[0].code, 'isa-width');
    assert.equal(t.findings[0].message, 'ISA is 104 characters, expected 106: ISA06 looks 2 characters short');
  });

  test('binary junk', () => {
    const junk = '\u0000\u0001\u00ff\ud800garbage\u0007';
    const t = tokenize(junk);
    assert.equal(t.findings[0].code, 'isa-invalid');
    assert.ok(t.findings[0].end <= junk.length);
  });

  test('text before the ISA is reported and skipped', () => {
    const t = tokenize('hello ' + isa() + 'ST*835*1~');
    assert.deepEqual(codes(t.text), ['isa-invalid']);
    assert.deepEqual(ids(t.text), ['ISA', 'ST']);
  });

  test('a fragment without envelope is read with guessed delimiters', () => {
    const t = tokenize('ST*835*1~CLP*A*1*10*5~SE*3*1~');
    assert.deepEqual(ids(t.text), ['ST', 'CLP', 'SE']);
    assert.deepEqual(codes(t.text), ['isa-invalid']);
  });

  test('a last segment without terminator is kept and reported', () => {
    const t = tokenize(isa() + 'ST*835*1~SE*2*1');
    assert.deepEqual(ids(t.text), ['ISA', 'ST', 'SE']);
    assert.deepEqual(codes(t.text), ['segment-unterminated']);
  });
});
