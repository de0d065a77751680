import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';

/**
 * Issue 14: `era835 check` on a folder pairs a reversal (CLP02 22) with its original in another file of
 * the folder (`reversal-pair`, Information), with the net effect on the CO-253, as the editor does.
 */
const CLI = join(__dirname, '../../server/out/cli.js');
const DIR = join(__dirname, '../fixtures/reversal-pairs');
const ORIGINAL = join(DIR, 'original-with-excess-co253.835');
const REVERSAL = join(DIR, 'reversal-and-correction-of-another-file.835');

function check(...args: string[]): { out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', timeout: 60_000 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return { out: r.stdout, err: r.stderr };
}

const pairLines = (out: string) => out.split('\n').filter((l) => / reversal-pair /.test(l));

describe('era835 check: reversal pairs across the files of a folder', () => {
  for (const jobs of ['1', '2']) {
    test(`a folder (--jobs ${jobs}): both sides are named, with the net effect`, () => {
      const { out, err } = check(DIR, '--jobs', jobs);
      assert.deepEqual(pairLines(out), [
        `${ORIGINAL}:10:5 information reversal-pair Reversed by claim PCNR1 in reversal-and-correction-of-another-file.835 (line 10): this payment and its CO-253 of 3.00 are taken back. It is corrected there by claim PCNR1 (CO-253 2.00): net effect -1.00; work the correction, not this payment.`,
        `${REVERSAL}:10:5 information reversal-pair Reverses the CO-253 of 3.00 of claim PCNR1 in original-with-excess-co253.835 (line 10): the payer takes that payment back, this amount included. Corrected by claim PCNR1 later in this file (CO-253 2.00): net effect -1.00; CO-253 taken in the end 2.00.`,
      ]);
      assert.match(err, /2 file\(s\) checked: 0 error\(s\), 1 warning\(s\), 5 information/);
    });
  }

  test('one file alone: nothing to pair with', () => {
    assert.deepEqual(pairLines(check(REVERSAL).out), []);
  });

  test('--json: the pairs are findings like the others', () => {
    const j = JSON.parse(check(DIR, '--json').out) as {
      findings: Array<{ file: string; code: string; line: number }>;
      counts: { information: number };
    };
    assert.deepEqual(
      j.findings.filter((f) => f.code === 'reversal-pair').map((f) => [f.file, f.line]),
      [
        [ORIGINAL, 10],
        [REVERSAL, 10],
      ],
    );
    assert.equal(j.counts.information, 5);
  });
});
