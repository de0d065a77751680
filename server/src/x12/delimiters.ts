import type { Finding } from './finding';

/** The four X12 delimiters, read from the fixed-width ISA of each interchange. */
export interface Delimiters {
  readonly element: string;
  /** ISA11 in 5010; `undefined` when ISA11 is a letter (4010 style "U"), i.e. no repetition. */
  readonly repetition: string | undefined;
  readonly component: string;
  readonly segment: string;
}

/** Widths of ISA01..ISA16 (the ISA is 106 characters with separators and terminator). */
export const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const;
export const ISA_LENGTH = 106;

export interface IsaReading {
  /** Delimiters, when they can be read at all. */
  readonly delimiters?: Delimiters;
  /** Offset of the segment terminator that ends the ISA (when delimiters were read). */
  readonly terminatorAt: number;
  readonly findings: Finding[];
}

const isWordChar = (c: string) => /[A-Za-z0-9 ]/.test(c);
const describe = (c: string) => (c === '\n' ? 'a line feed' : c === '\r' ? 'a carriage return' : c === ' ' ? 'a space' : `'${c}'`);

/**
 * Reads the delimiters of the ISA starting at `at`. Tolerant: it walks the element separators rather
 * than trusting fixed offsets, so an ISA with a short or long field still yields delimiters, and the
 * width problem is reported the way a person would diagnose it ("ISA06 looks 2 characters short").
 */
export function readIsa(text: string, at: number): IsaReading {
  const findings: Finding[] = [];
  const fail = (end: number, message: string): IsaReading => ({
    terminatorAt: -1,
    findings: [{ code: 'isa-invalid', start: at, end: Math.max(end, at + 3), message }],
  });
  if (text.length < at + 4) {
    return fail(
      text.length,
      `The file ends ${text.length - at} characters into the ISA; an ISA is ${ISA_LENGTH} characters, so no delimiters can be read.`,
    );
  }
  const element = text[at + 3];
  if (isWordChar(element) || element === '\n' || element === '\r') {
    return fail(at + 4, `The character after "ISA" is ${describe(element)}, which cannot be an element separator (usually '*' or '|').`);
  }
  // Find the 16 separators that start ISA01..ISA16; give up well past the normal width.
  const seps: number[] = [];
  const limit = Math.min(text.length, at + ISA_LENGTH + 60);
  let i = at + 3;
  for (; i < limit && seps.length < 16; i++) {
    const c = text[i];
    if (c === element) seps.push(i);
    else if (c === '\n' || c === '\r') break;
  }
  if (seps.length < 16) {
    const end = seps.length ? seps[seps.length - 1] + 1 : at + 4;
    const truncated = i >= text.length;
    return fail(
      Math.min(text.length, Math.max(end, at + 3)),
      truncated
        ? `The ISA is truncated: the file ends after ISA${pad2(seps.length)}; an ISA has 16 elements and ${ISA_LENGTH} characters.`
        : `The ISA has ${seps.length} elements where 16 are required, so the component separator and segment terminator cannot be found.`,
    );
  }
  const isa16At = seps[15] + 1;
  const component = text[isa16At];
  const segment = text[isa16At + 1];
  if (component === undefined || segment === undefined) {
    return fail(text.length, 'The ISA is truncated: the component separator (ISA16) or the segment terminator after it is missing.');
  }
  if (isWordChar(segment) && segment !== ' ') {
    const widthHint = widthDiagnosis(text, at, seps);
    return fail(
      isa16At + 2,
      `The character after ISA16 is ${describe(segment)}, which cannot be a segment terminator${widthHint ? `: ${widthHint}` : '.'}`,
    );
  }
  if (isWordChar(component) && component !== ' ') {
    findings.push({
      code: 'element-format',
      start: isa16At,
      end: isa16At + 1,
      message: `ISA16 (component separator) is ${describe(component)}; a letter or digit cannot separate components.`,
    });
  }
  const isa11 = text.slice(seps[10] + 1, seps[11]);
  const repetition = isa11.length === 1 && !isWordChar(isa11) ? isa11 : undefined;
  const delimiters: Delimiters = { element, repetition, component, segment };
  const clash = [element, component, segment, repetition].filter((d, i, all) => d !== undefined && all.indexOf(d) !== i);
  if (clash.length) {
    findings.push({
      code: 'isa-invalid',
      start: at,
      end: isa16At + 2,
      message: `The ISA uses ${describe(clash[0]!)} for two different delimiters; elements cannot be split reliably.`,
    });
  }
  const width = widthDiagnosis(text, at, seps);
  if (width) findings.push({ code: 'isa-width', start: at, end: isa16At + 2, message: width });
  return { delimiters, terminatorAt: isa16At + 1, findings };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "ISA is 104 characters, expected 106: ISA06 looks 2 characters short", or '' when widths are right. */
function widthDiagnosis(text: string, at: number, seps: number[]): string {
  const off: string[] = [];
  for (let k = 0; k < 15; k++) {
    const width = seps[k + 1] - seps[k] - 1;
    const diff = width - ISA_WIDTHS[k];
    if (diff !== 0)
      off.push(`ISA${pad2(k + 1)} looks ${Math.abs(diff)} character${Math.abs(diff) === 1 ? '' : 's'} ${diff < 0 ? 'short' : 'long'}`);
  }
  if (!off.length) return '';
  const length = seps[15] + 3 - at;
  void text;
  return `ISA is ${length} characters, expected ${ISA_LENGTH}: ${off.join(', ')}`;
}
