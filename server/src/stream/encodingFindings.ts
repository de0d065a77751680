import type { Finding } from '../x12/finding';

/** Findings per piece for bytes that are not UTF-8: enough to locate them, never one per byte of a binary file. */
const MAX_FINDINGS = 100;

/**
 * `encoding-invalid` findings for the offsets of bytes that were not UTF-8 (see keepBytes.ts): one per run
 * of adjacent bad bytes, covering the run. The bytes themselves are kept, so what is written back
 * (redaction) lines up with the input byte for byte.
 */
export function encodingFindings(invalid: readonly number[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < invalid.length && out.length < MAX_FINDINGS;) {
    let j = i + 1;
    while (j < invalid.length && invalid[j] === invalid[j - 1] + 1) j++;
    const n = j - i;
    out.push({
      code: 'encoding-invalid',
      start: invalid[i],
      end: invalid[j - 1] + 1,
      message: `${n === 1 ? 'A byte that is' : `${n} bytes that are`} not UTF-8 (the file may be Latin-1 or damaged): kept as ${n === 1 ? 'it is' : 'they are'} in every output. Ask the sender for UTF-8 or plain ASCII.`,
    });
    i = j;
  }
  return out;
}
