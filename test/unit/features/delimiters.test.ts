import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeDelimiters } from '../../../server/src/features/delimiters';
import { tokenize } from '../../../server/src/x12/tokenizer';
import { isa } from '../../helpers/fragments';

describe('delimiter normalisation', () => {
  test('pipe to star, > to :, keeping every element and updating ISA16', () => {
    const src = isa('|', '^', '>', '~') + '\nSVC|HC>99213>25|100|80~\n';
    const r = normalizeDelimiters(tokenize(src), { element: '*', component: ':' });
    assert.ok(r.ok);
    assert.equal(r.text, isa('*', '^', ':', '~') + '\nSVC*HC:99213:25*100*80~\n');
    const t = tokenize(r.text);
    assert.deepEqual(t.components(1, 1), ['HC', '99213', '25']);
  });

  test('refuses when the new delimiter occurs inside data, and says where', () => {
    const src = isa('|') + 'N1|PR|A*B INSURANCE~';
    const r = normalizeDelimiters(tokenize(src), { element: '*' });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(src.slice(r.start, r.end), '*');
  });

  test('refuses a letter or a delimiter used twice', () => {
    assert.equal(normalizeDelimiters(tokenize(isa() + 'ST*835*1~'), { element: 'A' }).ok, false);
    assert.equal(normalizeDelimiters(tokenize(isa() + 'ST*835*1~'), { element: '~' }).ok, false);
  });

  test('a terminator change', () => {
    const r = normalizeDelimiters(tokenize(isa() + 'ST*835*1~SE*2*1~'), { segment: '!' });
    assert.ok(r.ok && r.text === isa('*', '^', ':', '!') + 'ST*835*1!SE*2*1!');
  });
});
