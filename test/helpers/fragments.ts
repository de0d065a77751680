/**
 * Test helpers: short 835 fragments written the way they read, with `|` cursor markers.
 * `isa()` builds a correct fixed-width ISA so fragments stay short.
 */

/** A correct 106-character ISA with the given delimiters (element, repetition, component, terminator). */
export function isa(el = '*', rep = '^', comp = ':', term = '~', control = '000000001'): string {
  const f = [
    'ISA',
    '00',
    '          ',
    '00',
    '          ',
    'ZZ',
    'SENDER         ',
    'ZZ',
    'RECEIVER       ',
    '240105',
    '1200',
    rep,
    '00501',
    control,
    '0',
    'P',
    comp,
  ];
  return f.join(el) + term;
}

/** Removes `|` markers and returns the text and the marker offsets, in order. */
export function markers(src: string): { text: string; at: number[] } {
  const at: number[] = [];
  let text = '';
  for (const c of src) {
    if (c === '|') at.push(text.length);
    else text += c;
  }
  return { text, at };
}

/** A balanced header: payment 78.40 for MEDICARE_CLAIM, trace, production date, payer, payee. */
export const MEDICARE_HEADER = [
  'BPR*I*78.40*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240105',
  'TRN*1*EFT0001*1512345678',
  'DTM*405*20240104',
  'N1*PR*MEDICARE PART B CONTRACTOR',
  'N1*PE*CLINIC*XX*1234567893',
];

/** One balanced claim: 200.00 charged, CO-45 100.00 + CO-253 1.60 + PR-2 20.00, paid 78.40. */
export const MEDICARE_CLAIM = [
  'LX*1',
  'CLP*PCN001*1*200*78.4*20*MB*PAYERCN001*11*1',
  'NM1*QC*1*DOE*JANE****MI*ABC123',
  'SVC*HC:99213*200*78.4**1',
  'DTM*472*20240102',
  'CAS*CO*45*100**253*1.6',
  'CAS*PR*2*20',
];

/** A complete, balanced Medicare Part B 835 with one claim, one line, CO-45 and CO-253 at 2%. */
export function medicareFile(opts: { nl?: string } = {}): string {
  const nl = opts.nl ?? '\n';
  const segs = [
    isa().slice(0, -1),
    'GS*HP*SENDER*RECEIVER*20240105*1200*1*X*005010X221A1',
    'ST*835*0001',
    ...MEDICARE_HEADER,
    ...MEDICARE_CLAIM,
    'SE*14*0001',
    'GE*1*1',
    'IEA*1*000000001',
  ];
  return segs.join('~' + nl) + '~' + nl;
}
