/**
 * The segments and elements of the 835 (ASC X12N 005010X221A1), as data for hover, inlay hints and the
 * element checks. Names, purposes and notes are our own short wording, not the guide's.
 *
 * Sources: element types and lengths from the X12 data element dictionary as transcribed in azoner/pyx12
 * `pyx12/map/dataele.xml`; usage and code values from `pyx12/map/835.5010.X221.A1.xml`, cross-checked with
 * /work/shared/docs/835-domain-research.md (sections 1.1-1.3). Where that map is known to be wrong (ST03
 * is required, not unused) the guide wins.
 *
 * One definition per segment id. Segments that appear in several loops (REF, DTM, PER, NM1, N1, N3, N4,
 * AMT, QTY, CAS) get the union: the widest usage and the union code list, with the loop-dependent part
 * said in `note`.
 */

export type DataType = 'AN' | 'ID' | 'R' | 'N0' | 'N2' | 'DT' | 'TM' | 'COMP';
export type Usage = 'R' | 'S' | 'N'; // required, situational, not used in this guide

export interface ElementDef {
  /** 'CLP04'; for components 'SVC01-2'. */
  readonly id: string;
  /** Own words, short: 'Claim payment amount'. */
  readonly name: string;
  readonly type: DataType;
  /** Length limits of the value (for R and N0, digits only: sign and decimal point do not count). 0 for composites. */
  readonly min: number;
  readonly max: number;
  readonly usage: Usage;
  /** An id of a list in server/src/codes/lists.ts, or 'carc' / 'rarc'. */
  readonly codeList?: string;
  /** The components of a composite (type 'COMP'), in order; absent for composites the guide does not use. */
  readonly components?: readonly ElementDef[];
  /** Max repetitions where the guide allows repetition (none in the 835 today). */
  readonly repeats?: number;
  /** One short hint for hover: situations, sign conventions. */
  readonly note?: string;
}

export interface SegmentDef {
  readonly id: string;
  readonly name: string;
  readonly purpose: string;
  /** elements[i] is the element at position i + 1. */
  readonly elements: readonly ElementDef[];
}

type Extra = Pick<ElementDef, 'codeList' | 'note' | 'components' | 'repeats'>;

function el(id: string, name: string, type: DataType, min: number, max: number, usage: Usage, extra: Extra = {}): ElementDef {
  return { id, name, type, min, max, usage, ...extra };
}

/** A composite: its lengths live on the components. */
function comp(id: string, name: string, usage: Usage, components?: readonly ElementDef[], note?: string): ElementDef {
  return { id, name, type: 'COMP', min: 0, max: 0, usage, ...(components ? { components } : {}), ...(note ? { note } : {}) };
}

function seg(id: string, name: string, purpose: string, elements: readonly ElementDef[]): SegmentDef {
  return { id, name, purpose, elements };
}

const pad = (n: number): string => String(n).padStart(2, '0');

// Reused element shapes (data elements of the X12 dictionary).
const MONEY_MAX = 18; // element 782
const QTY_MAX = 15; // element 380
const REF_ID_MAX = 50; // element 127

// ---------------------------------------------------------------------------------------------------------
// Envelope

const ISA = seg(
  'ISA',
  'Interchange header',
  'Opens an interchange: who sends it to whom, when, and the delimiters. Fixed width: 106 characters.',
  [
    el('ISA01', 'Authorization information qualifier', 'ID', 2, 2, 'R', { codeList: 'isaAuthQualifier' }),
    el('ISA02', 'Authorization information', 'AN', 10, 10, 'R', { note: 'Usually 10 spaces.' }),
    el('ISA03', 'Security information qualifier', 'ID', 2, 2, 'R', { codeList: 'isaSecurityQualifier' }),
    el('ISA04', 'Security information', 'AN', 10, 10, 'R', { note: 'Usually 10 spaces.' }),
    el('ISA05', 'Sender id qualifier', 'ID', 2, 2, 'R', { codeList: 'interchangeIdQualifier' }),
    el('ISA06', 'Sender id', 'AN', 15, 15, 'R', { note: 'Left-justified, padded with spaces to 15.' }),
    el('ISA07', 'Receiver id qualifier', 'ID', 2, 2, 'R', { codeList: 'interchangeIdQualifier' }),
    el('ISA08', 'Receiver id', 'AN', 15, 15, 'R', { note: 'Left-justified, padded with spaces to 15.' }),
    el('ISA09', 'Interchange date', 'DT', 6, 6, 'R', { note: 'YYMMDD (two-digit year).' }),
    el('ISA10', 'Interchange time', 'TM', 4, 4, 'R', { note: 'HHMM.' }),
    el('ISA11', 'Repetition separator', 'AN', 1, 1, 'R', {
      note: 'The character that separates repeats of an element (5010). A 4010 file has U here.',
    }),
    el('ISA12', 'Interchange control version', 'ID', 5, 5, 'R', { codeList: 'interchangeVersion' }),
    el('ISA13', 'Interchange control number', 'N0', 9, 9, 'R', { note: 'Must equal IEA02.' }),
    el('ISA14', 'Acknowledgment requested', 'ID', 1, 1, 'R', { codeList: 'ackRequested' }),
    el('ISA15', 'Usage indicator', 'ID', 1, 1, 'R', { codeList: 'usageIndicator' }),
    el('ISA16', 'Component separator', 'AN', 1, 1, 'R', {
      note: 'Separates the parts of a composite (SVC01, PLB03). The next character ends the segment.',
    }),
  ],
);

