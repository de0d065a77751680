import { analyze, type Analysis } from '../../../server/src/analysis';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/settings';
import type { Finding } from '../../../server/src/x12/finding';
import { isa, markers } from '../../helpers/fragments';

/**
 * Fragments for the sequestration rules: an 835 envelope around claim segments written one per line,
 * with `|` markers where a finding's range should start and end.
 */
export function remit(body: string[], payer = 'MEDICARE PART B CONTRACTOR'): { text: string; at: number[] } {
  const segs = [
    isa().slice(0, -1),
    'GS*HP*SENDER*RECEIVER*20240105*1200*1*X*005010X221A1',
    'ST*835*0001',
    'BPR*I*0*C*NON************20240105',
    'TRN*1*EFT0001*1512345678',
    `N1*PR*${payer}`,
    'N1*PE*CLINIC*XX*1234567893',
    'LX*1',
    ...body,
    `SE*${body.length + 8}*0001`,
    'GE*1*1',
    'IEA*1*000000001',
  ];
  return markers(segs.join('~\n') + '~\n');
}

/** The codes this issue owns: sequestration rules and the worklist. */
export const OWN_CODES = /^(co253-|adjustment-actionable$)/;

export function run(text: string, settings: Settings = DEFAULT_SETTINGS): { analysis: Analysis; findings: Finding[] } {
  const analysis = analyze(text, settings);
  return { analysis, findings: analysis.findings.filter((f) => OWN_CODES.test(f.code)) };
}

/** `code@start-end` for compact assertions. */
export function brief(f: Finding): string {
  return `${f.code}@${f.start}-${f.end}`;
}

export function withPeriods(periods: Settings['sequestrationPeriods']): Settings {
  return { ...DEFAULT_SETTINGS, sequestrationPeriods: periods };
}
