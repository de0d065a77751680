import { readIsa } from '../../../server/src/x12/delimiters';

/**
 * What the start of a file says it is, without the language server (which never sees plain-text
 * documents): an 835, another X12 transaction (837, 270...), or not X12 at all. Pure, for tests.
 */
export type Sniffed = '835' | 'other-x12' | 'not-x12';

/** How much of a file the sniff reads: the ISA (106 characters), the GS and the first ST fit well within. */
export const SNIFF_CHARS = 1024;

/**
 * Reads the first kilobyte: an ISA header (its element separator and terminator, whatever they are),
 * then the first ST segment: `ST*835` makes an 835. An ISA without an ST in that kilobyte, or with
 * another transaction set, is X12 but not known to be an 835, and is left alone.
 */
export function sniffX12(text: string): Sniffed {
  const head = text.slice(0, SNIFF_CHARS);
  const at = /^[\s\uFEFF]*/.exec(head)![0].length;
  if (!head.startsWith('ISA', at)) return 'not-x12';
  const isa = readIsa(head, at);
  if (!isa.delimiters) return 'not-x12';
  const { element, segment } = isa.delimiters;
  for (let i = head.indexOf(`ST${element}`, isa.terminatorAt); i >= 0; i = head.indexOf(`ST${element}`, i + 1)) {
    if (!startsSegment(head, i, segment)) continue;
    const from = i + 3;
    let to = from;
    while (to < head.length && head[to] !== element && head[to] !== segment) to++;
    return head.slice(from, to) === '835' ? '835' : 'other-x12';
  }
  return 'other-x12';
}

/** Whether `i` starts a segment: only line breaks and blanks between it and the previous terminator. */
function startsSegment(text: string, i: number, terminator: string): boolean {
  let j = i - 1;
  while (j >= 0 && text[j] !== terminator && /\s/.test(text[j])) j--;
  return j >= 0 && text[j] === terminator;
}
