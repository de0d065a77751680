import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { tokenize } from '../../../server/src/x12/tokenizer';
import { checkAnalysis, fingerprint } from './checks';
import { anyDocumentArb, bytesAsText, checkProperty, sampleFiles } from './kit';

const samples = sampleFiles();

describe('fuzz: tokenizer, model and rules on any input', () => {
  test('random bytes never make the tokenizer throw, and every byte is either a segment or reported', () => {
    checkProperty(
      'tokenizer-bytes',
      fc.property(bytesAsText(2000), (text) => {
        const t = tokenize(text);
        assert.ok(t.count >= 0);
        if (t.count === 0 && text.trim().replace(/\ufeff/g, '') !== '') assert.ok(t.findings.length > 0, 'unread text is reported');
      }),
      1500,
      (text) => text,
    );
  });

  test('analyze never throws, no rule fails, and every finding lies inside the text', () => {
    checkProperty(
      'analyze-any',
      fc.property(anyDocumentArb(samples), (text) => checkAnalysis(text)),
      1500,
      (text) => text,
    );
  });

  test('analyze is deterministic: the same text gives the same tokens, model and findings', () => {
    checkProperty(
      'analyze-deterministic',
      fc.property(anyDocumentArb(samples), (text) => {
        assert.equal(fingerprint(analyze(text, DEFAULT_SETTINGS)), fingerprint(analyze(text, DEFAULT_SETTINGS)));
      }),
      300,
      (text) => text,
    );
  });

  test('every sample file itself analyses cleanly (no internal error)', () => {
    for (const s of sampleFiles(Infinity)) checkAnalysis(s.text);
  });
});
