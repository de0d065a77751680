import { codeList, type CodeList } from './types';

/**
 * The small code lists of the 835 implementation guide (ASC X12N 005010X221A1): only the values the guide
 * allows (its subsets), not the full lists of the base standard. CARC and RARC live in carc.ts / rarc.ts.
 *
 * Every `text` is our own short explanation, not the official wording. Values were checked against the
 * pyx12 transcription of the guide (azoner/pyx12 `pyx12/map/835.5010.X221.A1.xml`) and
 * /work/shared/docs/835-domain-research.md (sections 1.1-1.3 and 2.x).
 *
 * Where one element (REF01, DTM01, AMT01, QTY01, NM101, NM108...) has different allowed values in
 * different loops, the list here is the union over the whole transaction; the entry text says where each
 * value belongs.
 */

// ---------------------------------------------------------------------------------------------------------
// Envelope (ISA / GS / ST)

/** ISA01. */
export const isaAuthQualifier = codeList('isaAuthQualifier', 'Authorization information qualifier (ISA01)', [
  { code: '00', label: 'no auth info', text: 'No authorization information: ISA02 is blank (spaces)' },
  { code: '03', label: 'additional data', text: 'Additional data identification: ISA02 carries an agreed value' },
]);

/** ISA03. */
export const isaSecurityQualifier = codeList('isaSecurityQualifier', 'Security information qualifier (ISA03)', [
  { code: '00', label: 'no security info', text: 'No security information: ISA04 is blank (spaces)' },
  { code: '01', label: 'password', text: 'Password: ISA04 carries a password agreed between the partners' },
]);

/** ISA05 and ISA07. */
export const interchangeIdQualifier = codeList('interchangeIdQualifier', 'Interchange id qualifier (ISA05, ISA07)', [
  { code: '01', label: 'DUNS', text: 'Dun & Bradstreet (DUNS) number' },
  { code: '14', label: 'DUNS plus suffix', text: 'DUNS number with a four-character suffix' },
  { code: '20', label: 'HIN', text: 'Health Industry Number (HIN)' },
  { code: '27', label: 'CMS carrier id', text: 'Carrier id assigned by CMS (Medicare carrier / MAC)' },
  { code: '28', label: 'CMS FI id', text: 'Fiscal intermediary id assigned by CMS' },
  { code: '29', label: 'CMS provider id', text: 'Medicare provider or supplier id assigned by CMS' },
  { code: '30', label: 'federal tax id', text: 'US federal tax id (EIN)' },
  { code: '33', label: 'NAIC code', text: 'NAIC company code (insurers)' },
  { code: 'ZZ', label: 'mutually defined', text: 'Mutually defined: an id the trading partners agreed on' },
]);

/** ISA12. */
export const interchangeVersion = codeList('interchangeVersion', 'Interchange control version (ISA12)', [
  { code: '00501', label: 'version 5010', text: 'Version 5010 envelope (a 4010 file has 00401 here)' },
]);

/** ISA14. */
export const ackRequested = codeList('ackRequested', 'Acknowledgment requested (ISA14)', [
  { code: '0', label: 'no TA1', text: 'No interchange acknowledgment (TA1) wanted' },
  { code: '1', label: 'TA1 requested', text: 'Sender asks for an interchange acknowledgment (TA1)' },
]);

/** ISA15. */
export const usageIndicator = codeList('usageIndicator', 'Usage indicator (ISA15)', [
  { code: 'P', label: 'production', text: 'Production data: real payments, post it' },
  { code: 'T', label: 'test', text: 'Test data: do not post' },
]);

/** TA104 (an interchange acknowledgment, rare inside an 835 file). */
export const interchangeAckCode = codeList('interchangeAckCode', 'Interchange acknowledgment code (TA104)', [
  { code: 'A', label: 'accepted', text: 'Interchange accepted, no errors' },
  { code: 'E', label: 'accepted with errors', text: 'Interchange accepted, with errors noted in TA105' },
  { code: 'R', label: 'rejected', text: 'Interchange rejected' },
]);

/** GS01. */
export const functionalId = codeList('functionalId', 'Functional identifier (GS01)', [
  { code: 'HP', label: 'claim payment', text: 'Health care claim payment/advice: the group holds 835s' },
]);

