import { isa } from './fragments';

/**
 * Files for the large-remittance tests: whole interchanges, each with one 835 whose claims are given as
 * [CLP01, the line's CAS]. Accented names make byte offsets differ from character offsets.
 * `control` is the ISA control number; `seCount` overrides a correct SE01.
 */
export function interchange(control: string, claims: Array<[string, string]>, nl: string, seCount?: number): string {
  const body = [
    'ST*835*0001',
    `BPR*I*${((claims.length * 7840) / 100).toFixed(2)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240105`,
    `TRN*1*EFT${control}*1512345678`,
    'N1*PR*MÉDICARE PART B CONTRACTOR',
    'N1*PE*CLINIQUE*XX*1234567893',
    'LX*1',
    ...claims.flatMap(([id, cas]) => [
      `CLP*${id}*1*200*78.4*20*MB*PAYER${id}*11*1`,
      'NM1*QC*1*NÚÑEZ*JOSÉ****MI*ABC123',
      'SVC*HC:99213*200*78.4**1',
      'DTM*472*20240102',
      cas,
      'CAS*PR*2*20',
    ]),
  ];
  const segs = [
    isa('*', '^', ':', '~', control).slice(0, -1),
    `GS*HP*SENDER*RECEIVER*20240105*1200*${Number(control)}*X*005010X221A1`,
    ...body,
    `SE*${seCount ?? body.length + 1}*0001`,
    `GE*1*${Number(control)}`,
    `IEA*1*${control}`,
  ];
  return segs.join('~' + nl) + '~' + nl;
}

export const SEQUESTRATION = 'CAS*CO*45*100**253*1.6';
export const DENIAL = 'CAS*CO*16*101.6'; // missing information: a line to work
/** CO-45 10.00 short: the line and the claim do not balance (warnings). */
export const UNBALANCED = 'CAS*CO*45*90**253*1.6';
