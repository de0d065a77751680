/**
 * A deterministic generator of valid, balanced 835 files of any size, for the benchmark and for tests.
 *
 * Everything is synthetic. What the files hold, so that every rule has real work to do and none fires:
 * - Medicare Part B transactions: one to four lines per claim, each line's CO-253 exactly
 *   round(rate x (paid + CO-253)) at the rate for its service date (2%, 1% in April-June 2022, none while
 *   suspended in 2020-2022), multi-triplet CAS (`CAS*CO*45*..**253*..`, `CAS*PR*1*..**2*..`), LQ remarks,
 *   REF*6R and AMT*B6; now and then a bundled line (CO-97) with its remark.
 * - Medicare Part A claims with claim-level CO-253 on the statement dates (DTM*232/233).
 * - Commercial transactions (CLP06 12, a PPO): contractual CO-45 and a PR copay, no sequestration.
 * - PLB recoupments and interest, accented names (MÜLLER, JOSÉ...), one or many transactions per group,
 *   correct SE counts, control numbers and totals, so BPR02 = sum CLP04 - sum PLB.
 * The output is a sequence of chunks (one per transaction) so a 200 MB file never needs one string.
 */

export interface GenerateOptions {
  /** Target size in bytes (UTF-8); generation stops at the first transaction boundary past it. */
  readonly bytes: number;
  /** All segments on one line (`~` only) instead of one segment per line (`~\n`). */
  readonly oneLine?: boolean;
  /** Seed of the pseudo-random sequence: the same seed and options give the same bytes. */
  readonly seed?: number;
  /** Claims per transaction set (ST..SE). */
  readonly claimsPerTransaction?: number;
}

/** The sequestration rate the built-in table has for a service date (20240131): mirrors codes/sequestration.ts. */
export function rateOn(date: number): number {
  if (date < 20130401) return 0;
  if (date <= 20200430) return 0.02;
  if (date <= 20220331) return 0;
  if (date <= 20220630) return 0.01;
  return 0.02;
}

/** round(rate x cents), half away from zero, in integer arithmetic (as the rules compute it). */
function applyRate(rate: number, cents: number): number {
  const ppm = Math.round(rate * 1_000_000);
  const rounded = Math.floor((Math.abs(cents) * ppm + 500_000) / 1_000_000);
  return cents < 0 && rounded !== 0 ? -rounded : rounded;
}

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cents as an X12 decimal without trailing zeros: 7840 -> "78.4", 20000 -> "200", -125 -> "-1.25". */
export function amount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  return frac % 10 === 0 ? `${sign}${whole}.${frac / 10}` : `${sign}${whole}.${String(frac).padStart(2, '0')}`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const LAST_NAMES = [
  'MÜLLER',
  'GARCÍA',
  'NÚÑEZ',
  'SMITH',
  'JOHNSON',
  'LEFÈVRE',
  'BJÖRK',
  'NGUYEN',
  'OKAFOR',
  'KOWALSKI',
  'DOE',
  'SAMPLE',
  "O'BRIEN",
  'ÅSTRÖM',
];
const FIRST_NAMES = ['JOSÉ', 'ANNA', 'ZOË', 'BRUNO', 'MARÍA', 'FRANÇOIS', 'JANE', 'LI', 'RENÉE', 'ØYVIND', 'SAM', 'CHLOÉ'];
const PROCEDURES = ['99213', '99214', '99215', '93000', '36415', '80053', '71046', '97110', '90834', 'G0439'];
const REMARKS = ['N130', 'M15', 'N381', 'MA01'];

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const between = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** A real calendar date (CCYYMMDD number) between two others, day 1-28 so every month works. */
function dateBetween(r: Rand, fromYear: number, toYear: number): number {
  return between(r, fromYear, toYear) * 10000 + between(r, 1, 12) * 100 + between(r, 1, 28);
}

