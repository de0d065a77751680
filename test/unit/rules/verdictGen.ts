import fc from 'fast-check';
import { isa } from '../../helpers/fragments';

/**
 * Generated remittances for the verdict property (verdictsAgree.test.ts): balanced claims of every payer
 * kind (Medicare Part A/B, Medicare Advantage 16/HM, Medicaid, commercial), with sequestration at the
 * rate, above or below it, at the 1% rate, under CO, PR or OA, as CO-253 or CO-223, at line or claim
 * level (or both: taken twice), on service dates at every boundary of the rate table (before 2013, the
 * 2% period, the suspension, the 1% quarter, 2% again), with denials, and with reversals: alone, after
 * their original in the same file, or followed by their correction.
 */

export interface GenClaim {
  readonly plan: string;
  readonly date: number;
  readonly base: number;
  readonly seq: 'rate' | 'plus' | 'minus' | 'one' | 'two' | 'none';
  readonly plus: number;
  readonly group: 'CO' | 'PR' | 'OA';
  readonly reason: '253' | '223';
  readonly level: 'line' | 'claim' | 'both';
  readonly co45: number;
  readonly pr2: number;
  readonly denial: number;
  readonly history: 'plain' | 'reversalOnly' | 'reversedThenCorrected' | 'originalReversalCorrection';
}

/** Dates at every boundary of the built-in rate table, and CO-223's period. */
export const BOUNDARY_DATES = [
  20120115, 20130331, 20130401, 20130601, 20140131, 20140201, 20200430, 20200501, 20210310, 20220331, 20220401, 20220630, 20220701,
  20240226,
];

export const genClaim: fc.Arbitrary<GenClaim> = fc.record({
  plan: fc.constantFrom('MB', 'MB', 'MA', '16', 'HM', 'MC', '12'),
  date: fc.constantFrom(...BOUNDARY_DATES),
  base: fc.integer({ min: 100, max: 60_000 }),
  seq: fc.constantFrom('rate', 'rate', 'rate', 'plus', 'minus', 'one', 'two', 'none'),
  plus: fc.integer({ min: 2, max: 900 }),
  group: fc.constantFrom('CO', 'CO', 'CO', 'PR', 'OA'),
  reason: fc.constantFrom('253', '253', '253', '223'),
  level: fc.constantFrom('line', 'line', 'claim', 'both'),
  co45: fc.integer({ min: 0, max: 20_000 }),
  pr2: fc.integer({ min: 0, max: 5_000 }),
  denial: fc.constantFrom(0, 0, 0, 1800, 5000),
  history: fc.constantFrom('plain', 'plain', 'plain', 'reversalOnly', 'reversedThenCorrected', 'originalReversalCorrection'),
}) as fc.Arbitrary<GenClaim>;

/** The built-in table's rate on a date. */
function tableRate(d: number): number {
  if (d < 20130401) return 0;
  if (d <= 20200430) return 0.02;
  if (d <= 20220331) return 0;
  if (d <= 20220630) return 0.01;
  return 0.02;
}

const round = (rate: number, cents: number) => Math.floor((Math.abs(cents) * Math.round(rate * 1e6) + 500_000) / 1e6);

/** The sequestration amount (cents) a claim takes on its base. */
function seqOf(c: GenClaim): number {
  switch (c.seq) {
    case 'rate':
      return round(tableRate(c.date), c.base);
    case 'plus':
      return round(tableRate(c.date), c.base) + c.plus;
    case 'minus':
      return Math.max(0, round(tableRate(c.date), c.base) - c.plus);
    case 'one':
      return round(0.01, c.base);
    case 'two':
      return round(0.02, c.base);
    default:
      return 0;
  }
}

const money = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/** The segments of one claim, its amounts multiplied by `sign` (-1: its reversal), with CLP02 `status`. */
function claimSegments(c: GenClaim, id: string, status: string, sign: number, seq = seqOf(c)): string[] {
  const s = (cents: number) => money(sign * cents);
  const paid = c.base - seq;
  const lineSeq = c.level === 'claim' ? 0 : seq;
  const claimSeq = c.level === 'line' ? 0 : seq;
  const lineCharge = paid + lineSeq + c.co45 + c.pr2 + c.denial;
  const charge = lineCharge + claimSeq;
  const patient = c.pr2 + (c.group === 'PR' ? seq * (c.level === 'both' ? 2 : 1) : 0);
  const dateText = String(c.date);
  // The 2100 loop's order: CLP, its CAS, NM1, DTM; then the lines.
  const out = [`CLP*${id}*${status}*${s(charge)}*${s(paid)}*${s(patient)}*${c.plan}*PAYER${id}*11*1`];
  if (c.level !== 'line') out.push(`CAS*${c.group}*${c.reason}*${s(claimSeq)}`);
  out.push(`NM1*QC*1*DOE*${id}****MI*X${id}`);
  if (c.level !== 'line') out.push(`DTM*232*${dateText}`, `DTM*233*${dateText}`);
  out.push(`SVC*HC:99213*${s(lineCharge)}*${s(paid)}**1`, `DTM*472*${dateText}`);
  const cas = [`CAS*CO*45*${s(c.co45)}`];
  if (c.denial) cas[0] += `**16*${s(c.denial)}`;
  if (lineSeq) cas.push(`CAS*${c.group}*${c.reason}*${s(lineSeq)}`);
  if (c.pr2) cas.push(`CAS*PR*2*${s(c.pr2)}`);
  out.push(...cas);
  return out;
}

/** A whole 835 with the claims (and their histories) in one transaction set. */
export function generatedFile(claims: readonly GenClaim[]): string {
  const body: string[] = [
    'BPR*I*0*C*NON************20240105',
    'TRN*1*GEN*1512345678',
    'DTM*405*20240104',
    'N1*PR*SOME PAYER',
    'N1*PE*CLINIC*XX*1234567893',
    'LX*1',
  ];
  claims.forEach((c, i) => {
    const id = `C${i + 1}`;
    const corrected: GenClaim = { ...c, seq: 'rate', group: 'CO' };
    switch (c.history) {
      case 'plain':
        body.push(...claimSegments(c, id, '1', 1));
        break;
      case 'reversalOnly':
        body.push(...claimSegments(c, id, '22', -1));
        break;
      case 'reversedThenCorrected':
        body.push(...claimSegments(c, id, '22', -1), ...claimSegments(corrected, id, '1', 1));
        break;
      default:
        body.push(...claimSegments(c, id, '1', 1), ...claimSegments(c, id, '22', -1), ...claimSegments(corrected, id, '1', 1));
    }
  });
  const segs = [
    isa().slice(0, -1),
    'GS*HP*SENDER*RECEIVER*20240105*1200*1*X*005010X221A1',
    'ST*835*0001',
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*1',
    'IEA*1*000000001',
  ];
  return segs.join('~\n') + '~\n';
}