/** GS07. */
export const responsibleAgency = codeList('responsibleAgency', 'Responsible agency (GS07)', [
  { code: 'X', label: 'ASC X12', text: 'ASC X12, the body that maintains the standard' },
]);

/** GS08 and ST03. */
export const versionCode = codeList('versionCode', 'Implementation guide version (GS08, ST03)', [
  { code: '005010X221A1', label: '5010 835 guide', text: '835 guide for version 5010, with its errata (A1): the HIPAA-mandated version' },
]);

/** ST01. */
export const transactionSetId = codeList('transactionSetId', 'Transaction set id (ST01)', [
  { code: '835', label: 'remittance advice', text: 'Health care claim payment/advice (remittance)' },
]);

// ---------------------------------------------------------------------------------------------------------
// Header: payment, trace, currency

/** BPR01. */
export const bprHandling = codeList('bprHandling', 'Transaction handling (BPR01)', [
  { code: 'C', label: 'payment with detail', text: 'Payment and remittance detail travel together' },
  { code: 'D', label: 'payment only', text: 'Payment only: the remittance detail is sent separately' },
  { code: 'H', label: 'notification only', text: 'Notification only: no money moves (for example, everything was denied)' },
  { code: 'I', label: 'detail only', text: 'Remittance detail only: the money moves separately' },
  { code: 'P', label: 'prenotification', text: 'Prenotification of a future funds transfer' },
  { code: 'U', label: 'split payment', text: 'Payment and detail split: each goes its own way' },
  { code: 'X', label: 'split by bank', text: 'Payment and detail split at the option of the handling bank' },
]);

/** BPR03. */
export const creditDebit = codeList('creditDebit', 'Credit or debit (BPR03)', [
  { code: 'C', label: 'credit', text: 'Credit: money goes to the provider' },
  { code: 'D', label: 'debit', text: 'Debit: money is taken from the provider' },
]);

/** BPR04. */
export const paymentMethod = codeList('paymentMethod', 'Payment method (BPR04)', [
  { code: 'ACH', label: 'ACH transfer', text: 'Electronic funds transfer through the ACH network' },
  { code: 'BOP', label: 'bank option', text: 'Financial institution option: the bank picks how to pay' },
  { code: 'CHK', label: 'check', text: 'Paper check' },
  { code: 'FWT', label: 'wire transfer', text: 'Federal Reserve wire transfer' },
  { code: 'NON', label: 'no payment', text: 'No payment: information only' },
]);

/** BPR05. */
export const paymentFormat = codeList('paymentFormat', 'Payment format (BPR05)', [
  { code: 'CCP', label: 'CCD+ format', text: 'ACH CCD+ format: one addenda record carrying the trace number (TRN)' },
  { code: 'CTX', label: 'CTX format', text: 'ACH CTX format: the remittance travels with the payment' },
]);

/** BPR06 and BPR12. */
export const dfiIdQualifier = codeList('dfiIdQualifier', 'Bank id qualifier (BPR06, BPR12)', [
  { code: '01', label: 'ABA routing', text: 'US bank routing (ABA transit) number, nine digits with check digit' },
  { code: '04', label: 'Canadian bank', text: 'Canadian bank branch and institution number' },
]);

/** BPR08 (DA only) and BPR14 (DA or SG). */
export const accountQualifier = codeList('accountQualifier', 'Bank account type (BPR08, BPR14)', [
  { code: 'DA', label: 'checking', text: 'Demand deposit (checking) account' },
  { code: 'SG', label: 'savings', text: 'Savings account (receiver side, BPR14, only)' },
]);

/** TRN01. */
export const traceType = codeList('traceType', 'Trace type (TRN01)', [
  { code: '1', label: 'payment trace', text: 'Trace numbers of this transaction (check or EFT number in TRN02)' },
]);

/** CUR01. */
export const currencyEntity = codeList('currencyEntity', 'Currency entity (CUR01)', [
  { code: 'PR', label: 'payer', text: 'Payer: the currency is the one the payer pays in' },
]);

// ---------------------------------------------------------------------------------------------------------
// Parties: N1, NM1, PER, RDM

