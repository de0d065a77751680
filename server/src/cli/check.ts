import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { analyze } from '../analysis';
import { readIsa } from '../x12/delimiters';
import { effectiveSeverity } from '../lsp/diagnostics';
import type { Settings } from '../settings';
import type { Severity } from '../x12/finding';
import { expandPaths } from './files';

/** One finding as the command line reports it (1-based line and column, like compilers do). */
export interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export interface CheckResult {
  readonly findings: CliFinding[];
  readonly problems: string[];
  readonly filesChecked: number;
}

/** Files from this size on get progress lines on stderr (reading, analysing, done). */
const BIG_FILE_BYTES = 64 * 1024 * 1024;
/** Bytes read per call: a file of any size is read in pieces, never with one readFileSync. */
const CHUNK_BYTES = 16 * 1024 * 1024;
/**
 * Characters analysed as one text. V8 strings stop at about 512 million characters, and memory grows
 * with the text: a longer file is analysed interchange by interchange (ISA..IEA are independent), cut
 * at the first ISA after this many characters.
 */
const PIECE_CHARS = 160 * 1024 * 1024;
/** Past this, one interchange is too long for a string: said once, the rest of the file is skipped. */
const MAX_PIECE_CHARS = 480 * 1024 * 1024;

/** Where a piece of a file starts, to report file positions (1-based lines, UTF-16 columns). */
interface PieceOrigin {
  readonly line: number;
  readonly column: number;
}

/**
 * Analyses each file with exactly the code the language server uses. Files are read in chunks; a file
 * too long for one string is analysed interchange by interchange, with positions in the whole file.
 * Big files report progress on `progress` (stderr in the CLI).
 */
export function check(paths: readonly string[], settings: Settings, progress: (line: string) => void = (l) => process.stderr.write(l)): CheckResult {
  const { files, problems } = expandPaths(paths);
  const findings: CliFinding[] = [];
  let filesChecked = 0;
  for (const { path } of files) {
    const started = Date.now();
    let fd: number;
    let size: number;
    try {
      fd = openSync(path, 'r');
      size = fstatSync(fd).size;
    } catch (e) {
      problems.push(cannotRead(path, e));
      continue;
    }
    const big = size >= BIG_FILE_BYTES;
    if (big) progress(`era835: reading ${path} (${(size / 1e6).toFixed(0)} MB)...\n`);
    const before = findings.length;
    try {
      const pieces = readPieces(fd, path, problems);
      let piece = pieces.next();
      for (let n = 1; !piece.done; n++) {
        const { text, origin } = piece.value;
        if (big) progress(`era835: analysing ${path}${n > 1 || text.length >= PIECE_CHARS ? ` (interchanges from part ${n}, ${(text.length / 1e6).toFixed(0)} M characters)` : ''}...\n`);
        report(path, text, origin, settings, findings);
        piece = pieces.next();
      }
      filesChecked++;
    } catch (e) {
      problems.push(cannotRead(path, e));
    } finally {
      closeSync(fd);
    }
    if (big) progress(`era835: ${path}: ${findings.length - before} finding(s) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return { findings, problems, filesChecked };
}

function cannotRead(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return `${path}: cannot read (${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code ?? (e as Error).message})`;
}

function report(path: string, text: string, origin: PieceOrigin, settings: Settings, findings: CliFinding[]): void {
  const a = analyze(text, settings);
  const at = (offset: number) => {
    const p = a.lines.positionAt(offset);
    return { line: origin.line + p.line, column: (p.line === 0 ? origin.column : 0) + p.character + 1 };
  };
  // A terminal reads top to bottom: findings in document order (stable, so a place keeps rule order).
  const shown = a.findings.filter((f) => effectiveSeverity(f, settings)).sort((x, y) => x.start - y.start);
  for (const f of shown) {
    const s = at(f.start);
    const e = at(f.end);
    findings.push({ file: path, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, severity: effectiveSeverity(f, settings)!, code: f.code, message: f.message });
  }
}

/**
 * The file's text in pieces: all of it when it is shorter than PIECE_CHARS (nearly always), else cut
 * before an ISA that starts a segment, so that every piece holds whole interchanges.
 */
function* readPieces(fd: number, path: string, problems: string[]): Generator<{ text: string; origin: PieceOrigin }> {
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let parts: string[] = [];
  let length = 0;
  let origin: PieceOrigin = { line: 1, column: 0 };
  for (;;) {
    const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
    const chunk = n > 0 ? decoder.write(buffer.subarray(0, n)) : decoder.end();
    if (chunk) { parts.push(chunk); length += chunk.length; }
    if (n === 0 || length >= PIECE_CHARS) {
      let text = parts.join('');
      parts = [];
      length = 0;
      if (n > 0) {
        const cut = interchangeStart(text, PIECE_CHARS);
        if (cut < 0) {
          if (text.length < MAX_PIECE_CHARS) { parts = [text]; length = text.length; continue; }
          problems.push(`${path}: an interchange longer than ${MAX_PIECE_CHARS / 2 ** 20} M characters cannot be analysed in one piece; the file was checked up to character ${text.length} of its part.`);
          return;
        }
        parts = [text.slice(cut)];
        length = parts[0].length;
        text = text.slice(0, cut);
      }
      yield { text, origin };
      origin = advance(origin, text);
      if (n === 0) return;
    }
  }
}

/** The first "ISA" at or after `from` that starts an interchange (a readable ISA after a segment end), or -1. */
function interchangeStart(text: string, from: number): number {
  for (let i = text.indexOf('ISA', from); i >= 0; i = text.indexOf('ISA', i + 3)) {
    const isa = readIsa(text, i);
    if (!isa.delimiters) continue;
    let j = i - 1;
    while (j >= 0 && (text[j] === '\n' || text[j] === '\r' || text[j] === ' ')) j--;
    // After the previous segment's terminator; "ISA" inside data follows a letter, digit or separator.
    if (j >= 0 && !/[A-Za-z0-9]/.test(text[j]) && text[j] !== isa.delimiters.element) return i;
  }
  return -1;
}

/** The origin of the text that follows `text`. */
function advance(origin: PieceOrigin, text: string): PieceOrigin {
  let lines = 0;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { lines++; lastBreak = i; }
  // A lone CR also breaks lines for the line index; LF and CRLF files (all real ones) are counted exactly.
  return lastBreak < 0 ? { line: origin.line, column: origin.column + text.length } : { line: origin.line + lines, column: text.length - lastBreak - 1 };
}

export function formatFinding(f: CliFinding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`;
}
