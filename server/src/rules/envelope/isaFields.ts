import { ackRequested, interchangeIdQualifier, isaAuthQualifier, isaSecurityQualifier, usageIndicator } from '../../codes/lists';
import type { CodeList } from '../../codes/types';
import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import type { Interchange } from '../../x835/types';
import { isYymmdd } from '../elements/elementFormats';
import { elementRange } from '../engine/ranges';
import { eachInSteps, ENVELOPES_PER_STEP, steppedRule } from '../engine/shared';

/**
 * The values of the fixed-width ISA fields (their widths are the tokenizer's `isa-width`): qualifier
 * codes, the interchange date and time, the 5010 control version, a 9-digit control number, and the
 * acknowledgment and usage flags.
 */
export const isaFieldsRule = steppedRule('isa-fields', function* ({ model }) {
  const t = model.tokens;
  const interchanges = model.interchanges;
  const out: Finding[] = [];
  yield* eachInSteps(interchanges, ENVELOPES_PER_STEP, (ic) => checkIsa(t, ic, out));
  return out;
});

function checkIsa(t: SegmentTable, ic: Interchange, out: Finding[]): void {
  const seg = ic.seg;
  if (t.id(seg) !== 'ISA') return;
  const v = (k: number) => t.element(seg, k);
  const code = (k: number, list: CodeList) => {
    const value = v(k);
    if (list.entries.has(value)) return;
    out.push({
      code: 'element-code',
      ...elementRange(t, seg, k),
      message: `ISA${pad2(k)} is "${value}", not in the list ${list.name}: 5010 allows ${[...list.entries.keys()].join(', ')}.`,
    });
  };
  const format = (k: number, message: string) => out.push({ code: 'element-format', ...elementRange(t, seg, k), message });

  code(1, isaAuthQualifier);
  code(3, isaSecurityQualifier);
  code(5, interchangeIdQualifier);
  code(7, interchangeIdQualifier);
  if (!isYymmdd(v(9))) format(9, `ISA09 (interchange date) is "${v(9)}"; it must be a real date written YYMMDD, e.g. 240131.`);
  if (!isHhmm(v(10))) format(10, `ISA10 (interchange time) is "${v(10)}"; it must be a time written HHMM (24-hour), e.g. 0930.`);
  const version = v(12);
  if (version !== '00501') {
    out.push({
      code: 'element-code',
      ...elementRange(t, seg, 12),
      message:
        version === '00401'
          ? 'ISA12 is 00401: this interchange uses the retired 4010 envelope; the checks here follow 5010 (00501).'
          : `ISA12 (control version) is "${version}"; a 5010 interchange says 00501.`,
    });
  }
  if (!/^\d{9}$/.test(v(13))) format(13, `ISA13 (interchange control number) is "${v(13)}"; it must be exactly 9 digits (zero-padded).`);
  code(14, ackRequested);
  code(15, usageIndicator);
}

const pad2 = (k: number) => String(k).padStart(2, '0');

function isHhmm(s: string): boolean {
  return /^([01]\d|2[0-3])[0-5]\d$/.test(s);
}
