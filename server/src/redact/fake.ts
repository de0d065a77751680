import { createCipheriv, createHmac, randomBytes, type Hmac } from 'node:crypto';

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
 *
 * Work is linear in the value's length (a 10 MB field is one value): the value is hashed once or twice,
 * and the bytes past the first 32 come from AES-256-CTR keyed by a second hash of it. `fakeSteps` does the
 * same work in steps of 64 K characters, so the language server can answer other requests
 * in between and drop the work when the request is cancelled.
 */
export class FakeValues {
  private readonly fakes = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly salt: string;
  private readonly shaper: Shaper;

  /**
   * @param originals every value that will be replaced (a fake never equals one of them)
   * @param keep characters never produced and never replaced (the file's delimiters)
   */
  constructor(
    salt: string | undefined,
    private readonly originals: ReadonlySet<string>,
    keep: ReadonlySet<string>,
  ) {
    this.salt = salt ?? randomBytes(16).toString('hex');
    this.shaper = new Shaper(keep);
  }

  /** The fake for `value` (the value itself when it has nothing to replace: only spaces or punctuation). */
  fake(value: string): string {
    const steps = this.fakeSteps(value);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /** The fake already made for `value` in this run, if any. */
  cached(value: string): string | undefined {
    return this.fakes.get(value);
  }

  /** `fake`, resumable: yields after each step of work on a long value (never on a short one). */
  *fakeSteps(value: string): Generator<void, string, void> {
    const known = this.fakes.get(value);
    if (known !== undefined) return known;
    if (!this.shaper.hasReplaceable(value)) return value;
    let fake = '';
    for (let attempt = 0; attempt < 32; attempt++) {
      const bytes = yield* this.stream(value, attempt);
      fake = yield* this.shaper.reshape(value, bytes);
      if (fake !== value && !this.used.has(fake) && !this.originals.has(fake)) break;
    }
    this.fakes.set(value, fake);
    this.used.add(fake);
    return fake;
  }

  /**
   * Pseudo-random bytes for one value, one per UTF-16 unit: the HMAC of (attempt, 0, value), then, for
   * values longer than 32 units, an AES-256-CTR key stream whose key is the HMAC of (attempt, "stream",
   * value). Each hash reads the value once, so the work is linear in its length.
   */
  private *stream(value: string, attempt: number): Generator<void, Uint8Array, void> {
    const first = yield* hashSteps(createHmac('sha256', this.salt), `${attempt}\u0000${0}\u0000`, value);
    if (value.length <= first.length) return first;
    const key = yield* hashSteps(createHmac('sha256', this.salt), `${attempt}\u0000stream\u0000`, value);
    const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
    const out = new Uint8Array(value.length);
    out.set(first);
    const zeros = Buffer.alloc(Math.min(STEP, value.length));
    for (let at = first.length; at < value.length; at += STEP) {
      const n = Math.min(STEP, value.length - at);
      out.set(cipher.update(zeros.subarray(0, n)), at);
      if (at + n < value.length) yield;
    }
    return out;
  }
}

/** Characters of a long value handled between two yields (well under a millisecond of work each). */
const STEP = 1 << 16;

/**
 * The HMAC of `prefix` + `value`, fed a step at a time. A step never ends between the two halves of a
 * surrogate pair, so the bytes hashed (UTF-8) are exactly those of the whole string.
 */
function* hashSteps(hmac: Hmac, prefix: string, value: string): Generator<void, Buffer, void> {
  hmac.update(prefix);
  let at = 0;
  while (value.length - at > STEP) {
    let end = at + STEP;
    const c = value.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end++;
    hmac.update(value.slice(at, end));
    at = end;
    yield;
  }
  hmac.update(at === 0 ? value : value.slice(at));
  return hmac.digest();
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
const isReplaceableCode = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c > 0x7f && c !== 0xfeff);

/**
 * Turns a value and its random bytes into its fake. What depends on the file's delimiters (which
 * characters are kept, which each byte picks) is worked out once, in tables, so the per-character work of
 * a 10 MB value is a few array reads.
 */
class Shaper {
  /** 1 for a UTF-16 unit that is a delimiter: never replaced, never produced. */
  private readonly kept = new Uint8Array(0x10000);
  /** For each alphabet, the character a byte picks (skipping delimiters). */
  private readonly digits: Uint16Array;
  private readonly nonAscii: Uint16Array;
  private readonly consonants: Uint16Array;
  private readonly vowels: Uint16Array;

  constructor(keep: ReadonlySet<string>) {
    for (const k of keep) if (k.length === 1) this.kept[k.charCodeAt(0)] = 1;
    const table = (alphabet: string) => Uint16Array.from({ length: 256 }, (_, b) => this.pick(alphabet, b));
    [this.digits, this.nonAscii, this.consonants, this.vowels] = [DIGITS, NON_ASCII, CONSONANTS, VOWELS].map(table);
  }

  private replaceable(c: number): boolean {
    return isReplaceableCode(c) && this.kept[c] === 0;
  }

  hasReplaceable(value: string): boolean {
    for (let i = 0; i < value.length; i++) if (this.replaceable(value.charCodeAt(i))) return true;
    return false;
  }

  /** Picks from `alphabet` by a byte, skipping characters the file uses as delimiters: a character code. */
  private pick(alphabet: string, byte: number): number {
    for (let i = 0; i < alphabet.length; i++) {
      const c = alphabet.charCodeAt((byte + i) % alphabet.length);
      if (this.kept[c] === 0) return c;
    }
    return alphabet.charCodeAt(byte % alphabet.length);
  }

  /**
   * The value with each replaceable UTF-16 unit swapped for one of the same kind, driven by `bytes`.
   * Built as character codes and turned into a string a step at a time (string concatenation one
   * character at a time makes a 10 MB value a rope of ten million parts); yields between steps.
   */
  *reshape(value: string, bytes: Uint8Array): Generator<void, string, void> {
    const pieces: string[] = [];
    const codes = new Uint16Array(Math.min(value.length, STEP));
    for (let from = 0; from < value.length; from += STEP) {
      const n = Math.min(STEP, value.length - from);
      for (let j = 0; j < n; j++) {
        const i = from + j;
        const c = value.charCodeAt(i);
        if (!this.replaceable(c)) codes[j] = c;
        else if (c <= 0x39) codes[j] = this.digits[bytes[i]];
        else if (c > 0x7f) codes[j] = this.nonAscii[bytes[i]];
        else {
          // Letters alternate consonant and vowel so names stay readable; lower case stays lower case.
          const letter = (i % 2 === 0 ? this.consonants : this.vowels)[bytes[i]];
          codes[j] = c >= 0x61 && this.kept[letter + 0x20] === 0 ? letter + 0x20 : letter;
        }
      }
      // Node decodes UTF-16 code units as they are, lone surrogates included (TextDecoder would not).
      pieces.push(Buffer.from(codes.buffer, 0, n * 2).toString('utf16le'));
      if (from + n < value.length) yield;
    }
    return pieces.length === 1 ? pieces[0] : pieces.join('');
  }
}