const TA1 = seg('TA1', 'Interchange acknowledgment', 'Acknowledges a received interchange; optional, rare inside an 835 file.', [
  el('TA101', 'Acknowledged interchange control number', 'N0', 9, 9, 'R'),
  el('TA102', 'Acknowledged interchange date', 'DT', 6, 6, 'R', { note: 'YYMMDD.' }),
  el('TA103', 'Acknowledged interchange time', 'TM', 4, 4, 'R', { note: 'HHMM.' }),
  el('TA104', 'Acknowledgment code', 'ID', 1, 1, 'R', { codeList: 'interchangeAckCode' }),
  el('TA105', 'Interchange note code', 'ID', 3, 3, 'R', { note: '000 means no error; other values name the envelope problem.' }),
]);

const GS = seg('GS', 'Functional group header', 'Opens a group of transaction sets of one kind (HP: 835s).', [
  el('GS01', 'Functional identifier', 'ID', 2, 2, 'R', { codeList: 'functionalId' }),
  el('GS02', 'Application sender code', 'AN', 2, 15, 'R'),
  el('GS03', 'Application receiver code', 'AN', 2, 15, 'R'),
  el('GS04', 'Group date', 'DT', 8, 8, 'R', { note: 'CCYYMMDD.' }),
  el('GS05', 'Group time', 'TM', 4, 8, 'R', { note: 'HHMM, optionally with seconds.' }),
  el('GS06', 'Group control number', 'N0', 1, 9, 'R', { note: 'Must equal GE02.' }),
  el('GS07', 'Responsible agency', 'ID', 1, 2, 'R', { codeList: 'responsibleAgency' }),
  el('GS08', 'Version of the guide', 'AN', 1, 12, 'R', {
    codeList: 'versionCode',
    note: '005010X221A1; 005010X221 is the version before the errata.',
  }),
]);

const ST = seg('ST', 'Transaction set header', 'Opens one 835: one payment (BPR/TRN) and its remittance detail.', [
  el('ST01', 'Transaction set id', 'ID', 3, 3, 'R', { codeList: 'transactionSetId' }),
  el('ST02', 'Transaction set control number', 'AN', 4, 9, 'R', { note: 'Must equal SE02.' }),
  el('ST03', 'Implementation guide reference', 'AN', 1, 35, 'R', { codeList: 'versionCode', note: 'Same value as GS08.' }),
]);

const SE = seg('SE', 'Transaction set trailer', 'Closes one 835 and counts its segments.', [
  el('SE01', 'Segment count', 'N0', 1, 10, 'R', { note: 'Segments from ST to SE, both included.' }),
  el('SE02', 'Transaction set control number', 'AN', 4, 9, 'R', { note: 'Must equal ST02.' }),
]);

const GE = seg('GE', 'Functional group trailer', 'Closes a functional group and counts its transaction sets.', [
  el('GE01', 'Number of transaction sets', 'N0', 1, 6, 'R', { note: 'ST/SE pairs in this group.' }),
  el('GE02', 'Group control number', 'N0', 1, 9, 'R', { note: 'Must equal GS06.' }),
]);

const IEA = seg('IEA', 'Interchange trailer', 'Closes an interchange and counts its functional groups.', [
  el('IEA01', 'Number of functional groups', 'N0', 1, 5, 'R', { note: 'GS/GE pairs in this interchange.' }),
  el('IEA02', 'Interchange control number', 'N0', 9, 9, 'R', { note: 'Must equal ISA13.' }),
]);

// ---------------------------------------------------------------------------------------------------------
// Header

const ELECTRONIC = 'Sent for electronic payments (BPR04 ACH, BOP or FWT).';