/** N101 (PR, PE) and NM101 (QC, IL, 74, 82, TT, PR, GB). */
export const entityIdentifier = codeList('entityIdentifier', 'Entity role (N101, NM101)', [
  { code: 'PR', label: 'payer', text: 'Payer: in N1 the payer of this remit; in NM1 the payer this payer believes is primary' },
  { code: 'PE', label: 'payee', text: 'Payee: who receives the payment' },
  { code: 'QC', label: 'patient', text: 'Patient' },
  { code: 'IL', label: 'insured', text: 'Insured or subscriber, when not the patient' },
  { code: '74', label: 'corrected insured', text: 'Corrected insured: the payer changed the name or id that was billed' },
  { code: '82', label: 'rendering provider', text: 'Rendering provider, when different from the payee' },
  { code: 'TT', label: 'crossover carrier', text: 'Crossover carrier: the payer the claim was forwarded to' },
  { code: 'GB', label: 'other subscriber', text: 'Other subscriber (another insured person on the claim)' },
]);

/** NM102. */
export const entityType = codeList('entityType', 'Entity type (NM102)', [
  { code: '1', label: 'person', text: 'A person' },
  { code: '2', label: 'organization', text: 'An organization' },
]);

/** N103 and NM108: union of the values the guide allows in the 835. */
export const idQualifier = codeList('idQualifier', 'Identifier qualifier (N103, NM108)', [
  { code: 'XV', label: 'CMS plan id', text: 'CMS health plan id (payer, payee, crossover or priority payer)' },
  { code: 'XX', label: 'NPI', text: 'National Provider Identifier (NPI)' },
  { code: 'FI', label: 'tax id', text: 'Federal tax id (EIN or SSN used as tax id)' },
  { code: 'PI', label: 'payer id', text: 'Payer id (crossover or priority payer)' },
  { code: 'MI', label: 'member id', text: 'Member id assigned by the plan' },
  { code: '34', label: 'SSN', text: 'Social Security number (patient)' },
  { code: 'HN', label: 'HICN', text: 'Medicare health insurance claim number (old HICN, patient)' },
  { code: 'II', label: 'unique health id', text: 'National unique health id for individuals (defined but never issued)' },
  { code: 'MR', label: 'Medicaid id', text: 'Medicaid recipient id (patient)' },
  { code: 'C', label: 'corrected id', text: 'Corrected insured id: the id the payer has on file (NM1*74)' },
  { code: 'BD', label: 'Blue Cross number', text: 'Blue Cross provider number (rendering provider)' },
  { code: 'BS', label: 'Blue Shield number', text: 'Blue Shield provider number (rendering provider)' },
  { code: 'MC', label: 'Medicaid provider id', text: 'Medicaid provider number (rendering provider)' },
  { code: 'PC', label: 'commercial provider id', text: 'Provider number assigned by a commercial payer (rendering provider)' },
  { code: 'SL', label: 'state license', text: 'State license number (rendering provider)' },
  { code: 'UP', label: 'UPIN', text: 'Unique physician id (UPIN, retired by Medicare)' },
  { code: 'AD', label: 'BCBSA plan code', text: 'Blue Cross Blue Shield Association plan code (crossover or priority payer)' },
  { code: 'NI', label: 'NAIC code', text: 'NAIC insurer code (crossover or priority payer)' },
  { code: 'PP', label: 'pharmacy processor', text: 'Pharmacy processor number (crossover or priority payer)' },
]);

/** PER01. */
export const perFunction = codeList('perFunction', 'Contact role (PER01)', [
  { code: 'CX', label: 'claims contact', text: 'Payer claims office: whom to call about a claim or this payment' },
  { code: 'BL', label: 'technical contact', text: 'Payer technical department: whom to call about the EDI file itself' },
  { code: 'IC', label: 'web site', text: 'Information contact: the payer web site (PER03 UR)' },
]);

/** PER03, PER05, PER07. */
export const commQualifier = codeList('commQualifier', 'Contact number type (PER03, PER05, PER07)', [
  { code: 'TE', label: 'phone', text: 'Telephone number' },
  { code: 'EM', label: 'e-mail', text: 'E-mail address' },
  { code: 'FX', label: 'fax', text: 'Fax number' },
  { code: 'UR', label: 'URL', text: 'Web address (URL)' },
  { code: 'EX', label: 'extension', text: 'Telephone extension of the number before it' },
]);

