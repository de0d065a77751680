import { readIsa, type Delimiters } from './delimiters';
import type { Finding } from './finding';
import { grow, offsets, push, trimmed, widen, type Offsets, type RelOffsets } from './offsets';

/** One interchange's delimiters and the first segment (its ISA) that uses them. */
export interface DelimiterSpan {
  readonly firstSegment: number;
  readonly delimiters: Delimiters;
}

/**
 * The tokenized document: segment and element boundaries as offsets in typed arrays. No substring is
 * made until a feature asks for a value. Element k of segment i starts at `segStart[i] + elemRel[segElem[i] + k]`
 * (element 0 is the segment id) and ends one character before the next element's start, or at `segEnd[i]`.
 */
export class SegmentTable {
  constructor(
    readonly text: string,
    /** Offset of each segment's first character. */
    readonly segStart: Int32Array,
    /** Offset just past each segment's last data character (the terminator is not included). */
    readonly segEnd: Int32Array,
    /** Index into `elemRel` of each segment's element 0; one extra entry closes the last segment. */
    readonly segElem: Int32Array,
    /**
     * Where each element starts, counted from its segment's start: 2 bytes an element (a 50 MB file has
     * 12 million), or 4 in the rare file with a segment longer than 65,535 characters.
     */
    readonly elemRel: Uint16Array | Int32Array,
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
    return this.segStart[seg] + this.elemRel[this.segElem[seg] + k];
  }

  elementEndOffset(seg: number, k: number): number {
    const next = this.segElem[seg] + k + 1;
    return next < this.segElem[seg + 1] ? this.segStart[seg] + this.elemRel[next] - 1 : this.segEnd[seg];
  }

  /** Element k's text ('' when the segment has fewer elements). Element 0 is the segment id. */
  element(seg: number, k: number): string {
    if (k >= this.elementCount(seg)) return '';
    return this.text.slice(this.elementStartOffset(seg, k), this.elementEndOffset(seg, k));
  }

  /**
   * The segment id (element 0). Ids are few and short, so each distinct one is made once and shared:
   * reading the id of every segment of a 50 MB file allocates nothing.
   */
  id(seg: number): string {
    const start = this.segStart[seg];
    const end = this.elementEndOffset(seg, 0);
    const length = end - start;
    if (length < 2 || length > 3) return this.text.slice(start, end);
    const text = this.text;
    const a = text.charCodeAt(start);
    const b = text.charCodeAt(start + 1);
    const c = length === 3 ? text.charCodeAt(start + 2) : 0;
    if ((a | b | c) > 127) return text.slice(start, end);
    const key = (length << 21) | (a << 14) | (b << 7) | c;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = text.slice(start, end);
      this.ids.set(key, id);
    }
    return id;
  }

  /** Distinct segment ids by their packed character codes (see `id`). */
  private readonly ids = new Map<number, string>();

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
    const rel = offset - this.segStart[seg];
    while (k + 1 < n && this.elemRel[first + k + 1] - 1 <= rel) k++;
    return k;
  }
}

export const DEFAULT_DELIMITERS: Delimiters = { element: '*', repetition: '^', component: ':', segment: '~' };

/** `text.indexOf(c, from)`, or `n` (the text's length) when there is none. */
function indexOrEnd(text: string, c: string, from: number, n: number): number {
  const at = text.indexOf(c, from);
  return at < 0 ? n : at;
}

const isBlank = (c: number) => c === 10 || c === 13 || c === 32 || c === 9 || c === 0xfeff;

/**
 * Splits the text into segments and elements in one linear pass, resumable: `step` tokenizes at least a
 * number of characters (whole segments) and returns, so a big document can be tokenized in slices between
 * other work. Never throws: an unreadable ISA, text before the first ISA, or a last segment without
 * terminator become findings, and scanning resumes at the next ISA. Several interchanges, each with its
 * own delimiters, are supported.
 */
export class Tokenizer {
  private readonly n: number;
  // Sized from typical 835s (a segment every ~24 characters, an element every ~5) so that big files
  // are read without regrowing and small ones without waste.
  private readonly segStart: Offsets;
  private readonly segEnd: Offsets;
  private readonly segElem: Offsets;
  private readonly elemRel: RelOffsets;
  private readonly spans: DelimiterSpan[] = [];
  private readonly findings: Finding[] = [];
  private delims: Delimiters | undefined;
  private termCode = 0;
  private pos = 0;
  private stopped = false;

