import { createHmac, randomBytes } from 'node:crypto';

/**
 * Consistent fake values for redaction. A value's fake comes from a keyed hash (HMAC-SHA256) of the value
 * with a salt, so:
 * - the same original always gets the same fake within a run (and across files with the same salt);
 * - without the salt nobody can test guesses ("is the member id 123456789?") against the output;
 * - the fake has the original's shape: same length in UTF-16 units, digits for digits, letters for letters
 *   (case kept, consonants and vowels alternating so names stay readable), other characters for non-ASCII
 *   ones, punctuation and spaces kept.
 *   Equal lengths keep every offset, every element length check and therefore every finding unchanged.
 * Different originals get different fakes (retrying on a clash), and no fake equals any original.
 */
export class FakeValues {
  private readonly fakes = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly salt: string;

  /**
   * @param originals every value that will be replaced (a fake never equals one of them)
   * @param keep characters never produced and never replaced (the file's delimiters)
   */
  constructor(salt: string | undefined, private readonly originals: ReadonlySet<string>, private readonly keep: ReadonlySet<string>) {
    this.salt = salt ?? randomBytes(16).toString('hex');
  }

  /** The fake for `value` (the value itself when it has nothing to replace: only spaces or punctuation). */
  fake(value: string): string {
    const known = this.fakes.get(value);
    if (known !== undefined) return known;
    if (!hasReplaceable(value, this.keep)) return value;
    let fake = '';
    for (let attempt = 0; attempt < 32; attempt++) {
      fake = reshape(value, this.stream(value, attempt), this.keep);
      if (fake !== value && !this.used.has(fake) && !this.originals.has(fake)) break;
    }
    this.fakes.set(value, fake);
    this.used.add(fake);
    return fake;
  }

  /** Pseudo-random bytes for one value: HMAC blocks in counter mode, enough for any length. */
  private stream(value: string, attempt: number): Uint8Array {
    const blocks: Buffer[] = [];
    for (let n = 0, have = 0; have < value.length; n++, have += 32) {
      blocks.push(createHmac('sha256', this.salt).update(`${attempt}\u0000${n}\u0000${value}`).digest());
    }
    return Buffer.concat(blocks);
  }
}

// No S: a fake never spells "ISA", so redacted junk can never start a new interchange for the tokenizer.
const CONSONANTS = 'BCDFGHJKLMNPRTVWZ';
const VOWELS = 'AEIOU';
const DIGITS = '0123456789';
/** Non-ASCII stays non-ASCII (one UTF-16 unit each): the tokenizer tells ids from junk by ASCII class. */
const NON_ASCII = 'ÀÉÎÕÜÇÑÅØÆ';

/**
 * Letters, digits and anything outside ASCII (accented letters, emoji, stray surrogates) are replaced.
 * A byte-order mark is kept: the tokenizer skips it as a blank, a letter in its place would be data.
 */
const isReplaceable = (c: string, keep: ReadonlySet<string>): boolean =>
  !keep.has(c) && (/[A-Za-z0-9]/.test(c) || (c.charCodeAt(0) > 0x7f && c !== '\ufeff'));

const hasReplaceable = (value: string, keep: ReadonlySet<string>): boolean => {
  for (let i = 0; i < value.length; i++) if (isReplaceable(value[i], keep)) return true;
  return false;
};

/** Picks from `alphabet` by a byte, skipping characters the file uses as delimiters. */
function pick(alphabet: string, byte: number, keep: ReadonlySet<string>): string {
  for (let i = 0; i < alphabet.length; i++) {
    const c = alphabet[(byte + i) % alphabet.length];
    if (!keep.has(c)) return c;
  }
  return alphabet[byte % alphabet.length];
}

/** The value with each replaceable UTF-16 unit swapped for one of the same kind, driven by `bytes`. */
function reshape(value: string, bytes: Uint8Array, keep: ReadonlySet<string>): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (!isReplaceable(c, keep)) { out += c; continue; }
    const b = bytes[i];
    if (c >= '0' && c <= '9') { out += pick(DIGITS, b, keep); continue; }
    if (c.charCodeAt(0) > 0x7f) { out += pick(NON_ASCII, b, keep); continue; }
    const letter = pick(i % 2 === 0 ? CONSONANTS : VOWELS, b, keep);
    const lower = letter.toLowerCase();
    out += c >= 'a' && c <= 'z' && !keep.has(lower) ? lower : letter;
  }
  return out;
}
