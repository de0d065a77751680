import { formatRate, type RateLookup } from '../../codes/sequestration';
import type { Finding } from '../../x12/finding';
import { formatCents } from '../../x835/values';

/**
 * co253-sequestration's finding for an expected CO-253 (no date, or the rate in force within a cent):
 * Medicare sequestration, not actionable. The product's signature message, said of every correct
 * Medicare line: 180,000 of them on a 50 MB file, of which an editor shows at most a thousand.
 *
 * So the message is worded when read, not when the finding is made: the finding keeps the few numbers
 * it needs, and building 180,000 strings up front (and keeping them while the file is open) is left to
 * the consumers that read them all (`era835 check`). Every reader sees the same text: `message` is a
 * getter, and `toJSON` gives exactly the plain finding `{ code, start, end, message }`. Only a spread
 * (`{ ...f }`) or `Object.keys` would miss the message: read `f.message`, as every consumer does.
 */
export class ExpectedSequestrationFinding implements Finding {
  readonly code = 'co253-sequestration';

  /** `lookup`: the rate in force for the triplet's date; undefined when it has no date to check. */
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly observed: number,
    private readonly base: number,
    private readonly lookup: RateLookup | undefined,
  ) {}

  get message(): string {
    const amounts = `${formatCents(this.observed)} on ${formatCents(this.base)}`;
    if (!this.lookup) {
      return `Medicare sequestration (${amounts}): no service or statement date to check the rate against. Normally expected and not recoverable: post as a contractual adjustment; do not appeal or rebill.`;
    }
    const reversal = this.observed < 0 ? ' This reverses an earlier sequestration.' : '';
    return `Medicare sequestration: ${formatRate(this.lookup.rate)} of the Medicare payment (${amounts}). Expected and not recoverable: post as a contractual adjustment; do not appeal or rebill.${reversal}`;
  }

  toJSON(): Finding {
    return { code: this.code, start: this.start, end: this.end, message: this.message };
  }
}
