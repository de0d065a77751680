import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis';
import { redact } from '../../../server/src/redact/redact';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { tokenize } from '../../../server/src/x12/tokenizer';
import { anyDocumentArb, checkProperty, sampleFiles } from './kit';

const samples = sampleFiles();
const findingsOf = (text: string) => analyze(text, DEFAULT_SETTINGS).findings.map((f) => `${f.code} ${f.start}-${f.end} ${f.severity ?? ''}`);

describe('fuzz: redaction on any input', () => {
  test('redaction never throws, keeps the length, and the redacted text reports exactly the same findings', () => {
    checkProperty('redact-any', fc.property(anyDocumentArb(samples), (text) => {
      const r = redact(text, { salt: 'fuzz' });
      if (!r.ok) {
        assert.equal(tokenize(text).count, 0, 'only a text without any segment is refused');
        return;
      }
      assert.equal(r.text.length, text.length);
      assert.deepEqual(findingsOf(r.text), findingsOf(text));
      assert.equal(redact(text, { salt: 'fuzz' }).ok && (redact(text, { salt: 'fuzz' }) as { text: string }).text, r.text, 'deterministic for a salt');
    }), 400, (text) => text);
  });
});
