import { readIsa, type Delimiters } from './delimiters';
import type { Finding } from './finding';
import { IntBuffer } from './intBuffer';

/** One interchange's delimiters and the first segment (its ISA) that uses them. */
export interface DelimiterSpan {
  readonly firstSegment: number;
  readonly delimiters: Delimiters;
}

/**
 * The tokenized document: segment and element boundaries as offsets in typed arrays. No substring is
 * made until a feature asks for a value. Element k of segment i starts at `elemStart[segElem[i] + k]`
 * (element 0 is the segment id) and ends one character before the next element's start, or at `segEnd[i]`.
 */
export class SegmentTable {
  constructor(
    readonly text: string,
    /** Offset of each segment's first character. */
    readonly segStart: Int32Array,
    /** Offset just past each segment's last data character (the terminator is not included). */
    readonly segEnd: Int32Array,
    /** Index into `elemStart` of each segment's element 0; one extra entry closes the last segment. */
    readonly segElem: Int32Array,
    readonly elemStart: Int32Array,
    /** Delimiter sets in document order (one per readable ISA). */
    readonly spans: readonly DelimiterSpan[],
    /** What the tokenizer found wrong (unreadable ISA, junk, unterminated segment). */
    readonly findings: readonly Finding[],
  ) {}

  get count(): number {
    return this.segStart.length;
  }

  /** Number of elements including the segment id (so `CLP*1*2` has 3). */
  elementCount(seg: number): number {
    return this.segElem[seg + 1] - this.segElem[seg];
  }

  elementStartOffset(seg: number, k: number): number {
    return this.elemStart[this.segElem[seg] + k];
  }

  elementEndOffset(seg: number, k: number): number {
    const next = this.segElem[seg] + k + 1;
    return next < this.segElem[seg + 1] ? this.elemStart[next] - 1 : this.segEnd[seg];
  }

  /** Element k's text ('' when the segment has fewer elements). Element 0 is the segment id. */
  element(seg: number, k: number): string {
    if (k >= this.elementCount(seg)) return '';
    return this.text.slice(this.elementStartOffset(seg, k), this.elementEndOffset(seg, k));
  }

  id(seg: number): string {
    return this.element(seg, 0);
  }

  delimitersOf(seg: number): Delimiters {
    const spans = this.spans;
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid].firstSegment <= seg) lo = mid;
      else hi = mid - 1;
    }
    return spans[lo]?.delimiters ?? DEFAULT_DELIMITERS;
  }

  /** The components of element k split at the component separator (one entry when not composite). */
  components(seg: number, k: number): string[] {
    return this.element(seg, k).split(this.delimitersOf(seg).component);
  }

  /** The segment containing `offset`, or the nearest one before it; -1 before the first. */
  segmentAt(offset: number): number {
    const s = this.segStart;
    let lo = 0;
    let hi = s.length - 1;
    if (hi < 0 || offset < s[0]) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The element of `seg` that contains `offset` (a separator belongs to the element after it). */
  elementAt(seg: number, offset: number): number {
    const first = this.segElem[seg];
    const n = this.segElem[seg + 1] - first;
    let k = 0;
    while (k + 1 < n && this.elemStart[first + k + 1] - 1 <= offset) k++;
    return k;
  }
}

export const DEFAULT_DELIMITERS: Delimiters = { element: '*', repetition: '^', component: ':', segment: '~' };

const isBlank = (c: number) => c === 10 || c === 13 || c === 32 || c === 9 || c === 0xfeff;

/**
 * Splits the text into segments and elements in one linear pass. Never throws: an unreadable ISA,
 * text before the first ISA, or a last segment without terminator become findings, and scanning
 * resumes at the next ISA. Several interchanges, each with its own delimiters, are supported.
 */