/** RDM01. */
export const reportTransmission = codeList('reportTransmission', 'Remittance delivery method (RDM01)', [
  { code: 'BM', label: 'by mail', text: 'By mail: the detail comes on paper' },
  { code: 'EM', label: 'by e-mail', text: 'By e-mail (address in RDM03)' },
  { code: 'FT', label: 'file transfer', text: 'By file transfer' },
  { code: 'OL', label: 'online portal', text: 'On line: the provider fetches it from a portal (address in RDM03)' },
]);

// ---------------------------------------------------------------------------------------------------------
// Claim and service line

/** CLP02: the 835 subset of claim status codes. */
export const claimStatus = codeList('claimStatus', 'Claim status (CLP02)', [
  { code: '1', label: 'primary', text: 'Processed as primary payer' },
  { code: '2', label: 'secondary', text: 'Processed as secondary payer' },
  { code: '3', label: 'tertiary', text: 'Processed as tertiary payer' },
  { code: '4', label: 'denied', text: 'Denied: nothing paid on the claim' },
  { code: '19', label: 'primary, forwarded', text: 'Processed as primary and forwarded to another payer (crossover)' },
  { code: '20', label: 'secondary, forwarded', text: 'Processed as secondary and forwarded to another payer' },
  { code: '21', label: 'tertiary, forwarded', text: 'Processed as tertiary and forwarded to another payer' },
  { code: '22', label: 'reversal', text: 'Reversal of an earlier payment: amounts are negated' },
  { code: '23', label: 'not our claim', text: "Not this payer's claim: forwarded to another payer" },
  { code: '25', label: 'predetermination', text: 'Predetermination: priced only, no payment' },
]);

/** CLP06: the 835 list (shorter than the 837's: no 11, BL, CI or FI). */
export const claimFilingIndicator = codeList('claimFilingIndicator', 'Claim filing indicator (CLP06)', [
  { code: '12', label: 'PPO', text: 'Preferred provider organization (PPO)' },
  { code: '13', label: 'POS plan', text: 'Point of service plan (POS)' },
  { code: '14', label: 'EPO', text: 'Exclusive provider organization (EPO)' },
  { code: '15', label: 'indemnity', text: 'Indemnity insurance' },
  { code: '16', label: 'Medicare Advantage', text: 'HMO Medicare risk plan (Medicare Advantage), not fee-for-service Medicare' },
  { code: '17', label: 'dental HMO', text: 'Dental maintenance organization' },
  { code: 'AM', label: 'auto medical', text: 'Automobile medical coverage' },
  { code: 'CH', label: 'TRICARE', text: 'CHAMPUS, now TRICARE (military health)' },
  { code: 'DS', label: 'disability', text: 'Disability coverage' },
  { code: 'HM', label: 'HMO', text: 'Health maintenance organization (HMO)' },
  { code: 'LM', label: 'liability medical', text: 'Liability medical coverage' },
  { code: 'MA', label: 'Medicare Part A', text: 'Medicare Part A (fee-for-service, institutional)' },
  { code: 'MB', label: 'Medicare Part B', text: 'Medicare Part B (fee-for-service, professional, DME)' },
  { code: 'MC', label: 'Medicaid', text: 'Medicaid' },
  { code: 'OF', label: 'other federal', text: 'Other federal program' },
  { code: 'TV', label: 'Title V', text: 'Title V (maternal and child health)' },
  { code: 'VA', label: 'Veterans Affairs', text: 'Veterans Affairs plan' },
  { code: 'WC', label: "workers' comp", text: "Workers' compensation" },
  { code: 'ZZ', label: 'mutually defined', text: 'Mutually defined or unknown' },
]);

/**
 * CAS01: the four group codes of 5010. `CR` (corrections and reversals) existed up to 4010 and is NOT valid
 * in 5010: reversals use CLP02 = 22 with negated amounts instead (see RETIRED_CODE_HINTS).
 */
export const groupCode = codeList('groupCode', 'Claim adjustment group (CAS01)', [
  { code: 'CO', label: 'contractual', text: 'Contractual obligation: the provider writes it off and may not bill the patient' },
  { code: 'OA', label: 'other adjustment', text: 'Other adjustment: neither contractual nor patient (e.g. prior payer paid, duplicate)' },
  { code: 'PI', label: 'payer initiated', text: 'Payer-initiated reduction: no contract basis, and the patient is not liable' },
  { code: 'PR', label: 'patient owes', text: 'Patient responsibility: may be billed to the patient or a secondary payer' },
]);