  /** `sizeFor`: how many characters the buffers are sized for (the whole text unless a part is read). */
  constructor(
    private readonly text: string,
    sizeFor = text.length,
  ) {
    const n = (this.n = text.length);
    this.segStart = offsets(sizeFor / 20 + 16);
    this.segEnd = offsets(sizeFor / 20 + 16);
    this.segElem = offsets(sizeFor / 20 + 17);
    this.elemRel = { data: new Uint16Array(Math.max(16, sizeFor / 4 + 16)), length: 0 };
    if (sizeFor !== n) return;
    let pos = 0;
    while (pos < n && isBlank(text.charCodeAt(pos))) pos++;
    if (pos >= n) {
      this.findings.push({
        code: 'isa-invalid',
        start: 0,
        end: n,
        message: n
          ? 'The file holds only blank characters: an 835 starts with an ISA segment.'
          : 'The file is empty: an 835 starts with an ISA segment.',
      });
    }
    this.pos = pos;
  }

  /** True once the whole text is tokenized. */
  get done(): boolean {
    return this.stopped || this.pos >= this.n;
  }

  /** Where tokenizing has got to (a character offset), for progress. */
  get offset(): number {
    return this.done ? this.n : this.pos;
  }

  /** Tokenizes whole segments until at least `budget` more characters are read; true when done. */
  step(budget = Infinity): boolean {
    const text = this.text;
    const n = this.n;
    const stop = this.pos + budget;
    let pos = this.pos;
    while (pos < n && !this.stopped) {
      if (pos >= stop) break;
      if (text.charCodeAt(pos) === 73 /* I */ && text.startsWith('ISA', pos)) {
        const isa = readIsa(text, pos);
        for (const f of isa.findings) this.findings.push(f);
        if (isa.delimiters) {
          this.use(isa.delimiters);
        } else {
          // Unreadable ISA: skip to the next ISA, if any, and try again there.
          const next = nextIsa(text, pos + 3);
          if (next < 0) {
            this.stopped = true;
            break;
          }
          pos = next;
          this.delims = undefined;
          continue;
        }
      } else if (!this.delims) {
        const guessed = this.spans.length === 0 ? guessDelimiters(text, pos) : undefined;
        if (guessed) {
          // A fragment without envelope (ST..SE pasted alone): report it once, but still read it.
          this.findings.push({
            code: 'isa-invalid',
            start: pos,
            end: pos + 3,
            message: `The file starts with ${preview(text, pos)}, not an ISA: there is no interchange envelope. Reading it with '${guessed.element}' between elements and '${printable(guessed.segment)}' between segments.`,
          });
          this.use(guessed);
          continue;
        }
        const next = nextIsa(text, pos);
        const end = next < 0 ? n : next;
        this.findings.push({
          code: 'isa-invalid',
          start: pos,
          end: Math.min(end, pos + 200) > pos ? Math.min(end, pos + 200) : end,
          message:
            next < 0
              ? `No ISA segment found: this does not look like an X12 file (it starts with ${preview(text, pos)}).`
              : `${end - pos} characters before the ISA are not X12 (starting with ${preview(text, pos)}); they are ignored.`,
        });
        if (next < 0) {
          this.stopped = true;
          break;
        }
        pos = next;
        continue;
      }
      pos = this.segment(pos, stop);
    }
    this.pos = pos;
    return this.done;
  }

  private use(delims: Delimiters): void {
    this.delims = delims;
    this.termCode = delims.segment.charCodeAt(0);
    this.spans.push({ firstSegment: this.segStart.length, delimiters: delims });
  }

