import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sniffX12 } from '../../../client/src/detect/sniff';
import { isa, medicareFile } from '../../helpers/fragments';

const gs = (el = '*') => ['GS', 'HP', 'SENDER', 'RECEIVER', '20240105', '1200', '1', 'X', '005010X221A1'].join(el);

describe('sniffing the first kilobyte of a plain-text file', () => {
  test('an 835 with one segment per line, and on one line', () => {
    assert.equal(sniffX12(medicareFile()), '835');
    assert.equal(sniffX12(medicareFile({ nl: '' })), '835');
    assert.equal(sniffX12(medicareFile({ nl: '\r\n' })), '835');
  });

  test('the element separator and terminator are read from the ISA, whatever they are', () => {
    assert.equal(sniffX12(`${isa('|', '^', '>', '!')}${gs('|')}!ST|835|0001!BPR|I`), '835');
    assert.equal(
      sniffX12(`${isa('|', '^', '>', '~')}${gs('|')}~ST*835*0001~`),
      'other-x12',
      '`ST*835` with the wrong separator is not the ST',
    );
  });

  test('a byte order mark and blank lines before the ISA are allowed', () => {
    assert.equal(sniffX12(`\uFEFF\n  ${medicareFile()}`), '835');
  });

  test('X12 that is not an 835 (837, 270) is left alone', () => {
    assert.equal(sniffX12(`${isa()}${gs()}~ST*837*0001*005010X222A1~BHT*0019`), 'other-x12');
    assert.equal(sniffX12(`${isa()}${gs()}~ST*270*0001~`), 'other-x12');
    assert.equal(sniffX12(`${isa()}${gs()}~ST*8350*0001~`), 'other-x12');
  });

  test('an ISA whose ST is not within the first kilobyte is not taken for an 835', () => {
    assert.equal(sniffX12(`${isa()}${gs()}~${'NTE*'.padEnd(1000, 'X')}~ST*835*0001~`), 'other-x12');
  });

  test('"ST*835" inside another segment does not count; only a segment start does', () => {
    assert.equal(sniffX12(`${isa()}${gs()}~REF*ZZ*ST*835~ST*837*0001~`), 'other-x12');
  });

  test('text that is not X12 at all', () => {
    assert.equal(sniffX12(''), 'not-x12');
    assert.equal(sniffX12('Dear analyst, ST*835 is attached.'), 'not-x12');
    assert.equal(sniffX12('ISA is short for Individual Savings Account'), 'not-x12');
    assert.equal(sniffX12('ISA*00*'), 'not-x12');
  });
});