/** Service dates that exercise every period of the sequestration table. */
function medicareServiceDate(r: Rand, remitYear: number): number {
  const x = r();
  if (x < 0.1) return dateBetween(r, 2018, 2019); // 2%
  if (x < 0.2) return 20210000 + between(r, 1, 12) * 100 + between(r, 1, 28); // suspended
  if (x < 0.3) return 20220000 + between(r, 4, 6) * 100 + between(r, 1, 28); // 1%
  return dateBetween(r, 2023, remitYear - 1); // 2%
}

type Kind = 'medicare-b' | 'medicare-a' | 'commercial';

/** One claim's segments and the totals the transaction needs. */
interface ClaimOut {
  readonly segments: string[];
  readonly paid: number;
}

class Writer {
  private readonly r: Rand;
  private claimNo = 0;
  private lineNo = 0;

  constructor(seed: number) {
    this.r = random(seed);
  }

  kindOf(tx: number): Kind {
    const m = tx % 4;
    return m === 3 ? 'commercial' : m === 2 ? 'medicare-a' : 'medicare-b';
  }

  /** One ST..SE: header, payer, payee, claims, optional PLB and the trailer with its count. */
  transaction(tx: number, controlNumber: string, claims: number, remitDate: number): string[] {
    const r = this.r;
    const kind = this.kindOf(tx);
    const body: string[] = [];
    let paid = 0;
    body.push('LX*1');
    for (let c = 0; c < claims; c++) {
      const claim =
        kind === 'medicare-b'
          ? this.partBClaim(remitDate)
          : kind === 'medicare-a'
            ? this.partAClaim(remitDate)
            : this.commercialClaim(remitDate);
      for (const s of claim.segments) body.push(s);
      paid += claim.paid;
    }
    // Now and then a recoupment (withheld) and interest (added): BPR02 = claims paid - PLB amounts.
    let plb = 0;
    if (tx % 3 === 0) {
      const recoup = Math.min(between(r, 500, 5000), Math.floor(paid / 2));
      const interest = between(r, 1, 300);
      plb = recoup - interest;
      body.push(
        `PLB*1234567893*${Math.floor(remitDate / 10000)}1231*WO:${pad(between(r, 1, 99999999), 12)}*${amount(recoup)}*L6:INTEREST*${amount(-interest)}`,
      );
    }
    const payment = paid - plb;
    const date = String(remitDate);
    const payer =
      kind === 'commercial'
        ? ['N1*PR*ACME HEALTH PLAN', 'N3*PO BOX 2000', 'N4*SPRINGFIELD*IL*627010000', 'PER*BL*PROVIDER LINE*TE*8005550199']
        : [
            'N1*PR*MEDICARE SAMPLE CONTRACTOR',
            'N3*PO BOX 1000',
            'N4*ANYTOWN*PA*170000000',
            'REF*2U*00001',
            'PER*BL*PROVIDER SERVICES*TE*8005550100',
          ];
    const head = [
      `ST*835*${controlNumber}`,
      `BPR*I*${amount(payment)}*C*ACH*CCP*01*011000015*DA*0001234567*1123456789**01*021000021*DA*9876543210*${date}`,
      `TRN*1*EFT${date}${controlNumber}*1123456789`,
      `DTM*405*${date}`,
      ...payer,
      'N1*PE*SAMPLE FAMILY CLINIC*XX*1234567893',
      'N3*100 MAIN STREET',
      'N4*ANYTOWN*PA*170010000',
      'REF*TJ*123456789',
    ];
    const segments = [...head, ...body];
    segments.push(`SE*${segments.length + 1}*${controlNumber}`);
    return segments;
  }

  private patient(): string {
    const r = this.r;
    return `NM1*QC*1*${pick(r, LAST_NAMES)}*${pick(r, FIRST_NAMES)}*${r() < 0.3 ? 'M' : ''}***MI*${pad(between(r, 1, 9_999_999), 7)}EG${between(r, 1, 9)}`;
  }

  private claimId(): string {
    this.claimNo++;
    return `PCN${pad(this.claimNo, 9)}`;
  }