export function tokenize(text: string): SegmentTable {
  const estimate = Math.max(16, (text.length / 40) | 0);
  const segStart = new IntBuffer(estimate);
  const segEnd = new IntBuffer(estimate);
  const segElem = new IntBuffer(estimate);
  const elemStart = new IntBuffer(estimate * 6);
  const spans: DelimiterSpan[] = [];
  const findings: Finding[] = [];
  const n = text.length;

  let delims: Delimiters | undefined;
  let elemCode = 0;
  let pos = 0;
  while (pos < n && isBlank(text.charCodeAt(pos))) pos++;
  if (pos >= n) {
    findings.push({ code: 'isa-invalid', start: 0, end: n, message: n ? 'The file holds only blank characters: an 835 starts with an ISA segment.' : 'The file is empty: an 835 starts with an ISA segment.' });
  }

  while (pos < n) {
    if (text.startsWith('ISA', pos)) {
      const isa = readIsa(text, pos);
      findings.push(...isa.findings);
      if (isa.delimiters) {
        delims = isa.delimiters;
        elemCode = delims.element.charCodeAt(0);
        spans.push({ firstSegment: segStart.length, delimiters: delims });
      } else {
        // Unreadable ISA: skip to the next ISA, if any, and try again there.
        const next = nextIsa(text, pos + 3);
        if (next < 0) break;
        pos = next;
        delims = undefined;
        continue;
      }
    } else if (!delims) {
      const guessed = spans.length === 0 ? guessDelimiters(text, pos) : undefined;
      if (guessed) {
        // A fragment without envelope (ST..SE pasted alone): report it once, but still read it.
        findings.push({ code: 'isa-invalid', start: pos, end: pos + 3, message: `The file starts with ${preview(text, pos)}, not an ISA: there is no interchange envelope. Reading it with '${guessed.element}' between elements and '${printable(guessed.segment)}' between segments.` });
        delims = guessed;
        elemCode = delims.element.charCodeAt(0);
        spans.push({ firstSegment: segStart.length, delimiters: delims });
        continue;
      }
      const next = nextIsa(text, pos);
      const end = next < 0 ? n : next;
      findings.push({
        code: 'isa-invalid',
        start: pos,
        end: Math.min(end, pos + 200) > pos ? Math.min(end, pos + 200) : end,
        message: next < 0
          ? `No ISA segment found: this does not look like an X12 file (it starts with ${preview(text, pos)}).`
          : `${end - pos} characters before the ISA are not X12 (starting with ${preview(text, pos)}); they are ignored.`,
      });
      if (next < 0) break;
      pos = next;
      continue;
    }

    const term = delims.segment;
    let t = text.indexOf(term, pos);
    const unterminated = t < 0;
    if (unterminated) t = n;
    let end = t;
    // A newline terminator on CRLF files leaves a CR at the end of the segment: it is not data.
    if (term === '\n' && end > pos && text.charCodeAt(end - 1) === 13) end--;
    if (unterminated) while (end > pos && isBlank(text.charCodeAt(end - 1))) end--;

    segStart.push(pos);
    segEnd.push(end);
    segElem.push(elemStart.length);
    elemStart.push(pos);
    for (let i = pos; i < end; i++) if (text.charCodeAt(i) === elemCode) elemStart.push(i + 1);
    if (unterminated && term !== '\n' && term !== '\r') {
      findings.push({ code: 'segment-unterminated', start: pos, end, message: `The last segment has no terminator ('${printable(term)}'); the file may be truncated.` });
    }
    pos = t + 1;
    while (pos < n && isBlank(text.charCodeAt(pos))) pos++;
  }
  segElem.push(elemStart.length);
  return new SegmentTable(text, segStart.toArray(), segEnd.toArray(), segElem.toArray(), elemStart.toArray(), spans, findings);
}

const printable = (c: string) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c);

function preview(text: string, at: number): string {
  const raw = text.slice(at, at + 12);
  const shown = Array.from(raw).map((c) => (c >= ' ' && c <= '~' ? c : '·')).join('');
  return `"${shown}${text.length > at + 12 ? '…' : ''}"`;
}

/** The next "ISA" followed by a plausible element separator, or -1. */
function nextIsa(text: string, from: number): number {
  for (let i = text.indexOf('ISA', from); i >= 0; i = text.indexOf('ISA', i + 3)) {
    const sep = text[i + 3];
    if (sep !== undefined && !/[A-Za-z0-9\s]/.test(sep)) return i;
  }
  return -1;
}

/** Delimiters of an envelope-less fragment that starts like "ST*835*0001~", or undefined. */
function guessDelimiters(text: string, at: number): Delimiters | undefined {
  const m = /^[A-Z][A-Z0-9]{1,2}([*|^!+])/.exec(text.slice(at, at + 8));
  if (!m) return undefined;
  const head = text.slice(at, at + 4000);
  const segment = head.includes('~') ? '~' : head.includes("'") && m[1] === '+' ? "'" : '\n';
  const component = m[1] === ':' ? '>' : head.includes('>') && !head.includes(':') ? '>' : ':';
  return { element: m[1], repetition: m[1] === '^' ? undefined : '^', component, segment };
}
