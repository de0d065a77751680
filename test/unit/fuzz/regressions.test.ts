import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { checkAnalysis, checkCsv, checkRedaction } from './checks';
import { runEveryFeature } from './featureRun';
import { lineLengths } from './kit';

/**
 * Inputs the fuzzers once broke something with, kept forever (test/fixtures/fuzz/*.json: `{ why, text }`,
 * JSON so lone surrogates and control characters survive). Each is replayed through every check, with
 * the cursor at the start, middle and end of every line (the first 300 lines).
 */
const DIR = join(__dirname, '../../fixtures/fuzz');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('fuzz regressions (test/fixtures/fuzz)', () => {
  for (const file of files) {
    const { why, text } = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { why?: string; text: string };
    test(`${file}: ${why ?? ''}`, () => {
      checkAnalysis(text);
      checkRedaction(text);
      checkCsv(text);
      const lines = lineLengths(text);
      const at = lines.slice(0, 300).flatMap((len, line) => [0, len >> 1, len].map((character) => ({ line, character })));
      runEveryFeature(analyze(text, DEFAULT_SETTINGS), [], at);
    });
  }
});
