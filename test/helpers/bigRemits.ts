import { generate835Text } from '../../bench/generator';

/**
 * The big generated remits the bounded-response tests share (unit and LSP): made once per test process.
 * 2 MB is past every bound (a 1 MB multi-line remit's outline alone was 1.9 MB of JSON) and still quick.
 */
const made = new Map<string, string>();

function remit(bytes: number, oneLine: boolean): string {
  const key = `${bytes}:${oneLine}`;
  let text = made.get(key);
  if (text === undefined) made.set(key, (text = generate835Text({ bytes, oneLine })));
  return text;
}

/** A 2 MB remit on one line, as payers deliver it. */
export const oneLine2MB = (): string => remit(2_000_000, true);
/** The same size laid out one segment per line. */
export const multiLine2MB = (): string => remit(2_000_000, false);
