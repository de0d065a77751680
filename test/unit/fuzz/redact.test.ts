import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkRedaction } from './checks';
import { anyDocumentArb, checkProperty, sampleFiles } from './kit';

const samples = sampleFiles();

describe('fuzz: redaction on any input', () => {
  test('redaction never throws, keeps the length, and the redacted text reports exactly the same findings', () => {
    checkProperty('redact-any', fc.property(anyDocumentArb(samples), (text) => checkRedaction(text)), 400, (text) => text);
  });
});