/** SVC01-1 (all values) and SVC06-1 (all but N6 and UI). */
export const procedureQualifier = codeList('procedureQualifier', 'Procedure code type (SVC01-1, SVC06-1)', [
  { code: 'AD', label: 'CDT dental', text: 'ADA dental procedure code (CDT)' },
  { code: 'ER', label: 'jurisdiction code', text: "Jurisdiction-specific code (e.g. a state workers' compensation fee schedule)" },
  { code: 'HC', label: 'HCPCS/CPT', text: 'HCPCS code, which includes CPT' },
  { code: 'HP', label: 'HIPPS', text: 'HIPPS rate code (skilled nursing, home health, rehab facilities)' },
  { code: 'IV', label: 'home infusion', text: 'Home infusion (HIEC) product or service code' },
  { code: 'N4', label: 'NDC 5-4-2', text: 'National Drug Code, 5-4-2 digit layout (11 digits)' },
  { code: 'N6', label: 'NDC 4-4-2', text: 'National Drug Code, 4-4-2 digit layout (SVC01 only)' },
  { code: 'NU', label: 'revenue code', text: 'NUBC revenue code: the line was paid by revenue code alone' },
  { code: 'UI', label: 'UPC', text: 'UPC consumer package code (SVC01 only)' },
  { code: 'WK', label: 'ABC code', text: 'ABC code for complementary and alternative medicine' },
]);

/** LQ01. */
export const lqQualifier = codeList('lqQualifier', 'Remark code type (LQ01)', [
  { code: 'HE', label: 'remark code', text: 'LQ02 is a remittance advice remark code (RARC)' },
  { code: 'RX', label: 'NCPDP code', text: 'LQ02 is an NCPDP pharmacy reject or payment code' },
]);

/** REF01: union over every REF of the 835 (header, 1000A, 1000B, 2100, 2110). */
export const refQualifier = codeList('refQualifier', 'Reference type (REF01)', [
  // Header
  { code: 'EV', label: 'receiver id', text: 'Receiver id, when the remit goes to someone other than the payee (header)' },
  { code: 'F2', label: 'system version', text: "Version of the payer's adjudication or remit system (header)" },
  // 1000A payer
  { code: '2U', label: 'payer id', text: 'Payer id number (payer loop)' },
  { code: 'EO', label: 'submitter id', text: 'Submitter id of the payer (payer loop)' },
  { code: 'HI', label: 'HIN', text: 'Health Industry Number (payer loop)' },
  { code: 'NF', label: 'NAIC code', text: 'NAIC insurer code (payer loop)' },
  // 1000B payee, and provider ids in 2100 / 2110
  { code: 'TJ', label: 'tax id', text: 'Federal tax id (payee loop, or rendering provider on a line)' },
  { code: 'PQ', label: 'payee id', text: 'Payee id assigned by the payer (payee loop)' },
  { code: '0B', label: 'state license', text: 'State license number (payee or rendering provider)' },
  { code: 'D3', label: 'NCPDP number', text: 'NCPDP pharmacy number (payee or rendering provider)' },
  // 2100 other claim ids
  { code: '1L', label: 'group or policy', text: 'Group or policy number (claim)' },
  { code: '1W', label: 'member id', text: 'Member id (claim)' },
  { code: '28', label: 'employee id', text: 'Employee id (claim)' },
  { code: '6P', label: 'group number', text: 'Group number (claim)' },
  { code: '9A', label: 'repricer claim ref', text: "Repricer's claim reference number (claim)" },
  { code: '9C', label: 'repricer adjusted ref', text: "Repricer's reference for an adjusted claim (claim)" },
  { code: 'BB', label: 'authorization', text: 'Authorization number (claim or line)' },
  { code: 'CE', label: 'contract class', text: 'Class of contract code (claim)' },
  { code: 'EA', label: 'medical record', text: 'Medical record number (claim)' },
  { code: 'F8', label: 'original claim ref', text: 'Original reference: the payer claim number being adjusted or replaced (claim)' },
  { code: 'G1', label: 'prior authorization', text: 'Prior authorization number (claim or line)' },
  { code: 'G3', label: 'predetermination id', text: 'Predetermination of benefits id (claim or line)' },
  { code: 'IG', label: 'policy number', text: 'Insurance policy number (claim)' },
  { code: 'SY', label: 'SSN', text: 'Social Security number (claim, or rendering provider on a line)' },
  // 2100 / 2110 rendering provider ids
  { code: '1A', label: 'Blue Cross number', text: 'Blue Cross provider number (rendering provider)' },
  { code: '1B', label: 'Blue Shield number', text: 'Blue Shield provider number (rendering provider)' },
  { code: '1C', label: 'Medicare provider id', text: 'Medicare provider number (rendering provider)' },
  { code: '1D', label: 'Medicaid provider id', text: 'Medicaid provider number (rendering provider)' },
  { code: '1G', label: 'UPIN', text: 'Provider UPIN (rendering provider)' },
  { code: '1H', label: 'TRICARE provider id', text: 'CHAMPUS / TRICARE provider id (rendering provider)' },
  { code: '1J', label: 'facility id', text: 'Facility id number (rendering provider)' },
  { code: 'G2', label: 'commercial provider id', text: 'Provider number assigned by a commercial payer (rendering provider)' },
  { code: 'HPI', label: 'NPI', text: 'National Provider Identifier (rendering provider on a line)' },
  { code: 'LU', label: 'location number', text: 'Location number (rendering provider, or service line)' },
  // 2110 service ids
  { code: '1S', label: 'APG number', text: 'Ambulatory patient group (APG) number (line)' },
  { code: 'APC', label: 'APC', text: 'Ambulatory payment classification (APC) (line)' },
  { code: 'E9', label: 'attachment code', text: 'Attachment code (line)' },
  { code: 'RB', label: 'rate code', text: 'Rate code number (line)' },
  { code: '6R', label: 'line control number', text: 'Line item control number the provider sent on the claim: match the line with it' },
  { code: '0K', label: 'policy id', text: 'Payer policy id that drove the adjustment on this line' },
]);