const BPR = seg('BPR', 'Financial information', 'The payment: total amount, how it is paid, the banks and accounts, and the date.', [
  el('BPR01', 'Transaction handling', 'ID', 1, 2, 'R', { codeList: 'bprHandling' }),
  el('BPR02', 'Total provider payment', 'R', 1, MONEY_MAX, 'R', {
    note: 'Never negative. Equals the sum of CLP04 minus the sum of PLB amounts; 0 when no money moves.',
  }),
  el('BPR03', 'Credit or debit', 'ID', 1, 1, 'R', { codeList: 'creditDebit' }),
  el('BPR04', 'Payment method', 'ID', 3, 3, 'R', { codeList: 'paymentMethod' }),
  el('BPR05', 'Payment format', 'ID', 1, 10, 'S', { codeList: 'paymentFormat', note: 'Sent when BPR04 is ACH.' }),
  el('BPR06', 'Payer bank id qualifier', 'ID', 2, 2, 'S', { codeList: 'dfiIdQualifier', note: ELECTRONIC }),
  el('BPR07', 'Payer bank id', 'AN', 3, 12, 'S', { note: ELECTRONIC }),
  el('BPR08', 'Payer account type', 'ID', 1, 3, 'S', {
    codeList: 'accountQualifier',
    note: 'DA only. Sent when the payer account number (BPR09) is.',
  }),
  el('BPR09', 'Payer account number', 'AN', 1, 35, 'S', { note: ELECTRONIC }),
  el('BPR10', 'Payer identifier', 'AN', 10, 10, 'S', { note: "Usually 1 followed by the payer's federal tax id; should match TRN03." }),
  el('BPR11', 'Payer supplemental code', 'AN', 9, 9, 'S', { note: 'Identifies a division of the payer, when it needs one.' }),
  el('BPR12', 'Provider bank id qualifier', 'ID', 2, 2, 'S', { codeList: 'dfiIdQualifier', note: ELECTRONIC }),
  el('BPR13', 'Provider bank id', 'AN', 3, 12, 'S', { note: ELECTRONIC }),
  el('BPR14', 'Provider account type', 'ID', 1, 3, 'S', {
    codeList: 'accountQualifier',
    note: 'DA (checking) or SG (savings). ' + ELECTRONIC,
  }),
  el('BPR15', 'Provider account number', 'AN', 1, 35, 'S', { note: ELECTRONIC }),
  el('BPR16', 'Check or EFT effective date', 'DT', 8, 8, 'R', { note: 'Check issue date, or the day the EFT settles. CCYYMMDD.' }),
  el('BPR17', 'Business function code', 'ID', 1, 3, 'N'),
  el('BPR18', 'Third bank id qualifier', 'ID', 2, 2, 'N'),
  el('BPR19', 'Third bank id', 'AN', 3, 12, 'N'),
  el('BPR20', 'Third account type', 'ID', 1, 3, 'N'),
  el('BPR21', 'Third account number', 'AN', 1, 35, 'N'),
]);

const TRN = seg('TRN', 'Reassociation trace number', 'Ties this remit to the money: the check or EFT trace number, and the payer.', [
  el('TRN01', 'Trace type', 'ID', 1, 2, 'R', { codeList: 'traceType' }),
  el('TRN02', 'Check or EFT trace number', 'AN', 1, REF_ID_MAX, 'R', { note: 'The key for matching the remit to the bank deposit.' }),
  el('TRN03', 'Payer identifier', 'AN', 10, 10, 'R', { note: "1 followed by the payer's federal tax id (EIN)." }),
  el('TRN04', 'Payer supplemental code', 'AN', 1, REF_ID_MAX, 'S', { note: 'A division or sub-unit of the payer, when needed.' }),
]);

const CUR_UNUSED: readonly ElementDef[] = [
  el('CUR03', 'Exchange rate', 'R', 4, 10, 'N'),
  el('CUR04', 'Second entity', 'ID', 2, 3, 'N'),
  el('CUR05', 'Second currency', 'ID', 3, 3, 'N'),
  el('CUR06', 'Currency market', 'ID', 3, 3, 'N'),
  ...[7, 10, 13, 16, 19].flatMap((p) => [
    el(`CUR${pad(p)}`, 'Date qualifier', 'ID', 3, 3, 'N'),
    el(`CUR${pad(p + 1)}`, 'Date', 'DT', 8, 8, 'N'),
    el(`CUR${pad(p + 2)}`, 'Time', 'TM', 4, 8, 'N'),
  ]),
];

const CUR = seg('CUR', 'Foreign currency', 'The currency of the payment, sent only when it is not US dollars.', [
  el('CUR01', 'Currency entity', 'ID', 2, 3, 'R', { codeList: 'currencyEntity' }),
  el('CUR02', 'Currency code', 'ID', 3, 3, 'R', { note: 'ISO 4217 code, for example CAD.' }),
  ...CUR_UNUSED,
]);

const REF = seg(
  'REF',
  'Reference identification',
  'An extra id: receiver or version (header), payer or payee ids, claim ids, provider ids, line ids.',
  [
    el('REF01', 'Reference type', 'ID', 2, 3, 'R', { codeList: 'refQualifier', note: 'The allowed types depend on the loop.' }),
    el('REF02', 'Reference value', 'AN', 1, REF_ID_MAX, 'R'),
    el('REF03', 'Description', 'AN', 1, 80, 'N'),
    comp('REF04', 'Reference identifier (composite)', 'N'),
  ],
);

