import type { Analysis } from '../analysis';
import { effectiveSeverity } from '../rules/engine/severity';
import type { Settings } from '../settings';
import type { Origin } from '../stream/pieces';
import type { Finding, Severity } from '../x12/finding';

/** Output modes of `era835 check`. */
export type CheckFormat = 'text' | 'json';

/**
 * Same code and same words: shown this many times per file, then counted (unless `--all`). High enough
 * that real remits never reach it (the same CO-253 amount on a few claims), low enough that a file of
 * two million empty segments prints a page, not 300 MB.
 */
export const REPEAT_CAP = 100;
/** Distinct messages tracked per code and file for the cap; past this, findings are just shown. */
const TRACKED_MESSAGES = 4096;
/** Characters of output collected before they are handed on. */
const EMIT_CHARS = 1 << 20;

const SEVERITY_INDEX: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const OFF = 255;

/**
 * The findings of one file as `era835 check` prints them, formatted straight from the analysis (its
 * findings and its line starts), in document order, with no object per finding: a 50 MB remit has
 * 158,000 findings. Lines: `file:line:col severity code message` (1-based, columns in UTF-16 units like
 * the editor), or one JSON object per finding. A file may come in several pieces (whole interchanges);
 * positions are in the whole file.
 */
export class FindingLines {
  /** Findings shown, by severity: error, warning, information, hint. */
  readonly counts = [0, 0, 0, 0];
  private readonly repeats: RepeatCap;
  private readonly quotedFile: string;

  constructor(
    private readonly file: string,
    private readonly settings: Settings,
    private readonly format: CheckFormat,
    private readonly cap: number,
    /** Receives output in blocks: text lines (each ending in a newline), or JSON objects joined by ",\n". */
    private readonly emit: (block: string) => void,
  ) {
    this.quotedFile = JSON.stringify(file);
    this.repeats = new RepeatCap(file, cap);
  }

  /**
   * Formats one piece's findings (`extra`: findings of the reading, such as bytes that are not UTF-8).
   * `window`: only findings starting at from..to are the piece's (a part analysed with a prefix and a
   * suffix, transactionSplit.ts); `origin` is where `from` is, and the prefix holds no line break.
   */
  add(a: Analysis, origin: Origin, extra: readonly Finding[] = [], window?: { readonly from: number; readonly to: number }): void {
    const all = extra.length ? a.findings.concat(extra) : a.findings;
    const { order, severities } = shownInOrder(all, this.settings, window);
    if (window) origin = { ...origin, column: origin.column - window.from };
    const starts = a.lines.lineStarts;
    const text = a.text;
    const lastLine = starts.length - 1;
    let line = 0; // the line of the current start offset: starts only grow
    const lineOf = (o: number, from: number) => {
      let lo = from;
      let hi = lastLine;
      if (lo === hi || starts[lo + 1] > o) return lo;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    // An offset between the CR and LF of a CRLF is the end of its line (as LineIndex.positionAt says).
    const column = (o: number, l: number) =>
      o -
      starts[l] -
      (o > starts[l] && text.charCodeAt(o) === 10 && text.charCodeAt(o - 1) === 13 ? 1 : 0) +
      1 +
      (l === 0 ? origin.column : 0);
    let block: string[] = [];
    let size = 0;
    const json = this.format === 'json';
    for (let k = 0; k < order.length; k++) {
      const f = all[order[k]];
      const rank = severities[order[k]];
      const severity = SEVERITIES[rank];
      const start = Math.max(0, Math.min(f.start, text.length));
      const end = Math.max(start, Math.min(f.end, window ? window.to : text.length));
      line = lineOf(start, line);
      const endLine = lineOf(end, line);
      const message = f.message;
      this.counts[rank]++;
      if (this.cap !== Infinity && this.repeats.hidden(f.code, message)) continue;
      const s = json
        ? `{"file":${this.quotedFile},"line":${origin.line + line},"column":${column(start, line)},"endLine":${origin.line + endLine},"endColumn":${column(end, endLine)},"severity":"${severity}","code":${JSON.stringify(f.code)},"message":${JSON.stringify(message)}}`
        : `${this.file}:${origin.line + line}:${column(start, line)} ${severity} ${f.code} ${message}\n`;
      block.push(s);
      size += s.length;
      if (size >= EMIT_CHARS) {
        this.emit(block.join(json ? ',\n' : ''));
        block = [];
        size = 0;
      }
    }
    if (block.length) this.emit(block.join(json ? ',\n' : ''));
  }

  /** Lines for stderr: how many findings the cap left out, per code. */
  notes(): string[] {
    return this.repeats.notes();
  }
}

/**
 * The repeat cap: a finding whose code and words were already shown `cap` times in this file is counted,
 * not shown. Kept apart so that the parts of a file checked by several workers are capped in the main
 * thread exactly as one thread caps the whole file.
 */
export class RepeatCap {
  /** code -> message -> how many times it was seen. */
  private readonly repeats = new Map<string, Map<string, number>>();
  /** code -> findings not shown. */
  private readonly cut = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly cap: number,
  ) {}

