import { isa } from '../../helpers/fragments';

/**
 * Small, complete 835s for the report tests, built from a few facts so each test says only what it
 * varies: the payment date (month), the payer, and the claims with their lines and CAS.
 */
export interface ClaimSpec {
  id: string;
  status?: string;
  charge: string;
  paid: string;
  patient?: string;
  /** CLP06: MB, MA, 12... */
  plan?: string;
  /** One service line per entry: procedure, charge, paid, date, CAS segments (without "CAS*"). */
  lines?: Array<{ proc: string; charge: string; paid: string; date: string; cas: string[] }>;
  /** Claim-level CAS (without "CAS*"). */
  cas?: string[];
}

export interface RemitSpec {
  /** BPR16 CCYYMMDD; omitted: no BPR16 (the month then comes from DTM*405). */
  paymentDate?: string;
  productionDate?: string;
  payer?: string;
  payerId?: string;
  amount: string;
  trace?: string;
  claims: ClaimSpec[];
  plb?: string;
}

export function remit(spec: RemitSpec): string {
  const body: string[] = [
    `BPR*I*${spec.amount}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321${spec.paymentDate ? `*${spec.paymentDate}` : ''}`,
    `TRN*1*${spec.trace ?? 'TRACE1'}*1512345678`,
    `DTM*405*${spec.productionDate ?? spec.paymentDate ?? '20240104'}`,
    `N1*PR*${spec.payer ?? 'MEDICARE PART B CONTRACTOR'}${spec.payerId ? `*XV*${spec.payerId}` : ''}`,
    'N1*PE*CLINIC*XX*1234567893',
    'LX*1',
  ];
  for (const c of spec.claims) {
    body.push(`CLP*${c.id}*${c.status ?? '1'}*${c.charge}*${c.paid}*${c.patient ?? ''}*${c.plan ?? 'MB'}*PCN${c.id}*11*1`);
    body.push(`NM1*QC*1*DOE*${c.id}****MI*ABC123`);
    for (const cas of c.cas ?? []) body.push(`CAS*${cas}`);
    for (const l of c.lines ?? []) {
      body.push(`SVC*HC:${l.proc}*${l.charge}*${l.paid}**1`, `DTM*472*${l.date}`);
      for (const cas of l.cas) body.push(`CAS*${cas}`);
    }
  }
  if (spec.plb) body.push(`PLB*1234567893*20241231*${spec.plb}`);
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