/** DTM01: union over every DTM of the 835. */
export const dateQualifier = codeList('dateQualifier', 'Date type (DTM01)', [
  { code: '405', label: 'production date', text: 'Production date: end of the adjudication cycle behind this remit (header)' },
  { code: '232', label: 'period start', text: 'Claim statement period start (claim)' },
  { code: '233', label: 'period end', text: 'Claim statement period end, or discharge date (claim)' },
  { code: '036', label: 'coverage expired', text: 'Coverage expiration date: coverage ended then (claim)' },
  { code: '050', label: 'received date', text: 'Date the payer received the claim (claim)' },
  { code: '472', label: 'service date', text: 'Service date (line)' },
  { code: '150', label: 'service start', text: 'Service period start (line)' },
  { code: '151', label: 'service end', text: 'Service period end (line)' },
]);

/** AMT01: union of the claim (2100) and service line (2110) values. */
export const amtQualifier = codeList('amtQualifier', 'Amount type (AMT01)', [
  // 2100
  { code: 'AU', label: 'covered charges', text: 'Covered charges: the part of the billed amount the payer covers (claim)' },
  { code: 'D8', label: 'discount', text: 'Discount, such as a prompt-payment discount (claim)' },
  { code: 'DY', label: 'per-day limit', text: 'Per-day limit (claim)' },
  { code: 'F5', label: 'patient paid', text: 'Amount the patient already paid (claim)' },
  { code: 'I', label: 'interest', text: 'Interest on this claim; the money itself usually travels in PLB L6 (claim)' },
  { code: 'NL', label: 'negative ledger', text: 'Negative ledger balance carried for this claim (claim)' },
  // both
  { code: 'T', label: 'tax', text: 'Tax (claim or line)' },
  { code: 'T2', label: 'pre-tax total', text: 'Total before taxes (claim or line)' },
  { code: 'ZK', label: 'federal mandate 1', text: 'Federal Medicare or Medicaid payment mandate, category 1' },
  { code: 'ZL', label: 'federal mandate 2', text: 'Federal Medicare or Medicaid payment mandate, category 2' },
  { code: 'ZM', label: 'federal mandate 3', text: 'Federal Medicare or Medicaid payment mandate, category 3' },
  { code: 'ZN', label: 'federal mandate 4', text: 'Federal Medicare or Medicaid payment mandate, category 4' },
  { code: 'ZO', label: 'federal mandate 5', text: 'Federal Medicare or Medicaid payment mandate, category 5' },
  // 2110
  { code: 'B6', label: 'allowed amount', text: 'Allowed amount for the line (line)' },
  { code: 'KH', label: 'deduction', text: 'Deduction, such as a late-filing reduction (line)' },
]);