const DTM = seg(
  'DTM',
  'Date',
  'A date: production date (header), statement period, coverage end, received date (claim), service dates (line).',
  [
    el('DTM01', 'Date type', 'ID', 3, 3, 'R', { codeList: 'dateQualifier', note: 'The allowed types depend on the loop.' }),
    el('DTM02', 'Date', 'DT', 8, 8, 'R', { note: 'CCYYMMDD.' }),
    el('DTM03', 'Time', 'TM', 4, 8, 'N'),
    el('DTM04', 'Time zone', 'ID', 2, 2, 'N'),
    el('DTM05', 'Date format qualifier', 'ID', 2, 3, 'N'),
    el('DTM06', 'Date or period', 'AN', 1, 35, 'N'),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// 1000A payer / 1000B payee

const N1 = seg('N1', 'Party identification', 'Starts the payer (N101 PR, loop 1000A) or payee (N101 PE, loop 1000B) loop.', [
  el('N101', 'Party role', 'ID', 2, 3, 'R', { codeList: 'entityIdentifier', note: 'PR in the payer loop, PE in the payee loop.' }),
  el('N102', 'Name', 'AN', 1, 60, 'R'),
  el('N103', 'Id qualifier', 'ID', 1, 2, 'S', {
    codeList: 'idQualifier',
    note: 'Payee: required (XX NPI, FI tax id or XV). Payer: XV when the CMS plan id applies.',
  }),
  el('N104', 'Identifier', 'AN', 2, 80, 'S', { note: 'Required for the payee; sent with N103.' }),
  el('N105', 'Entity relationship', 'ID', 2, 2, 'N'),
  el('N106', 'Second entity role', 'ID', 2, 3, 'N'),
]);

const N3 = seg('N3', 'Address', 'Street address of the payer (required) or payee (optional).', [
  el('N301', 'Address line', 'AN', 1, 55, 'R'),
  el('N302', 'Second address line', 'AN', 1, 55, 'S', { note: 'Sent when there is a second line.' }),
]);

const N4 = seg('N4', 'City, state, ZIP', 'City, state and postal code of the payer or payee.', [
  el('N401', 'City', 'AN', 2, 30, 'R'),
  el('N402', 'State or province', 'ID', 2, 2, 'S', { note: 'Sent for US and Canadian addresses.' }),
  el('N403', 'Postal code', 'ID', 3, 15, 'S', { note: 'Sent where the country has postal codes; US ZIP is 5 or 9 digits.' }),
  el('N404', 'Country', 'ID', 2, 3, 'S', { note: 'Only outside the United States (ISO 3166 code).' }),
  el('N405', 'Location qualifier', 'ID', 1, 2, 'N'),
  el('N406', 'Location id', 'AN', 1, 30, 'N'),
  el('N407', 'Country subdivision', 'ID', 1, 3, 'S', { note: 'Only outside the US and Canada, when the country has subdivisions.' }),
]);

const PER = seg(
  'PER',
  'Contact',
  'A contact: payer claims office (CX), payer technical help (BL), payer web site (IC), or a contact for one claim.',
  [
    el('PER01', 'Contact role', 'ID', 2, 2, 'R', { codeList: 'perFunction' }),
    el('PER02', 'Contact name', 'AN', 1, 60, 'S', { note: 'Not used with IC (web site).' }),
    el('PER03', 'Number type', 'ID', 2, 2, 'S', {
      codeList: 'commQualifier',
      note: 'Required for the web site (UR) and for a claim contact.',
    }),
    el('PER04', 'Number', 'AN', 1, 256, 'S', { note: 'Phone, e-mail, fax or web address, as PER03 says; sent with PER03.' }),
    el('PER05', 'Second number type', 'ID', 2, 2, 'S', { codeList: 'commQualifier' }),
    el('PER06', 'Second number', 'AN', 1, 256, 'S', { note: 'Sent with PER05.' }),
    el('PER07', 'Third number type', 'ID', 2, 2, 'S', { codeList: 'commQualifier' }),
    el('PER08', 'Third number', 'AN', 1, 256, 'S', { note: 'Sent with PER07.' }),
    el('PER09', 'Contact inquiry reference', 'AN', 1, 20, 'N'),
  ],
);

const RDM = seg(
  'RDM',
  'Remittance delivery method',
  'How the remittance detail reaches the payee when it travels apart from the payment.',
  [
    el('RDM01', 'Delivery method', 'ID', 1, 2, 'R', { codeList: 'reportTransmission' }),
    el('RDM02', 'Recipient name', 'AN', 1, 60, 'S'),
    el('RDM03', 'Address', 'AN', 1, 256, 'S', { note: 'E-mail or web address for EM or OL.' }),
    comp('RDM04', 'Reference identifier (composite)', 'N'),
    comp('RDM05', 'Reference identifier (composite)', 'N'),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// 2000 header number

const LX = seg('LX', 'Header number', 'Starts a group of claims (loop 2000); payers group claims by provider, bill type or period.', [
  el('LX01', 'Group number', 'N0', 1, 6, 'R', { note: 'A sequence number, unique within the transaction.' }),
]);

const TS3_NOT_USED = new Set([6, 7, 8, 9, 10, 11, 12, 14, 16, 19]);
const TS3_NAMES: Readonly<Record<number, string>> = {
  13: 'Total Medicare secondary payer (MSP) payer amount',
  15: 'Total non-lab charges',
  17: 'Total HCPCS reported charges',
  18: 'Total HCPCS payable amount',
  20: 'Total professional component amount',
  21: 'Total MSP patient liability met',
  22: 'Total patient reimbursement',
  23: 'Total periodic interim payment (PIP) claim count',
  24: 'Total PIP adjustment',
};

const TS3 = seg(
  'TS3',
  'Provider summary',
  'Totals for one provider and facility type in this group of claims (mostly Medicare Part A). Informational.',
  [
    el('TS301', 'Provider identifier', 'AN', 1, REF_ID_MAX, 'R'),
    el('TS302', 'Facility type', 'AN', 1, 2, 'R', { note: 'Place of service, or the first two digits of the bill type.' }),
    el('TS303', 'Fiscal period end', 'DT', 8, 8, 'R', { note: "Last day of the provider's fiscal year. CCYYMMDD." }),
    el('TS304', 'Total claim count', 'R', 1, QTY_MAX, 'R'),
    el('TS305', 'Total claim charges', 'R', 1, MONEY_MAX, 'R'),
    ...Array.from({ length: 19 }, (_, i) => i + 6).map((p) => {
      const count = p === 23;
      const name = TS3_NAMES[p] ?? 'Monetary amount';
      return el(`TS3${pad(p)}`, name, 'R', 1, count ? QTY_MAX : MONEY_MAX, TS3_NOT_USED.has(p) ? 'N' : 'S');
    }),
  ],
);

const TS2 = seg(
  'TS2',
  'Provider supplemental summary',
  'More Medicare Part A totals for the provider (DRG, outliers, days). Informational.',
  [
    el('TS201', 'Total DRG amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS202', 'Total federal-specific amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS203', 'Total hospital-specific amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS204', 'Total disproportionate share amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS205', 'Total capital amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS206', 'Total indirect medical education amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS207', 'Total outlier day count', 'R', 1, QTY_MAX, 'S'),
    el('TS208', 'Total day outlier amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS209', 'Total cost outlier amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS210', 'Average DRG length of stay', 'R', 1, QTY_MAX, 'S'),
    el('TS211', 'Total discharge count', 'R', 1, QTY_MAX, 'S'),
    el('TS212', 'Total cost report day count', 'R', 1, QTY_MAX, 'S'),
    el('TS213', 'Total covered day count', 'R', 1, QTY_MAX, 'S'),
    el('TS214', 'Total non-covered day count', 'R', 1, QTY_MAX, 'S'),
    el('TS215', 'Total MSP pass-through amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS216', 'Average DRG weight', 'R', 1, QTY_MAX, 'S'),
    el('TS217', 'Total PPS capital federal-specific DRG amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS218', 'Total PPS capital hospital-specific DRG amount', 'R', 1, MONEY_MAX, 'S'),
    el('TS219', 'Total PPS disproportionate share DRG amount', 'R', 1, MONEY_MAX, 'S'),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// 2100 claim

const CLP = seg('CLP', 'Claim payment', 'Starts a claim (loop 2100): what was billed, what was paid, who owes the rest.', [
  el('CLP01', 'Patient control number', 'AN', 1, 38, 'R', {
    note: "The provider's own claim id, as sent in the 837 (CLM01): the posting key.",
  }),
  el('CLP02', 'Claim status', 'ID', 1, 2, 'R', { codeList: 'claimStatus' }),
  el('CLP03', 'Total claim charge', 'R', 1, MONEY_MAX, 'R', { note: 'Negative on a reversal (CLP02 22).' }),
  el('CLP04', 'Claim payment amount', 'R', 1, MONEY_MAX, 'R', {
    note: 'May be 0 or negative. Equals CLP03 minus all claim and line adjustments; excludes interest.',
  }),
  el('CLP05', 'Patient responsibility', 'R', 1, MONEY_MAX, 'S', {
    note: 'Sent when the patient owes something; equals the sum of PR adjustments.',
  }),
  el('CLP06', 'Claim filing indicator', 'ID', 1, 2, 'R', {
    codeList: 'claimFilingIndicator',
    note: 'MA / MB mean Medicare fee-for-service; 16 is Medicare Advantage.',
  }),
  el('CLP07', 'Payer claim control number', 'AN', 1, REF_ID_MAX, 'R', {
    note: "The payer's number for this claim (ICN/DCN): quote it in appeals.",
  }),
  el('CLP08', 'Facility type', 'AN', 1, 2, 'S', {
    note: 'Place of service (professional) or the first two digits of the bill type (institutional).',
  }),
  el('CLP09', 'Claim frequency', 'ID', 1, 1, 'S', { note: 'Third digit of the bill type: 1 original, 7 replacement, 8 void.' }),
  el('CLP10', 'Patient status', 'ID', 1, 2, 'N'),
  el('CLP11', 'DRG code', 'ID', 1, 4, 'S', { note: 'Sent when the claim was paid by DRG (inpatient).' }),
  el('CLP12', 'DRG weight', 'R', 1, QTY_MAX, 'S', { note: 'Sent with a DRG payment.' }),
  el('CLP13', 'Discharge fraction', 'R', 1, 10, 'S', { note: 'Share of the DRG paid for a partial stay, as a decimal (0.75).' }),
  el('CLP14', 'Patient authorized coordination of benefits', 'ID', 1, 1, 'N', { codeList: 'yesNo' }),
]);

function casTriplet(n: number): ElementDef[] {
  const first = n === 1;
  const p = 2 + (n - 1) * 3;
  return [
    el(`CAS${pad(p)}`, `Adjustment ${n}: reason code`, 'ID', 1, 5, first ? 'R' : 'S', {
      codeList: 'carc',
      note: first ? 'A claim adjustment reason code (CARC); CAS01 gives its group.' : 'Sent for another reason under the same group.',
    }),
    el(`CAS${pad(p + 1)}`, `Adjustment ${n}: amount`, 'R', 1, MONEY_MAX, first ? 'R' : 'S', {
      note: 'Positive reduces the payment; negative increases it.' + (first ? '' : ' Sent with its reason code.'),
    }),
    el(`CAS${pad(p + 2)}`, `Adjustment ${n}: quantity`, 'R', 1, QTY_MAX, 'S', {
      note: 'Units, days or visits the reason applies to; not part of balancing.',
    }),
  ];
}

const CAS = seg(
  'CAS',
  'Adjustment',
  'Why the payment differs from the charge: a group (who bears it) and up to six reason/amount/quantity triplets.',
  [
    el('CAS01', 'Adjustment group', 'ID', 1, 2, 'R', { codeList: 'groupCode', note: 'Applies to every reason in this segment.' }),
    ...[1, 2, 3, 4, 5, 6].flatMap(casTriplet),
  ],
);

const NM1 = seg(
  'NM1',
  'Name',
  'A person or organization on the claim: patient (QC), insured (IL), corrected name (74), rendering provider (82), crossover carrier (TT), priority payer (PR), other subscriber (GB).',
  [
    el('NM101', 'Role', 'ID', 2, 3, 'R', { codeList: 'entityIdentifier' }),
    el('NM102', 'Person or organization', 'ID', 1, 1, 'R', {
      codeList: 'entityType',
      note: 'Always 1 for the patient; always 2 for TT and PR.',
    }),
    el('NM103', 'Last or organization name', 'AN', 1, 60, 'S', { note: 'Required for TT and PR; sent when known otherwise.' }),
    el('NM104', 'First name', 'AN', 1, 35, 'S', { note: 'People only; not used for TT and PR.' }),
    el('NM105', 'Middle name or initial', 'AN', 1, 25, 'S', { note: 'People only; not used for TT and PR.' }),
    el('NM106', 'Name prefix', 'AN', 1, 10, 'N'),
    el('NM107', 'Name suffix', 'AN', 1, 10, 'S', { note: 'People only; not used for TT and PR.' }),
    el('NM108', 'Id qualifier', 'ID', 1, 2, 'S', {
      codeList: 'idQualifier',
      note: 'Required for IL, 82, TT and PR; situational for QC, 74 and GB.',
    }),
    el('NM109', 'Identifier', 'AN', 2, 80, 'S', { note: 'Sent with NM108.' }),
    el('NM110', 'Entity relationship', 'ID', 2, 2, 'N'),
    el('NM111', 'Second entity role', 'ID', 2, 3, 'N'),
    el('NM112', 'Second name', 'AN', 1, 60, 'N'),
  ],
);

const MIA = seg(
  'MIA',
  'Inpatient adjudication',
  'Extra payment facts for an inpatient institutional claim (Medicare Part A style). Informational, not balanced.',
  [
    el('MIA01', 'Covered days or visits', 'R', 1, QTY_MAX, 'R'),
    el('MIA02', 'PPS operating outlier amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA03', 'Lifetime psychiatric days', 'R', 1, QTY_MAX, 'S'),
    el('MIA04', 'Claim DRG amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA05', 'Claim remark code', 'AN', 1, REF_ID_MAX, 'S', { codeList: 'rarc' }),
    el('MIA06', 'Disproportionate share amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA07', 'MSP pass-through amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA08', 'PPS capital amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA09', 'PPS capital federal-specific DRG amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA10', 'PPS capital hospital-specific DRG amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA11', 'PPS capital disproportionate share DRG amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA12', 'Old capital amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA13', 'PPS capital indirect medical education amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA14', 'PPS operating hospital-specific DRG amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA15', 'Cost report day count', 'R', 1, QTY_MAX, 'S'),
    el('MIA16', 'PPS operating federal-specific DRG amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA17', 'PPS capital outlier amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA18', 'Indirect teaching amount', 'R', 1, MONEY_MAX, 'S'),
    el('MIA19', 'Non-payable professional component', 'R', 1, MONEY_MAX, 'S'),
    el('MIA20', 'Claim remark code 2', 'AN', 1, REF_ID_MAX, 'S', { codeList: 'rarc' }),
    el('MIA21', 'Claim remark code 3', 'AN', 1, REF_ID_MAX, 'S', { codeList: 'rarc' }),
    el('MIA22', 'Claim remark code 4', 'AN', 1, REF_ID_MAX, 'S', { codeList: 'rarc' }),
    el('MIA23', 'Claim remark code 5', 'AN', 1, REF_ID_MAX, 'S', { codeList: 'rarc' }),
    el('MIA24', 'PPS capital exception amount', 'R', 1, MONEY_MAX, 'S'),
  ],
);

const MOA = seg(
  'MOA',
  'Outpatient adjudication',
  'Extra payment facts and claim-level remark codes for outpatient and professional claims. Informational, not balanced.',
  [
    el('MOA01', 'Reimbursement rate', 'R', 1, 10, 'S', { note: 'A percentage as a decimal (0.80 for 80%).' }),
    el('MOA02', 'HCPCS payable amount', 'R', 1, MONEY_MAX, 'S'),
    el('MOA03', 'Claim remark code 1', 'AN', 1, REF_ID_MAX, 'S', { codeList: 'rarc' }),
    el('MOA04', 'Claim remark code 2', 'AN', 1, REF_ID_MAX, 'S', { codeList: 'rarc' }),
    el('MOA05', 'Claim remark code 3', 'AN', 1, REF_ID_MAX, 'S', { codeList: 'rarc' }),
    el('MOA06', 'Claim remark code 4', 'AN', 1, REF_ID_MAX, 'S', { codeList: 'rarc' }),
    el('MOA07', 'Claim remark code 5', 'AN', 1, REF_ID_MAX, 'S', { codeList: 'rarc' }),
    el('MOA08', 'ESRD payment amount', 'R', 1, MONEY_MAX, 'S'),
    el('MOA09', 'Non-payable professional component', 'R', 1, MONEY_MAX, 'S'),
  ],
);

const AMT = seg(
  'AMT',
  'Supplemental amount',
  'An extra amount for the claim or line (allowed, interest, covered charges...). Informational: never part of balancing.',
  [
    el('AMT01', 'Amount type', 'ID', 1, 3, 'R', { codeList: 'amtQualifier', note: 'The allowed types differ between claim and line.' }),
    el('AMT02', 'Amount', 'R', 1, MONEY_MAX, 'R'),
    el('AMT03', 'Credit or debit', 'ID', 1, 1, 'N'),
  ],
);

const QTY = seg('QTY', 'Supplemental quantity', 'An extra count for the claim or line (covered days, visits...). Informational.', [
  el('QTY01', 'Quantity type', 'ID', 2, 2, 'R', { codeList: 'qtyQualifier', note: 'The allowed types differ between claim and line.' }),
  el('QTY02', 'Quantity', 'R', 1, QTY_MAX, 'R'),
  comp('QTY03', 'Unit of measure (composite)', 'N'),
  el('QTY04', 'Free-form quantity', 'AN', 1, 30, 'N'),
]);

// ---------------------------------------------------------------------------------------------------------
// 2110 service line

function procedure(prefix: 'SVC01' | 'SVC06'): ElementDef[] {
  const adjudicated = prefix === 'SVC01';
  return [
    el(`${prefix}-1`, 'Code type', 'ID', 2, 2, 'R', {
      codeList: 'procedureQualifier',
      note: adjudicated ? 'HC for HCPCS/CPT, NU for revenue code only, N4 for drugs...' : 'N6 and UI are not allowed here.',
    }),
    el(`${prefix}-2`, adjudicated ? 'Adjudicated procedure code' : 'Submitted procedure code', 'AN', 1, 48, 'R'),
    el(`${prefix}-3`, 'Modifier 1', 'AN', 2, 2, 'S'),
    el(`${prefix}-4`, 'Modifier 2', 'AN', 2, 2, 'S'),
    el(`${prefix}-5`, 'Modifier 3', 'AN', 2, 2, 'S'),
    el(`${prefix}-6`, 'Modifier 4', 'AN', 2, 2, 'S'),
    el(`${prefix}-7`, 'Procedure description', 'AN', 1, 80, adjudicated ? 'N' : 'S', {
      note: adjudicated
        ? 'Not used here, though some payers send it.'
        : 'Sent when the billed code was a not-otherwise-classified code with a description.',
    }),
    el(`${prefix}-8`, 'Second product id', 'AN', 1, 48, 'N'),
  ];
}

const SVC = seg('SVC', 'Service payment', 'Starts a service line (loop 2110): the code paid, what was charged and paid, and the units.', [
  comp('SVC01', 'Adjudicated procedure', 'R', procedure('SVC01'), 'The code the payer paid under.'),
  el('SVC02', 'Line charge', 'R', 1, MONEY_MAX, 'R'),
  el('SVC03', 'Line payment', 'R', 1, MONEY_MAX, 'R', { note: "Equals SVC02 minus the line's adjustments (CAS)." }),
  el('SVC04', 'Revenue code', 'AN', 1, 48, 'S', { note: 'Institutional lines that carry both a revenue code and a procedure code.' }),
  el('SVC05', 'Units paid', 'R', 1, QTY_MAX, 'S', { note: 'Absent means 1.' }),
  comp('SVC06', 'Submitted procedure', 'S', procedure('SVC06'), 'Only when the payer paid a different code than the one billed.'),
  el('SVC07', 'Units billed', 'R', 1, QTY_MAX, 'S', { note: 'Only when the paid units (SVC05) differ from the billed units.' }),
]);

const LQ = seg('LQ', 'Remark code', 'A remark for the service line: a RARC (LQ01 HE) or an NCPDP reject code (RX).', [
  el('LQ01', 'Remark code type', 'ID', 1, 3, 'R', { codeList: 'lqQualifier' }),
  el('LQ02', 'Remark code', 'AN', 1, 30, 'R', { codeList: 'rarc', note: 'A RARC when LQ01 is HE; an NCPDP reject code when LQ01 is RX.' }),
]);

// ---------------------------------------------------------------------------------------------------------
// Summary

function plbPair(n: number): ElementDef[] {
  const first = n === 1;
  const p = 3 + (n - 1) * 2;
  const id = `PLB${pad(p)}`;
  return [
    comp(id, `Adjustment ${n}: reason and reference`, first ? 'R' : 'S', [
      el(`${id}-1`, 'Provider adjustment reason', 'ID', 2, 2, 'R', { codeList: 'plbReason' }),
      el(`${id}-2`, 'Adjustment reference', 'AN', 1, REF_ID_MAX, 'S', {
        note: 'Often the payer claim number (ICN) being recovered, or a balance-forward reference.',
      }),
    ]),
    el(`PLB${pad(p + 1)}`, `Adjustment ${n} amount`, 'R', 1, MONEY_MAX, first ? 'R' : 'S', {
      note: 'Positive is withheld from this payment; negative is added to it.' + (first ? '' : ' Sent with its reason.'),
    }),
  ];
}

const PLB = seg(
  'PLB',
  'Provider adjustment',
  'Money added to or taken from the whole payment, not tied to one claim here: recoupments, interest, balances forward.',
  [
    el('PLB01', 'Provider identifier', 'AN', 1, REF_ID_MAX, 'R', { note: 'Usually the NPI or tax id of the payee.' }),
    el('PLB02', 'Fiscal period date', 'DT', 8, 8, 'R', {
      note: "End of the provider's fiscal year; many payers send December 31. CCYYMMDD.",
    }),
    ...[1, 2, 3, 4, 5, 6].flatMap(plbPair),
  ],
);

// ---------------------------------------------------------------------------------------------------------

/** Every segment of the 835, by id, in the order they appear in a file. */
export const SEGMENTS: ReadonlyMap<string, SegmentDef> = new Map(
  [
    ISA,
    TA1,
    GS,
    ST,
    BPR,
    TRN,
    CUR,
    REF,
    DTM,
    N1,
    N3,
    N4,
    PER,
    RDM,
    LX,
    TS3,
    TS2,
    CLP,
    CAS,
    NM1,
    MIA,
    MOA,
    AMT,
    QTY,
    SVC,
    LQ,
    PLB,
    SE,
    GE,
    IEA,
  ].map((s) => [s.id, s]),
);

/** The element at 1-based `position` of `segmentId` (CLP04 -> ('CLP', 4)), or undefined. */
export function elementDef(segmentId: string, position: number): ElementDef | undefined {
  if (!Number.isInteger(position) || position < 1) return undefined;
  return SEGMENTS.get(segmentId)?.elements[position - 1];
}

/** The component at 1-based `component` of a composite element (SVC01-2 -> ('SVC', 1, 2)), or undefined. */
export function componentDef(segmentId: string, position: number, component: number): ElementDef | undefined {
  if (!Number.isInteger(component) || component < 1) return undefined;
  return elementDef(segmentId, position)?.components?.[component - 1];
}