  /**
   * Counts a (code, message) and says whether it is past the cap. `sliced`: the message was cut out of a
   * block of output, so a tracked one is copied (it must not keep the whole block alive).
   */
  hidden(code: string, message: string, sliced = false): boolean {
    let messages = this.repeats.get(code);
    if (!messages) this.repeats.set(code, (messages = new Map()));
    const seen = messages.get(message);
    if (seen === undefined) {
      if (messages.size < TRACKED_MESSAGES) messages.set(sliced ? flat(message) : message, 1);
      return false;
    }
    messages.set(message, seen + 1);
    if (seen < this.cap) return false;
    this.cut.set(code, (this.cut.get(code) ?? 0) + 1);
    return true;
  }

  /**
   * Caps a block of text lines of this file (`file:line:col severity code message`), as FindingLines
   * would have while making them.
   */
  filterLines(block: string): string {
    const kept: string[] = [];
    const skip = this.file.length + 1;
    let from = 0; // the start of the lines kept since the last one cut
    for (let at = 0; at < block.length;) {
      let end = block.indexOf('\n', at);
      if (end < 0) end = block.length;
      const s1 = block.indexOf(' ', at + skip);
      const s2 = block.indexOf(' ', s1 + 1);
      const s3 = block.indexOf(' ', s2 + 1);
      if (this.hidden(block.slice(s2 + 1, s3), block.slice(s3 + 1, end), true)) {
        if (at > from) kept.push(block.slice(from, at));
        from = end + 1;
      }
      at = end + 1;
    }
    // Nearly always nothing is cut: the block goes on as it came.
    if (from === 0) return block;
    if (from < block.length) kept.push(block.slice(from));
    return kept.join('');
  }

  /** One line per code of which findings were cut. */
  notes(): string[] {
    return [...this.cut].map(
      ([code, n]) =>
        `${this.file}: ${n} more ${code} finding(s) not shown, each repeating a message already shown ${this.cap} times (--all shows every finding)`,
    );
  }
}

/**
 * Indices of the findings whose severity is not `off`, in document order (by start offset; findings at
 * the same place keep their rule order). One number per finding sorted as a typed array: no comparator
 * calls, no objects.
 */
function shownInOrder(
  findings: readonly Finding[],
  settings: Settings,
  window?: { readonly from: number; readonly to: number },
): { order: Uint32Array; severities: Uint8Array } {
  const n = findings.length;
  // Each finding's severity rank (OFF when the user turned its code off), its code's level looked up once.
  const severities = new Uint8Array(n);
  const byCode = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    let rank = f.severity === undefined ? byCode.get(f.code) : undefined;
    if (rank === undefined) {
      const s = effectiveSeverity(f, settings);
      rank = s ? SEVERITY_INDEX[s] : OFF;
      if (f.severity === undefined) byCode.set(f.code, rank);
    }
    severities[i] = rank;
  }
  if (window)
    for (let i = 0; i < n; i++) {
      const start = Math.max(0, findings[i].start);
      if (start < window.from || start >= window.to) severities[i] = OFF;
    }
  if (n < 2 ** 24) {
    const keys = new Float64Array(n);
    let m = 0;
    // start < 2^29 (a string's length), index < 2^24: the key stays an exact integer below 2^53.
    for (let i = 0; i < n; i++) if (severities[i] !== OFF) keys[m++] = Math.max(0, findings[i].start) * 2 ** 24 + i;
    const sorted = keys.subarray(0, m).sort();
    const order = new Uint32Array(m);
    for (let k = 0; k < m; k++) order[k] = sorted[k] % 2 ** 24;
    return { order, severities };
  }
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (severities[i] !== OFF) idx.push(i);
  idx.sort((x, y) => findings[x].start - findings[y].start || x - y);
  return { order: Uint32Array.from(idx), severities };
}

/** A string of its own (not a slice that keeps its parent alive). */
function flat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