/** QTY01: union of the claim (2100) and service line (2110) values. */
export const qtyQualifier = codeList('qtyQualifier', 'Quantity type (QTY01)', [
  { code: 'CA', label: 'covered days', text: 'Covered days, actual (claim)' },
  { code: 'CD', label: 'coinsurance days', text: 'Coinsurance days, actual (claim)' },
  { code: 'LA', label: 'reserve days used', text: 'Lifetime reserve days used, actual (claim)' },
  { code: 'LE', label: 'reserve days estimate', text: 'Lifetime reserve days, estimated (claim)' },
  { code: 'NE', label: 'non-covered estimate', text: 'Non-covered days, estimated (claim)' },
  { code: 'NR', label: 'blood not replaced', text: 'Blood units not replaced (claim)' },
  { code: 'OU', label: 'outlier days', text: 'Outlier days (claim)' },
  { code: 'PS', label: 'prescriptions', text: 'Number of prescriptions (claim)' },
  { code: 'VS', label: 'visits', text: 'Number of visits (claim)' },
  { code: 'ZK', label: 'federal mandate 1', text: 'Federal Medicare or Medicaid payment mandate, category 1 (claim or line)' },
  { code: 'ZL', label: 'federal mandate 2', text: 'Federal Medicare or Medicaid payment mandate, category 2 (claim or line)' },
  { code: 'ZM', label: 'federal mandate 3', text: 'Federal Medicare or Medicaid payment mandate, category 3 (claim or line)' },
  { code: 'ZN', label: 'federal mandate 4', text: 'Federal Medicare or Medicaid payment mandate, category 4 (claim or line)' },
  { code: 'ZO', label: 'federal mandate 5', text: 'Federal Medicare or Medicaid payment mandate, category 5 (claim or line)' },
]);

/** CLP14 (not used in this guide, listed for completeness). */
export const yesNo = codeList('yesNo', 'Yes or no', [
  { code: 'Y', label: 'yes', text: 'Yes' },
  { code: 'N', label: 'no', text: 'No' },
]);

// ---------------------------------------------------------------------------------------------------------
// Summary: provider level adjustments