  /**
   * Reads segments from `pos` with the current delimiters (each terminator and separator found with
   * `indexOf`; the text is still read once, front to back), until `stop`, the end, or a segment that
   * starts with ISA (new delimiters). Returns where the next segment starts.
   */
  private segment(pos: number, stop: number): number {
    const text = this.text;
    const n = this.n;
    const term = this.termCode;
    const newlineTerminated = term === 10;
    const starts = this.segStart;
    const ends = this.segEnd;
    const firsts = this.segElem;
    const elems = this.elemRel;
    let data = elems.data;
    let len = elems.length;
    // Relative offsets fit in 16 bits unless a segment is longer than 65,535 characters (then: widen once).
    let limit = data instanceof Uint16Array ? 0xffff : 0x7fffffff;
    // Terminators and separators are found with indexOf, which scans far faster than a loop over every
    // character; `nextSep` is the next separator at or after `pos` (n when there is none).
    const termChar = this.delims!.segment;
    const sepChar = this.delims!.element;
    let nextSep = indexOrEnd(text, sepChar, pos, n);
    do {
      push(starts, pos);
      push(firsts, len);
      if (len === data.length) {
        elems.length = len;
        data = grow(elems);
      }
      data[len++] = 0;
      const i = indexOrEnd(text, termChar, pos, n);
      // The terminator wins over the element separator if an ISA declared the same character for both:
      // only separators before it count.
      if (nextSep < pos) nextSep = indexOrEnd(text, sepChar, pos, n);
      while (nextSep < i) {
        if (len === data.length) {
          elems.length = len;
          data = grow(elems);
        }
        const rel = nextSep + 1 - pos;
        if (rel > limit) {
          elems.length = len;
          data = widen(elems);
          limit = 0x7fffffff;
        }
        data[len++] = rel;
        nextSep = indexOrEnd(text, sepChar, nextSep + 1, n);
      }
      const unterminated = i >= n;
      let end = i;
      // A newline terminator on CRLF files leaves a CR at the end of the segment: it is not data.
      if (newlineTerminated && end > pos && text.charCodeAt(end - 1) === 13) end--;
      if (unterminated) {
        while (end > pos && isBlank(text.charCodeAt(end - 1))) end--;
        // Separators in the blank tail are not data either.
        while (data[len - 1] > end - pos) len--;
        if (!newlineTerminated && term !== 13) {
          this.findings.push({
            code: 'segment-unterminated',
            start: pos,
            end,
            message: `The last segment has no terminator ('${printable(this.delims!.segment)}'); the file may be truncated.`,
          });
        }
      }
      push(ends, end);
      pos = i + 1;
      while (pos < n && isBlank(text.charCodeAt(pos))) pos++;
    } while (pos < n && pos < stop && !(text.charCodeAt(pos) === 73 && text.startsWith('ISA', pos)));
    elems.length = len;
    return pos;
  }

  /**
   * Tokenizes `text[from, to)` with `delimiters`, as the whole-text tokenizer reads it when it reaches
   * `from` at the start of a segment with those delimiters: for an edit's re-analysis, which reads again
   * only the segments the edit touched. Undefined unless that reading ends exactly at `to` (the next
   * segment starts there), meets no ISA and finds nothing to report: then the rest of the text reads as
   * before, and the caller splices the result in; otherwise it must read more (or everything).
   */
  static range(text: string, from: number, to: number, delimiters: Delimiters): SegmentTable | undefined {
    const t = new Tokenizer(text, to - from);
    t.use(delimiters);
    t.spans.length = 0;
    let pos = from;
    while (pos < to && isBlank(text.charCodeAt(pos))) pos++;
    while (pos < to) {
      if (text.charCodeAt(pos) === 73 /* I */ && text.startsWith('ISA', pos)) return undefined;
      pos = t.segment(pos, to);
    }
    if (pos !== to || t.findings.length) return undefined;
    return t.finish();
  }

  /** The table of everything read so far (the whole text once `step` returned true). */
  finish(): SegmentTable {
    push(this.segElem, this.elemRel.length);
    return new SegmentTable(
      this.text,
      trimmed(this.segStart),
      trimmed(this.segEnd),
      trimmed(this.segElem),
      trimmed(this.elemRel),
      this.spans,
      this.findings,
    );
  }
}

/** Splits the whole text into segments and elements (see `Tokenizer`). */
export function tokenize(text: string): SegmentTable {
  const t = new Tokenizer(text);
  t.step();
  return t.finish();
}

const printable = (c: string) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c);

function preview(text: string, at: number): string {
  const raw = text.slice(at, at + 12);
  const shown = Array.from(raw)
    .map((c) => (c >= ' ' && c <= '~' ? c : '·'))
    .join('');
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
