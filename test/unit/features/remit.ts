/**
 * Synthetic remittances for the feature tests: whole files (envelope included) built from the body
 * segments, so each test shows only the part it is about. Amounts balance unless a test says otherwise.
 */
import { isa } from '../../helpers/fragments';

/** Wraps 835 body segments (after ST, before SE) in a complete envelope, one segment per line. */
export function remit(body: readonly string[], opts: { bpr?: string } = {}): string {
  const segs = [
    isa().slice(0, -1),
    'GS*HP*SENDER*RECEIVER*20240105*1200*1*X*005010X221A1',
    'ST*835*0001',
    opts.bpr ?? 'BPR*I*78.40*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240105',
    'TRN*1*EFT0001*1512345678',
    'DTM*405*20240104',
    'N1*PR*MEDICARE PART B CONTRACTOR',
    'N1*PE*CLINIC*XX*1234567893',
    ...body,
  ];
  const count = segs.length - 2 + 1; // ST..SE inclusive
  return [...segs, `SE*${count}*0001`, 'GE*1*1', 'IEA*1*000000001'].join('~\n') + '~\n';
}

/** Claim PCN1001: Medicare Part B, one line, CO-45 + CO-253 at 2% + PR-2. Paid $78.40. */
export const CLAIM_1001 = [
  'LX*1',
  'CLP*PCN1001*1*200*78.4*20*MB*PAYERCN001*11*1',
  'NM1*QC*1*DOE*JANE****MI*ABC123',
  'SVC*HC:99213:25*200*78.4**1',
  'DTM*472*20240102',
  'CAS*CO*45*100**253*1.6',
  'CAS*PR*2*20',
];

/** Claim PCN1002: two lines, the second denied (CO-16 with remark M51). Paid $98.00. */
export const CLAIM_1002 = [
  'CLP*PCN1002*1*300*98*0*MB*PAYERCN002*11*1',
  'NM1*QC*1*ROE*RICHARD****MI*XYZ789',
  'SVC*HC:93000*120*98**1',
  'DTM*472*20240103',
  'CAS*CO*45*20**253*2',
  'SVC*HC:80053*180*0**1',
  'DTM*472*20240103',
  'CAS*CO*16*180',
  'LQ*HE*M51',
];

/** Both claims, BPR = 78.40 + 98.00 = 176.40. */
export function twoClaimFile(): string {
  return remit([...CLAIM_1001, ...CLAIM_1002], {
    bpr: 'BPR*I*176.4*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240105',
  });
}