  /** Professional claim: lines with CO-45, PR deductible/coinsurance, CO-253 at the line's rate. */
  private partBClaim(remitDate: number): ClaimOut {
    const r = this.r;
    const id = this.claimId();
    const lines: string[] = [];
    let charge = 0;
    let paid = 0;
    let pr = 0;
    const n = between(r, 1, 4);
    const remitYear = Math.floor(remitDate / 10000);
    for (let l = 0; l < n; l++) {
      const lineCharge = between(r, 40, 900) * 100 + (r() < 0.5 ? between(r, 0, 99) : 0);
      const date = medicareServiceDate(r, remitYear);
      const procedure = pick(r, PROCEDURES);
      const modifier = r() < 0.15 ? ':25' : '';
      const ref = `REF*6R*LN${pad(++this.lineNo, 10)}`;
      charge += lineCharge;
      if (r() < 0.06) {
        // Bundled into another service: nothing paid, the whole charge under CO-97, a remark says why.
        lines.push(
          `SVC*HC:${procedure}${modifier}*${amount(lineCharge)}*0**1`,
          `DTM*472*${date}`,
          `CAS*CO*97*${amount(lineCharge)}`,
          ref,
          'LQ*HE*M15',
        );
        continue;
      }
      const allowed = Math.round(lineCharge * (0.35 + r() * 0.4));
      const contractual = lineCharge - allowed;
      const deductible = r() < 0.2 ? Math.min(between(r, 500, 24000), Math.floor(allowed / 2)) : 0;
      const coinsurance = Math.round((allowed - deductible) * 0.2);
      const base = allowed - deductible - coinsurance;
      const seq = applyRate(rateOn(date), base);
      const linePaid = base - seq;
      paid += linePaid;
      pr += deductible + coinsurance;
      lines.push(`SVC*HC:${procedure}${modifier}*${amount(lineCharge)}*${amount(linePaid)}**1`, `DTM*472*${date}`);
      lines.push(seq ? `CAS*CO*45*${amount(contractual)}**253*${amount(seq)}` : `CAS*CO*45*${amount(contractual)}`);
      if (deductible && coinsurance) lines.push(`CAS*PR*1*${amount(deductible)}**2*${amount(coinsurance)}`);
      else if (coinsurance) lines.push(`CAS*PR*2*${amount(coinsurance)}`);
      lines.push(ref, `AMT*B6*${amount(allowed)}`);
      if (r() < 0.3) lines.push(`LQ*HE*${pick(r, REMARKS)}`);
    }
    const head = [
      `CLP*${id}*1*${amount(charge)}*${amount(paid)}*${amount(pr)}*MB*${pad(between(r, 1, 99_999_999), 13)}*11*1`,
      this.patient(),
      'NM1*82*1*DOCTOR*DANA****XX*1234567893',
      `DTM*050*${remitDate - (remitDate % 100) + 1}`,
    ];
    return { segments: [...head, ...lines], paid };
  }

  /** Institutional inpatient claim: no lines, claim-level CO-45, PR deductible and CO-253 on the discharge date. */
  private partAClaim(remitDate: number): ClaimOut {
    const r = this.r;
    const id = this.claimId();
    const through = medicareServiceDate(r, Math.floor(remitDate / 10000));
    const from = through - (through % 100) + 1;
    const charge = between(r, 2000, 60000) * 100 + between(r, 0, 99);
    const allowed = Math.round(charge * (0.3 + r() * 0.3));
    const deductible = Math.min(163200, Math.floor(allowed / 3));
    const base = allowed - deductible;
    const seq = applyRate(rateOn(through), base);
    const paid = base - seq;
    const segments = [
      `CLP*${id}*1*${amount(charge)}*${amount(paid)}*${amount(deductible)}*MA*${pad(between(r, 1, 99_999_999), 13)}*11*1`,
      seq ? `CAS*CO*45*${amount(charge - allowed)}**253*${amount(seq)}` : `CAS*CO*45*${amount(charge - allowed)}`,
      `CAS*PR*1*${amount(deductible)}`,
      this.patient(),
      `DTM*232*${from}`,
      `DTM*233*${through}`,
    ];
    return { segments, paid };
  }

