/**
 * Hover golden files: each case is a short remittance with `|` cursor markers; the hover at every marker
 * is rendered (the segment with the cursor shown as `‸`, the range, the markdown) into
 * `<case>.golden.md` beside this file. A human reads the golden file to review the wording; the test
 * fails when the output changes. Rewrite them with UPDATE_GOLDEN=1 after an intended change.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/analysis';
import { hover } from '../../../../server/src/features/hover';
import { DEFAULT_SETTINGS } from '../../../../server/src/settings';
import { markers } from '../../../helpers/fragments';
import { CLAIM_1001, CLAIM_1002, remit } from '../remit';

const URI = 'file:///remits/sample.835';
const BPR_176_40 = 'BPR*I*176.4*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240105';

/** Case name -> the text with markers. Each kind of hover the product promises has its case. */
const CASES: Record<string, string> = {
  // Segment ids: name, loop path, purpose.
  segments: remit([
    '|LX*1',
    'CLP*PCN1001*1*200*78.4*20*MB*PAYERCN001*11*1',
    '|NM1*QC*1*DOE*JANE****MI*ABC123',
    'SVC*HC:99213:25*200*78.4**1',
    '|DTM*472*20240102',
    '|CAS*CO*45*100**253*1.6',
    'CAS*PR*2*20',
    '|LQ*HE*N130',
  ]).replace('N1*PR', '|N1*PR'),
  // Elements: text, money, dates, qualified values, codes, unknown codes, empty values.
  elements: remit([
    'LX*1',
    'CLP*|PCN1001*|1*200*|78.4*20*|MB*PAYERCN001*11*1',
    'NM1*QC*1*|DOE*JANE****MI*ABC123',
    'SVC*HC:99213:25*200*78.4**1',
    'DTM*472*|20240102',
    'AMT*B6*|100',
    'CLP*PCN1003*|7*10*0*0*|XX*ICN3',
    'DTM*232*|20240231',
    'CLP*PCN1004*1*12.3.4*|x*0*MB*ICN4',
  ]),
  // Composites: the component under the cursor.
  composites: remit([
    'LX*1',
    'CLP*PCN1001*1*200*78.4*20*MB*PAYERCN001*11*1',
    'SVC*|HC:|99213:|25*200*78.4**1',
    'PLB*1234567893*20241231*|WO:|PAYERCN001*10',
  ]),
  // Codes from the big lists: CAS group, CARC (known, retired, unknown), RARC, NCPDP in LQ*RX.
  codes: remit([
    'LX*1',
    'CLP*PCN1001*1*200*78.4*20*MB*PAYERCN001*11*1',
    'CAS*|CO*|45*100',
    'CAS*CO*|A1*10',
    'CAS*OA*|D1*10',
    'CAS*CO*|Z999*10',
    'LQ*HE*|N130',
    'LQ*RX*|76',
    'MOA***|MA01',
  ]),
  // CAS triplets: what each adjustment means and whether anyone should work on it.
  cas: remit(
    [...CLAIM_1001.slice(0, 5), 'CAS*CO*45*|100**|253*|1.6', 'CAS*|PR*|2*20', ...CLAIM_1002.slice(0, 7), 'CAS*CO*|16*180', 'LQ*HE*M51'],
    { bpr: BPR_176_40 },
  ),
  // The claim waterfall on CLP, and the line waterfall on SVC.
  claims: remit(
    [
      CLAIM_1001[0],
      '|' + CLAIM_1001[1],
      ...CLAIM_1001.slice(2, 3),
      '|' + CLAIM_1001[3],
      ...CLAIM_1001.slice(4),
      '|' + CLAIM_1002[0],
      ...CLAIM_1002.slice(1, 5),
      '|' + CLAIM_1002[5],
      ...CLAIM_1002.slice(6),
      '|CLP*PCN1005*1*100*50*0*MB*ICN5',
      'CAS*CO*45*30',
    ],
    { bpr: BPR_176_40 },
  ),
  // BPR: the payment, how it adds up from the claims and the PLB.
  payment:
    remit([...CLAIM_1001, 'PLB*1234567893*20241231*WO:PAYERCN001*10*L6*-2.5'], {
      bpr: '|BPR*I*|70.9*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*|20240105',
    }) +
    '\n' +
    remit(['LX*1', 'CLP*PCN9*1*50*50*0*12*ICN9'], { bpr: '|BPR*H*0*C*NON************20240106' }),
  // PLB: reasons, the sign convention, and references that name claims in the file.
  plb: remit(
    [...CLAIM_1001, '|PLB*1234567893*20241231*|WO:PAYERCN001*|10*|L6:PCN1001*-2.5', 'PLB*1234567893*20241231*FB:|OLDREMIT77*5*|ZZ*1'],
    { bpr: 'BPR*I*64.9*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240105' },
  ),
  // A reversal (CLP02 22) and its correction, paired by CLP01.
  reversals: remit(
    [
      'LX*1',
      '|CLP*PCN2002*|22*-100*-80*0*MB*ICN2002*11*7',
      'CAS*CO*45*-20',
      '|CLP*PCN2002*1*100*90*0*MB*ICN2003*11*7',
      'CAS*CO*45*10',
      '|CLP*PCN2009*22*-40*-40*0*MB*ICN2009*11*8',
    ],
    { bpr: 'BPR*I*-30*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240105' },
  ),
  // Delimiters: the ISA declares them by position.
  delimiters: remit(['LX*1|'])
    .replace(/^ISA\*/, 'ISA|*')
    .replace('*^*00501', '*|^*00501')
    .replace('*P*:~', '*P*|:|~'),
};

/** The segment holding `offset`, with the cursor drawn as ‸ (ISA shortened around it). */
function shownSegment(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  const line = text.slice(start, offset) + '‸' + text.slice(offset, end);
  return line.length > 60 && line.startsWith('ISA') ? `…${line.slice(Math.max(0, offset - start - 30), offset - start + 31)}…` : line;
}

function render(name: string, src: string): string {
  const { text, at } = markers(src);
  const a = analyze(text, DEFAULT_SETTINGS);
  const out = [`# Hover: ${name}`, '', '<!-- generated by hover.test.ts: UPDATE_GOLDEN=1 rewrites this file -->'];
  for (const offset of at) {
    const h = hover(a, a.lines.positionAt(offset), DEFAULT_SETTINGS, URI);
    out.push('', '---', '', `## \`${shownSegment(text, offset)}\``, '');
    if (!h) {
      out.push('(no hover)');
      continue;
    }
    const r = h.range!;
    out.push(
      `range ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} \`${text.slice(a.lines.offsetAt(r.start), a.lines.offsetAt(r.end)).replace(/\n/g, '\\n')}\``,
      '',
    );
    out.push((h.contents as { value: string }).value);
  }
  return out.join('\n') + '\n';
}

describe('hover golden files', () => {
  for (const [name, src] of Object.entries(CASES)) {
    test(name, () => {
      const file = join(__dirname, `${name}.golden.md`);
      const actual = render(name, src);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
        writeFileSync(file, actual);
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`${name}.golden.md did not exist: written; review it and run again`);
        return;
      }
      assert.equal(actual, readFileSync(file, 'utf8'), `${name}.golden.md differs (UPDATE_GOLDEN=1 rewrites it)`);
    });
  }
});