/** PLB03-1 (and -1 of PLB05, 07, 09, 11, 13): the 41 reason codes of 5010. */
export const plbReason = codeList('plbReason', 'Provider adjustment reason (PLB03-1)', [
  { code: '50', label: 'late charge', text: 'Late charge, such as a late filing or late cost report penalty' },
  { code: '51', label: 'interest penalty', text: 'Interest penalty charged to the provider' },
  { code: '72', label: 'authorized return', text: 'Authorized return: credits money the provider refunded' },
  { code: '90', label: 'early payment', text: 'Early payment allowance' },
  { code: 'AH', label: 'origination fee', text: 'Origination fee not tied to a claim' },
  { code: 'AM', label: 'loan repayment', text: "Applied to the borrower's account (loan repayment)" },
  { code: 'AP', label: 'accelerated payment', text: 'Accelerated payment, or its recovery (the sign tells which)' },
  { code: 'B2', label: 'rebate', text: 'Rebate: excess the provider sent back is returned' },
  { code: 'B3', label: 'recovery allowance', text: 'Recovery allowance' },
  { code: 'BD', label: 'bad debt', text: 'Bad debt adjustment' },
  { code: 'BN', label: 'bonus', text: 'Bonus payment' },
  { code: 'C5', label: 'temporary allowance', text: 'Temporary allowance' },
  { code: 'CR', label: 'capitation interest', text: 'Capitation interest' },
  { code: 'CS', label: 'adjustment', text: 'General adjustment: PLB03-2 says what it is' },
  { code: 'CT', label: 'capitation', text: 'Capitation payment' },
  { code: 'CV', label: 'capital pass-through', text: 'Capital pass-through' },
  { code: 'CW', label: 'CRNA pass-through', text: 'Nurse anesthetist (CRNA) pass-through' },
  { code: 'DM', label: 'direct med education', text: 'Direct medical education pass-through' },
  { code: 'E3', label: 'withholding', text: 'Withholding' },
  { code: 'FB', label: 'forwarding balance', text: 'Forwarding balance: a debit carried to or recovered from another remit' },
  { code: 'FC', label: 'fund allocation', text: 'Fund allocation' },
  { code: 'GO', label: 'GME pass-through', text: 'Graduate medical education pass-through' },
  { code: 'HM', label: 'hemophilia factor', text: 'Hemophilia clotting factor supplement' },
  { code: 'IP', label: 'incentive premium', text: 'Incentive premium payment' },
  { code: 'IR', label: 'IRS levy', text: 'IRS withholding (tax levy)' },
  { code: 'IS', label: 'interim settlement', text: 'Interim settlement' },
  { code: 'J1', label: 'non-reimbursable', text: 'Non-reimbursable: offsets amounts in this remit that are not to be paid' },
  { code: 'L3', label: 'penalty', text: 'Penalty' },
  { code: 'L6', label: 'interest', text: 'Interest paid to the provider (usually a negative amount)' },
  { code: 'LE', label: 'levy', text: 'Levy or garnishment' },
  { code: 'LS', label: 'lump sum', text: 'Lump sum' },
  { code: 'OA', label: 'organ acquisition', text: 'Organ acquisition pass-through' },
  { code: 'OB', label: 'affiliate offset', text: 'Offset for affiliated providers' },
  { code: 'PI', label: 'periodic interim', text: 'Periodic interim payment (PIP)' },
  { code: 'PL', label: 'final payment', text: 'Final payment' },
  { code: 'RA', label: 'retro adjustment', text: 'Retroactive adjustment' },
  { code: 'RE', label: 'return on equity', text: 'Return on equity' },
  { code: 'SL', label: 'student loan', text: 'Student loan repayment' },
  { code: 'TL', label: 'third party liability', text: 'Third party liability' },
  { code: 'WO', label: 'overpayment recovery', text: 'Overpayment recovery (recoupment); PLB03-2 usually holds the claim number' },
  { code: 'WU', label: 'unspecified recovery', text: 'Recovery of an unspecified kind' },
]);

// ---------------------------------------------------------------------------------------------------------

/** Every small list, for lookups by id (`element.codeList`) and for checks. */
export const SMALL_LISTS: readonly CodeList[] = [
  isaAuthQualifier,
  isaSecurityQualifier,
  interchangeIdQualifier,
  interchangeVersion,
  ackRequested,
  usageIndicator,
  interchangeAckCode,
  functionalId,
  responsibleAgency,
  versionCode,
  transactionSetId,
  bprHandling,
  creditDebit,
  paymentMethod,
  paymentFormat,
  dfiIdQualifier,
  accountQualifier,
  traceType,
  currencyEntity,
  entityIdentifier,
  entityType,
  idQualifier,
  perFunction,
  commQualifier,
  reportTransmission,
  claimStatus,
  claimFilingIndicator,
  groupCode,
  procedureQualifier,
  lqQualifier,
  refQualifier,
  dateQualifier,
  amtQualifier,
  qtyQualifier,
  yesNo,
  plbReason,
];

/** The small lists by id. */
export const SMALL_LISTS_BY_ID: ReadonlyMap<string, CodeList> = new Map(SMALL_LISTS.map((l) => [l.id, l]));

/**
 * Values that are NOT valid in a 5010 835 but show up in real files, with a short hint for the
 * `element-code` message: list id -> code -> why.
 */
export const RETIRED_CODE_HINTS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  [
    'groupCode',
    new Map([['CR', 'CR (corrections and reversals) was a 4010 group code; 5010 reverses with CLP02 = 22 and negated amounts']]),
  ],
  [
    'claimFilingIndicator',
    new Map([
      ['11', '11 (other non-federal program) is an 837 value, not in the 835 list'],
      ['BL', 'BL (Blue Cross/Blue Shield) is an 837 value, not in the 835 list'],
      ['CI', 'CI (commercial insurance) is an 837 value, not in the 835 list'],
      ['FI', 'FI (federal employees program) is an 837 value, not in the 835 list'],
    ]),
  ],
]);
