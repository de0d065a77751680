import assert from 'node:assert/strict';
import { createCipheriv, createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { redact, redactSteps } from '../../../server/src/redact/redact';
import { tokenize } from '../../../server/src/x12/tokenizer';
import { buildModel } from '../../../server/src/x835/builder';
import { medicareFile } from '../../helpers/fragments';

/**
 * One huge field (a 10 MB REF*EA once kept `era835 redact` busy for over half an hour: the fake of a value
 * hashed the whole value again for every 32 characters of output). The work is counted, not timed: every
 * byte given to a hash or a cipher is counted, so quadratic work shows as 16 times the bytes on 4 times
 * the field.
 */
let counted = 0;
const restore: Array<() => void> = [];

/** Counts the bytes (or UTF-8 characters) every update of a hash or cipher of this kind reads. */
function countUpdates(instance: object): void {
  const proto = Object.getPrototypeOf(instance) as { update: (data: string | Uint8Array, ...rest: unknown[]) => unknown };
  const original = proto.update;
  proto.update = function (this: unknown, data: string | Uint8Array, ...rest: unknown[]) {
    counted += data.length;
    return original.call(this, data, ...rest);
  };
  restore.push(() => {
    proto.update = original;
  });
}

/** A valid 835 whose patient has a medical record number (REF*EA, redacted) of `n` characters. */
const withField = (n: number) =>
  medicareFile()
    .replace('NM1*QC*1*DOE*JANE****MI*ABC123', `NM1*QC*1*DOE*JANE****MI*ABC123~REF*EA*${'Ab1'.repeat(Math.ceil(n / 3)).slice(0, n)}`)
    .replace('SE*14*', 'SE*15*');

describe('redaction of one huge field', () => {
  before(() => {
    countUpdates(createHmac('sha256', 'k'));
    countUpdates(createCipheriv('aes-256-ctr', Buffer.alloc(32), Buffer.alloc(16)));
  });
  after(() => {
    for (const r of restore) r();
  });

  test('the work is linear in the length of the field', () => {
    const work = (n: number) => {
      counted = 0;
      const r = redact(withField(n), { salt: 's' });
      assert.ok(r.ok);
      assert.ok(!r.text.includes('Ab1Ab1'), 'the field is replaced');
      return counted;
    };
    const w1 = work(25_000);
    const w4 = work(100_000);
    assert.ok(w4 <= 4 * 1.25 * w1, `${w1} bytes hashed for a 25,000-character field, ${w4} for 100,000`);
  });

  test('done in small steps: a 1 MB field is never more than a step of work between two yields', () => {
    const text = withField(1_000_000);
    const steps = redactSteps(buildModel(tokenize(text)), { salt: 's' });
    let most = 0;
    let yields = 0;
    for (;;) {
      counted = 0;
      const r = steps.next();
      most = Math.max(most, counted);
      if (r.done) {
        assert.ok(r.value.ok);
        assert.equal(r.value.text, (redact(text, { salt: 's' }) as { text: string }).text, 'the same result as at once');
        break;
      }
      yields++;
    }
    assert.ok(yields >= 20, `${yields} yields`);
    assert.ok(most <= 2 * 65_536 + 1000, `at most ${most} bytes hashed between two yields`);
  });
});
