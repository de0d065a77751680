import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { redact } from '../../../server/src/redact/redact';
import { medicareFile } from '../../helpers/fragments';
import { checkRedaction } from './checks';
import { anyDocumentArb, checkProperty, sampleFiles } from './kit';

const samples = sampleFiles();

/** Where a huge value goes: a medical record number, a patient name, a claim number, or an unknown segment. */
const HUGE_AT: Array<(v: string) => string> = [
  (v) => medicareFile().replace('NM1*QC*1*DOE*JANE****MI*ABC123', `NM1*QC*1*DOE*JANE****MI*ABC123~REF*EA*${v}`).replace('SE*14*', 'SE*15*'),
  (v) => medicareFile().replace('NM1*QC*1*DOE*', `NM1*QC*1*${v}*`),
  (v) => medicareFile().replace('CLP*PCN001*', `CLP*${v}*`),
  (v) => medicareFile().replace('SVC*HC', `ZZZ*${v}~SVC*HC`),
];

describe('fuzz: redaction on any input', () => {
  test('redaction never throws, keeps the length, and the redacted text reports exactly the same findings', () => {
    checkProperty(
      'redact-any',
      fc.property(anyDocumentArb(samples), (text) => checkRedaction(text)),
      400,
      (text) => text,
    );
  });

  test('one huge field (up to 300,000 characters of letters, digits, accents, surrogates, punctuation) is replaced whole', () => {
    const unit = fc.constantFrom('A', 'b', '7', 'é', '\ud83d', '\ude00', '😀', '-', ' ', '.', '\ufeff');
    const huge = fc
      .tuple(fc.array(unit, { minLength: 1, maxLength: 12 }), fc.integer({ min: 20_000, max: 300_000 }))
      .map(([pattern, size]) =>
        pattern
          .join('')
          .repeat(Math.ceil(size / pattern.join('').length))
          .slice(0, size),
      );
    checkProperty(
      'redact-huge-field',
      fc.property(fc.nat({ max: HUGE_AT.length - 1 }), huge, (at, value) => {
        const text = HUGE_AT[at](value);
        checkRedaction(text);
        const r = redact(text, { salt: 'fuzz' });
        assert.ok(r.ok);
        if (/[A-Za-z0-9]{8}/.test(value)) assert.ok(!r.text.includes(value), 'the huge value does not survive');
      }),
      12,
      (at, value) => HUGE_AT[at](value),
    );
  });
});