  /** Commercial claim: contractual write-off and a copay, no sequestration. */
  private commercialClaim(remitDate: number): ClaimOut {
    const r = this.r;
    const id = this.claimId();
    const lines: string[] = [];
    let charge = 0;
    let paid = 0;
    let pr = 0;
    const n = between(r, 1, 3);
    for (let l = 0; l < n; l++) {
      const lineCharge = between(r, 60, 1200) * 100;
      const allowed = Math.round(lineCharge * (0.5 + r() * 0.3));
      const copay = l === 0 ? Math.min(2500, allowed) : 0;
      const linePaid = allowed - copay;
      charge += lineCharge;
      paid += linePaid;
      pr += copay;
      lines.push(
        `SVC*HC:${pick(r, PROCEDURES)}*${amount(lineCharge)}*${amount(linePaid)}**1`,
        `DTM*472*${dateBetween(r, 2023, Math.floor(remitDate / 10000) - 1)}`,
      );
      lines.push(`CAS*CO*45*${amount(lineCharge - allowed)}`);
      if (copay) lines.push(`CAS*PR*3*${amount(copay)}`);
      lines.push(`REF*6R*LN${pad(++this.lineNo, 10)}`, `AMT*B6*${amount(allowed)}`);
    }
    const head = [
      `CLP*${id}*1*${amount(charge)}*${amount(paid)}*${amount(pr)}*12*${pad(between(r, 1, 99_999_999), 13)}*11*1`,
      this.patient(),
    ];
    return { segments: [...head, ...lines], paid };
  }
}

/** A correct 106-character ISA (fixed widths). */
function isaSegment(control: string, date: number): string {
  const yymmdd = String(date).slice(2);
  return [
    'ISA',
    '00',
    '          ',
    '00',
    '          ',
    'ZZ',
    'MEDICARESAMPLE ',
    'ZZ',
    'CLINIC01       ',
    yymmdd,
    '0930',
    '^',
    '00501',
    control,
    '0',
    'P',
    ':',
  ].join('*');
}

/**
 * The file as chunks of text, each ending with a segment terminator: the envelope head, one chunk per
 * transaction set, the envelope trailer. Deterministic for given options.
 */
export function* generate835(opts: GenerateOptions): Generator<string> {
  const term = opts.oneLine ? '~' : '~\n';
  // Several transactions even in small files, so every kind (Part B, Part A, commercial, PLB) appears.
  const perTx = opts.claimsPerTransaction ?? Math.min(250, Math.max(4, Math.floor(opts.bytes / 700 / 8)));
  const w = new Writer(opts.seed ?? 835);
  const remitDate = 20241115;
  const control = '000004711';
  const head = [isaSegment(control, remitDate), `GS*HP*MEDICARESAMPLE*CLINIC01*${remitDate}*0930*4711*X*005010X221A1`];
  let written = 0;
  const emit = (segments: string[]) => {
    const chunk = segments.join(term) + term;
    written += Buffer.byteLength(chunk, 'utf8');
    return chunk;
  };
  yield emit(head);
  let tx = 0;
  // Reserve room for the trailers so the target is approached, not overshot by a whole transaction.
  while (written < opts.bytes - 40) {
    // The last transaction is cut to size so small targets stay small (about 700 bytes per claim).
    const left = Math.max(1, Math.ceil((opts.bytes - written) / 700));
    const claims = Math.min(perTx, left);
    yield emit(w.transaction(tx, pad(tx + 1, 4), claims, remitDate - (tx % 10)));
    tx++;
  }
  yield emit([`GE*${tx}*4711`, `IEA*1*${control}`]);
}

/** The whole file as one string (small files: tests, the LSP benchmark). */
export function generate835Text(opts: GenerateOptions): string {
  let out = '';
  for (const chunk of generate835(opts)) out += chunk;
  return out;
}
