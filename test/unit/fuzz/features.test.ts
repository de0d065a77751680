import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { anyDocumentArb, checkProperty, sampleFiles } from './kit';
import { adjustmentsAt, runEveryFeature } from './featureRun';

const samples = sampleFiles();
const fractions = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
  minLength: 1,
  maxLength: 6,
});
const docWithPoints = fc.tuple(anyDocumentArb(samples), fractions);

describe('fuzz: every feature on any input', () => {
  test('no feature throws, and every range and position it returns lies inside the document', () => {
    checkProperty(
      'features-any',
      fc.property(docWithPoints, ([text, points]) => {
        runEveryFeature(analyze(text, DEFAULT_SETTINGS), points);
      }),
      700,
      ([text]) => text,
    );
  });

  test('features are deterministic: the same text and positions give the same answers', () => {
    checkProperty(
      'features-deterministic',
      fc.property(docWithPoints, ([text, points]) => {
        const first = JSON.stringify(runEveryFeature(analyze(text, DEFAULT_SETTINGS), points));
        const second = JSON.stringify(runEveryFeature(analyze(text, DEFAULT_SETTINGS), points));
        assert.equal(first, second);
      }),
      150,
      ([text]) => text,
    );
  });

  test('positions outside the document (negative, past the end, huge) are answered, not thrown on', () => {
    const a: Analysis = analyze(samples[0].text, DEFAULT_SETTINGS);
    const bogus = [
      [-1, -1],
      [0, -5],
      [1e9, 0],
      [0, 1e9],
      [2 ** 31, 2 ** 31],
      [Number.MAX_SAFE_INTEGER, 3],
    ];
    runEveryFeature(
      a,
      [],
      bogus.map(([line, character]) => ({ line, character })),
    );
    assert.ok(adjustmentsAt(a) >= 0);
  });
});
