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
  { code: '00', text: 'No authorization information: ISA02 is blank (spaces)' },
  { code: '03', text: 'Additional data identification: ISA02 carries an agreed value' },
]);

/** ISA03. */
export const isaSecurityQualifier = codeList('isaSecurityQualifier', 'Security information qualifier (ISA03)', [
  { code: '00', text: 'No security information: ISA04 is blank (spaces)' },
  { code: '01', text: 'Password: ISA04 carries a password agreed between the partners' },
]);

/** ISA05 and ISA07. */
export const interchangeIdQualifier = codeList('interchangeIdQualifier', 'Interchange id qualifier (ISA05, ISA07)', [
  { code: '01', text: 'Dun & Bradstreet (DUNS) number' },
  { code: '14', text: 'DUNS number with a four-character suffix' },
  { code: '20', text: 'Health Industry Number (HIN)' },
  { code: '27', text: 'Carrier id assigned by CMS (Medicare carrier / MAC)' },
  { code: '28', text: 'Fiscal intermediary id assigned by CMS' },
  { code: '29', text: 'Medicare provider or supplier id assigned by CMS' },
  { code: '30', text: 'US federal tax id (EIN)' },
  { code: '33', text: 'NAIC company code (insurers)' },
  { code: 'ZZ', text: 'Mutually defined: an id the trading partners agreed on' },
]);

/** ISA12. */
export const interchangeVersion = codeList('interchangeVersion', 'Interchange control version (ISA12)', [
  { code: '00501', text: 'Version 5010 envelope (a 4010 file has 00401 here)' },
]);

/** ISA14. */
export const ackRequested = codeList('ackRequested', 'Acknowledgment requested (ISA14)', [
  { code: '0', text: 'No interchange acknowledgment (TA1) wanted' },
  { code: '1', text: 'Sender asks for an interchange acknowledgment (TA1)' },
]);

/** ISA15. */
export const usageIndicator = codeList('usageIndicator', 'Usage indicator (ISA15)', [
  { code: 'P', text: 'Production data: real payments, post it' },
  { code: 'T', text: 'Test data: do not post' },
]);

/** TA104 (an interchange acknowledgment, rare inside an 835 file). */
export const interchangeAckCode = codeList('interchangeAckCode', 'Interchange acknowledgment code (TA104)', [
  { code: 'A', text: 'Interchange accepted, no errors' },
  { code: 'E', text: 'Interchange accepted, with errors noted in TA105' },
  { code: 'R', text: 'Interchange rejected' },
]);

/** GS01. */
export const functionalId = codeList('functionalId', 'Functional identifier (GS01)', [
  { code: 'HP', text: 'Health care claim payment/advice: the group holds 835s' },
]);

/** GS07. */
export const responsibleAgency = codeList('responsibleAgency', 'Responsible agency (GS07)', [
  { code: 'X', text: 'ASC X12, the body that maintains the standard' },
]);

/** GS08 and ST03. */
export const versionCode = codeList('versionCode', 'Implementation guide version (GS08, ST03)', [
  { code: '005010X221A1', text: '835 guide for version 5010, with its errata (A1): the HIPAA-mandated version' },
]);

/** ST01. */
export const transactionSetId = codeList('transactionSetId', 'Transaction set id (ST01)', [
  { code: '835', text: 'Health care claim payment/advice (remittance)' },
]);

// ---------------------------------------------------------------------------------------------------------
// Header: payment, trace, currency

/** BPR01. */
export const bprHandling = codeList('bprHandling', 'Transaction handling (BPR01)', [
  { code: 'C', text: 'Payment and remittance detail travel together' },
  { code: 'D', text: 'Payment only: the remittance detail is sent separately' },
  { code: 'H', text: 'Notification only: no money moves (for example, everything was denied)' },
  { code: 'I', text: 'Remittance detail only: the money moves separately' },
  { code: 'P', text: 'Prenotification of a future funds transfer' },
  { code: 'U', text: 'Payment and detail split: each goes its own way' },
  { code: 'X', text: 'Payment and detail split at the option of the handling bank' },
]);

/** BPR03. */
export const creditDebit = codeList('creditDebit', 'Credit or debit (BPR03)', [
  { code: 'C', text: 'Credit: money goes to the provider' },
  { code: 'D', text: 'Debit: money is taken from the provider' },
]);

/** BPR04. */
export const paymentMethod = codeList('paymentMethod', 'Payment method (BPR04)', [
  { code: 'ACH', text: 'Electronic funds transfer through the ACH network' },
  { code: 'BOP', text: 'Financial institution option: the bank picks how to pay' },
  { code: 'CHK', text: 'Paper check' },
  { code: 'FWT', text: 'Federal Reserve wire transfer' },
  { code: 'NON', text: 'No payment: information only' },
]);

/** BPR05. */
export const paymentFormat = codeList('paymentFormat', 'Payment format (BPR05)', [
  { code: 'CCP', text: 'ACH CCD+ format: one addenda record carrying the trace number (TRN)' },
  { code: 'CTX', text: 'ACH CTX format: the remittance travels with the payment' },
]);

/** BPR06 and BPR12. */
export const dfiIdQualifier = codeList('dfiIdQualifier', 'Bank id qualifier (BPR06, BPR12)', [
  { code: '01', text: 'US bank routing (ABA transit) number, nine digits with check digit' },
  { code: '04', text: 'Canadian bank branch and institution number' },
]);

/** BPR08 (DA only) and BPR14 (DA or SG). */
export const accountQualifier = codeList('accountQualifier', 'Bank account type (BPR08, BPR14)', [
  { code: 'DA', text: 'Demand deposit (checking) account' },
  { code: 'SG', text: 'Savings account (receiver side, BPR14, only)' },
]);

/** TRN01. */
export const traceType = codeList('traceType', 'Trace type (TRN01)', [
  { code: '1', text: 'Trace numbers of this transaction (check or EFT number in TRN02)' },
]);

/** CUR01. */
export const currencyEntity = codeList('currencyEntity', 'Currency entity (CUR01)', [
  { code: 'PR', text: 'Payer: the currency is the one the payer pays in' },
]);

// ---------------------------------------------------------------------------------------------------------
// Parties: N1, NM1, PER, RDM

/** N101 (PR, PE) and NM101 (QC, IL, 74, 82, TT, PR, GB). */
export const entityIdentifier = codeList('entityIdentifier', 'Entity role (N101, NM101)', [
  { code: 'PR', text: 'Payer: in N1 the payer of this remit; in NM1 the payer this payer believes is primary' },
  { code: 'PE', text: 'Payee: who receives the payment' },
  { code: 'QC', text: 'Patient' },
  { code: 'IL', text: 'Insured or subscriber, when not the patient' },
  { code: '74', text: 'Corrected insured: the payer changed the name or id that was billed' },
  { code: '82', text: 'Rendering provider, when different from the payee' },
  { code: 'TT', text: 'Crossover carrier: the payer the claim was forwarded to' },
  { code: 'GB', text: 'Other subscriber (another insured person on the claim)' },
]);

/** NM102. */
export const entityType = codeList('entityType', 'Entity type (NM102)', [
  { code: '1', text: 'A person' },
  { code: '2', text: 'An organization' },
]);

/** N103 and NM108: union of the values the guide allows in the 835. */
export const idQualifier = codeList('idQualifier', 'Identifier qualifier (N103, NM108)', [
  { code: 'XV', text: 'CMS health plan id (payer, payee, crossover or priority payer)' },
  { code: 'XX', text: 'National Provider Identifier (NPI)' },
  { code: 'FI', text: 'Federal tax id (EIN or SSN used as tax id)' },
  { code: 'PI', text: 'Payer id (crossover or priority payer)' },
  { code: 'MI', text: 'Member id assigned by the plan' },
  { code: '34', text: 'Social Security number (patient)' },
  { code: 'HN', text: 'Medicare health insurance claim number (old HICN, patient)' },
  { code: 'II', text: 'National unique health id for individuals (defined but never issued)' },
  { code: 'MR', text: 'Medicaid recipient id (patient)' },
  { code: 'C', text: 'Corrected insured id: the id the payer has on file (NM1*74)' },
  { code: 'BD', text: 'Blue Cross provider number (rendering provider)' },
  { code: 'BS', text: 'Blue Shield provider number (rendering provider)' },
  { code: 'MC', text: 'Medicaid provider number (rendering provider)' },
  { code: 'PC', text: 'Provider number assigned by a commercial payer (rendering provider)' },
  { code: 'SL', text: 'State license number (rendering provider)' },
  { code: 'UP', text: 'Unique physician id (UPIN, retired by Medicare)' },
  { code: 'AD', text: 'Blue Cross Blue Shield Association plan code (crossover or priority payer)' },
  { code: 'NI', text: 'NAIC insurer code (crossover or priority payer)' },
  { code: 'PP', text: 'Pharmacy processor number (crossover or priority payer)' },
]);

/** PER01. */
export const perFunction = codeList('perFunction', 'Contact role (PER01)', [
  { code: 'CX', text: 'Payer claims office: whom to call about a claim or this payment' },
  { code: 'BL', text: 'Payer technical department: whom to call about the EDI file itself' },
  { code: 'IC', text: 'Information contact: the payer web site (PER03 UR)' },
]);

/** PER03, PER05, PER07. */
export const commQualifier = codeList('commQualifier', 'Contact number type (PER03, PER05, PER07)', [
  { code: 'TE', text: 'Telephone number' },
  { code: 'EM', text: 'E-mail address' },
  { code: 'FX', text: 'Fax number' },
  { code: 'UR', text: 'Web address (URL)' },
  { code: 'EX', text: 'Telephone extension of the number before it' },
]);

/** RDM01. */
export const reportTransmission = codeList('reportTransmission', 'Remittance delivery method (RDM01)', [
  { code: 'BM', text: 'By mail: the detail comes on paper' },
  { code: 'EM', text: 'By e-mail (address in RDM03)' },
  { code: 'FT', text: 'By file transfer' },
  { code: 'OL', text: 'On line: the provider fetches it from a portal (address in RDM03)' },
]);

// ---------------------------------------------------------------------------------------------------------
// Claim and service line

/** CLP02: the 835 subset of claim status codes. */
export const claimStatus = codeList('claimStatus', 'Claim status (CLP02)', [
  { code: '1', text: 'Processed as primary payer' },
  { code: '2', text: 'Processed as secondary payer' },
  { code: '3', text: 'Processed as tertiary payer' },
  { code: '4', text: 'Denied: nothing paid on the claim' },
  { code: '19', text: 'Processed as primary and forwarded to another payer (crossover)' },
  { code: '20', text: 'Processed as secondary and forwarded to another payer' },
  { code: '21', text: 'Processed as tertiary and forwarded to another payer' },
  { code: '22', text: 'Reversal of an earlier payment: amounts are negated' },
  { code: '23', text: 'Not this payer\'s claim: forwarded to another payer' },
  { code: '25', text: 'Predetermination: priced only, no payment' },
]);

/** CLP06: the 835 list (shorter than the 837's: no 11, BL, CI or FI). */
export const claimFilingIndicator = codeList('claimFilingIndicator', 'Claim filing indicator (CLP06)', [
  { code: '12', text: 'Preferred provider organization (PPO)' },
  { code: '13', text: 'Point of service plan (POS)' },
  { code: '14', text: 'Exclusive provider organization (EPO)' },
  { code: '15', text: 'Indemnity insurance' },
  { code: '16', text: 'HMO Medicare risk plan (Medicare Advantage), not fee-for-service Medicare' },
  { code: '17', text: 'Dental maintenance organization' },
  { code: 'AM', text: 'Automobile medical coverage' },
  { code: 'CH', text: 'CHAMPUS, now TRICARE (military health)' },
  { code: 'DS', text: 'Disability coverage' },
  { code: 'HM', text: 'Health maintenance organization (HMO)' },
  { code: 'LM', text: 'Liability medical coverage' },
  { code: 'MA', text: 'Medicare Part A (fee-for-service, institutional)' },
  { code: 'MB', text: 'Medicare Part B (fee-for-service, professional, DME)' },
  { code: 'MC', text: 'Medicaid' },
  { code: 'OF', text: 'Other federal program' },
  { code: 'TV', text: 'Title V (maternal and child health)' },
  { code: 'VA', text: 'Veterans Affairs plan' },
  { code: 'WC', text: 'Workers\' compensation' },
  { code: 'ZZ', text: 'Mutually defined or unknown' },
]);

/**
 * CAS01: the four group codes of 5010. `CR` (corrections and reversals) existed up to 4010 and is NOT valid
 * in 5010: reversals use CLP02 = 22 with negated amounts instead (see RETIRED_CODE_HINTS).
 */
export const groupCode = codeList('groupCode', 'Claim adjustment group (CAS01)', [
  { code: 'CO', text: 'Contractual obligation: the provider writes it off and may not bill the patient' },
  { code: 'OA', text: 'Other adjustment: neither contractual nor patient (e.g. prior payer paid, duplicate)' },
  { code: 'PI', text: 'Payer-initiated reduction: no contract basis, and the patient is not liable' },
  { code: 'PR', text: 'Patient responsibility: may be billed to the patient or a secondary payer' },
]);

/** SVC01-1 (all values) and SVC06-1 (all but N6 and UI). */
export const procedureQualifier = codeList('procedureQualifier', 'Procedure code type (SVC01-1, SVC06-1)', [
  { code: 'AD', text: 'ADA dental procedure code (CDT)' },
  { code: 'ER', text: 'Jurisdiction-specific code (e.g. a state workers\' compensation fee schedule)' },
  { code: 'HC', text: 'HCPCS code, which includes CPT' },
  { code: 'HP', text: 'HIPPS rate code (skilled nursing, home health, rehab facilities)' },
  { code: 'IV', text: 'Home infusion (HIEC) product or service code' },
  { code: 'N4', text: 'National Drug Code, 5-4-2 digit layout (11 digits)' },
  { code: 'N6', text: 'National Drug Code, 4-4-2 digit layout (SVC01 only)' },
  { code: 'NU', text: 'NUBC revenue code: the line was paid by revenue code alone' },
  { code: 'UI', text: 'UPC consumer package code (SVC01 only)' },
  { code: 'WK', text: 'ABC code for complementary and alternative medicine' },
]);

/** LQ01. */
export const lqQualifier = codeList('lqQualifier', 'Remark code type (LQ01)', [
  { code: 'HE', text: 'LQ02 is a remittance advice remark code (RARC)' },
  { code: 'RX', text: 'LQ02 is an NCPDP pharmacy reject or payment code' },
]);

/** REF01: union over every REF of the 835 (header, 1000A, 1000B, 2100, 2110). */
export const refQualifier = codeList('refQualifier', 'Reference type (REF01)', [
  // Header
  { code: 'EV', text: 'Receiver id, when the remit goes to someone other than the payee (header)' },
  { code: 'F2', text: 'Version of the payer\'s adjudication or remit system (header)' },
  // 1000A payer
  { code: '2U', text: 'Payer id number (payer loop)' },
  { code: 'EO', text: 'Submitter id of the payer (payer loop)' },
  { code: 'HI', text: 'Health Industry Number (payer loop)' },
  { code: 'NF', text: 'NAIC insurer code (payer loop)' },
  // 1000B payee, and provider ids in 2100 / 2110
  { code: 'TJ', text: 'Federal tax id (payee loop, or rendering provider on a line)' },
  { code: 'PQ', text: 'Payee id assigned by the payer (payee loop)' },
  { code: '0B', text: 'State license number (payee or rendering provider)' },
  { code: 'D3', text: 'NCPDP pharmacy number (payee or rendering provider)' },
  // 2100 other claim ids
  { code: '1L', text: 'Group or policy number (claim)' },
  { code: '1W', text: 'Member id (claim)' },
  { code: '28', text: 'Employee id (claim)' },
  { code: '6P', text: 'Group number (claim)' },
  { code: '9A', text: 'Repricer\'s claim reference number (claim)' },
  { code: '9C', text: 'Repricer\'s reference for an adjusted claim (claim)' },
  { code: 'BB', text: 'Authorization number (claim or line)' },
  { code: 'CE', text: 'Class of contract code (claim)' },
  { code: 'EA', text: 'Medical record number (claim)' },
  { code: 'F8', text: 'Original reference: the payer claim number being adjusted or replaced (claim)' },
  { code: 'G1', text: 'Prior authorization number (claim or line)' },
  { code: 'G3', text: 'Predetermination of benefits id (claim or line)' },
  { code: 'IG', text: 'Insurance policy number (claim)' },
  { code: 'SY', text: 'Social Security number (claim, or rendering provider on a line)' },
  // 2100 / 2110 rendering provider ids
  { code: '1A', text: 'Blue Cross provider number (rendering provider)' },
  { code: '1B', text: 'Blue Shield provider number (rendering provider)' },
  { code: '1C', text: 'Medicare provider number (rendering provider)' },
  { code: '1D', text: 'Medicaid provider number (rendering provider)' },
  { code: '1G', text: 'Provider UPIN (rendering provider)' },
  { code: '1H', text: 'CHAMPUS / TRICARE provider id (rendering provider)' },
  { code: '1J', text: 'Facility id number (rendering provider)' },
  { code: 'G2', text: 'Provider number assigned by a commercial payer (rendering provider)' },
  { code: 'HPI', text: 'National Provider Identifier (rendering provider on a line)' },
  { code: 'LU', text: 'Location number (rendering provider, or service line)' },
  // 2110 service ids
  { code: '1S', text: 'Ambulatory patient group (APG) number (line)' },
  { code: 'APC', text: 'Ambulatory payment classification (APC) (line)' },
  { code: 'E9', text: 'Attachment code (line)' },
  { code: 'RB', text: 'Rate code number (line)' },
  { code: '6R', text: 'Line item control number the provider sent on the claim: match the line with it' },
  { code: '0K', text: 'Payer policy id that drove the adjustment on this line' },
]);

/** DTM01: union over every DTM of the 835. */
export const dateQualifier = codeList('dateQualifier', 'Date type (DTM01)', [
  { code: '405', text: 'Production date: end of the adjudication cycle behind this remit (header)' },
  { code: '232', text: 'Claim statement period start (claim)' },
  { code: '233', text: 'Claim statement period end, or discharge date (claim)' },
  { code: '036', text: 'Coverage expiration date: coverage ended then (claim)' },
  { code: '050', text: 'Date the payer received the claim (claim)' },
  { code: '472', text: 'Service date (line)' },
  { code: '150', text: 'Service period start (line)' },
  { code: '151', text: 'Service period end (line)' },
]);

/** AMT01: union of the claim (2100) and service line (2110) values. */
export const amtQualifier = codeList('amtQualifier', 'Amount type (AMT01)', [
  // 2100
  { code: 'AU', text: 'Covered charges: the part of the billed amount the payer covers (claim)' },
  { code: 'D8', text: 'Discount, such as a prompt-payment discount (claim)' },
  { code: 'DY', text: 'Per-day limit (claim)' },
  { code: 'F5', text: 'Amount the patient already paid (claim)' },
  { code: 'I', text: 'Interest on this claim; the money itself usually travels in PLB L6 (claim)' },
  { code: 'NL', text: 'Negative ledger balance carried for this claim (claim)' },
  // both
  { code: 'T', text: 'Tax (claim or line)' },
  { code: 'T2', text: 'Total before taxes (claim or line)' },
  { code: 'ZK', text: 'Federal Medicare or Medicaid payment mandate, category 1' },
  { code: 'ZL', text: 'Federal Medicare or Medicaid payment mandate, category 2' },
  { code: 'ZM', text: 'Federal Medicare or Medicaid payment mandate, category 3' },
  { code: 'ZN', text: 'Federal Medicare or Medicaid payment mandate, category 4' },
  { code: 'ZO', text: 'Federal Medicare or Medicaid payment mandate, category 5' },
  // 2110
  { code: 'B6', text: 'Allowed amount for the line (line)' },
  { code: 'KH', text: 'Deduction, such as a late-filing reduction (line)' },
]);

/** QTY01: union of the claim (2100) and service line (2110) values. */
export const qtyQualifier = codeList('qtyQualifier', 'Quantity type (QTY01)', [
  { code: 'CA', text: 'Covered days, actual (claim)' },
  { code: 'CD', text: 'Coinsurance days, actual (claim)' },
  { code: 'LA', text: 'Lifetime reserve days used, actual (claim)' },
  { code: 'LE', text: 'Lifetime reserve days, estimated (claim)' },
  { code: 'NE', text: 'Non-covered days, estimated (claim)' },
  { code: 'NR', text: 'Blood units not replaced (claim)' },
  { code: 'OU', text: 'Outlier days (claim)' },
  { code: 'PS', text: 'Number of prescriptions (claim)' },
  { code: 'VS', text: 'Number of visits (claim)' },
  { code: 'ZK', text: 'Federal Medicare or Medicaid payment mandate, category 1 (claim or line)' },
  { code: 'ZL', text: 'Federal Medicare or Medicaid payment mandate, category 2 (claim or line)' },
  { code: 'ZM', text: 'Federal Medicare or Medicaid payment mandate, category 3 (claim or line)' },
  { code: 'ZN', text: 'Federal Medicare or Medicaid payment mandate, category 4 (claim or line)' },
  { code: 'ZO', text: 'Federal Medicare or Medicaid payment mandate, category 5 (claim or line)' },
]);

/** CLP14 (not used in this guide, listed for completeness). */
export const yesNo = codeList('yesNo', 'Yes or no', [
  { code: 'Y', text: 'Yes' },
  { code: 'N', text: 'No' },
]);

// ---------------------------------------------------------------------------------------------------------
// Summary: provider level adjustments

/** PLB03-1 (and -1 of PLB05, 07, 09, 11, 13): the 41 reason codes of 5010. */
export const plbReason = codeList('plbReason', 'Provider adjustment reason (PLB03-1)', [
  { code: '50', text: 'Late charge, such as a late filing or late cost report penalty' },
  { code: '51', text: 'Interest penalty charged to the provider' },
  { code: '72', text: 'Authorized return: credits money the provider refunded' },
  { code: '90', text: 'Early payment allowance' },
  { code: 'AH', text: 'Origination fee not tied to a claim' },
  { code: 'AM', text: 'Applied to the borrower\'s account (loan repayment)' },
  { code: 'AP', text: 'Accelerated payment, or its recovery (the sign tells which)' },
  { code: 'B2', text: 'Rebate: excess the provider sent back is returned' },
  { code: 'B3', text: 'Recovery allowance' },
  { code: 'BD', text: 'Bad debt adjustment' },
  { code: 'BN', text: 'Bonus payment' },
  { code: 'C5', text: 'Temporary allowance' },
  { code: 'CR', text: 'Capitation interest' },
  { code: 'CS', text: 'General adjustment: PLB03-2 says what it is' },
  { code: 'CT', text: 'Capitation payment' },
  { code: 'CV', text: 'Capital pass-through' },
  { code: 'CW', text: 'Nurse anesthetist (CRNA) pass-through' },
  { code: 'DM', text: 'Direct medical education pass-through' },
  { code: 'E3', text: 'Withholding' },
  { code: 'FB', text: 'Forwarding balance: a debit carried to or recovered from another remit' },
  { code: 'FC', text: 'Fund allocation' },
  { code: 'GO', text: 'Graduate medical education pass-through' },
  { code: 'HM', text: 'Hemophilia clotting factor supplement' },
  { code: 'IP', text: 'Incentive premium payment' },
  { code: 'IR', text: 'IRS withholding (tax levy)' },
  { code: 'IS', text: 'Interim settlement' },
  { code: 'J1', text: 'Non-reimbursable: offsets amounts in this remit that are not to be paid' },
  { code: 'L3', text: 'Penalty' },
  { code: 'L6', text: 'Interest paid to the provider (usually a negative amount)' },
  { code: 'LE', text: 'Levy or garnishment' },
  { code: 'LS', text: 'Lump sum' },
  { code: 'OA', text: 'Organ acquisition pass-through' },
  { code: 'OB', text: 'Offset for affiliated providers' },
  { code: 'PI', text: 'Periodic interim payment (PIP)' },
  { code: 'PL', text: 'Final payment' },
  { code: 'RA', text: 'Retroactive adjustment' },
  { code: 'RE', text: 'Return on equity' },
  { code: 'SL', text: 'Student loan repayment' },
  { code: 'TL', text: 'Third party liability' },
  { code: 'WO', text: 'Overpayment recovery (recoupment); PLB03-2 usually holds the claim number' },
  { code: 'WU', text: 'Recovery of an unspecified kind' },
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
  ['groupCode', new Map([
    ['CR', 'CR (corrections and reversals) was a 4010 group code; 5010 reverses with CLP02 = 22 and negated amounts'],
  ])],
  ['claimFilingIndicator', new Map([
    ['11', '11 (other non-federal program) is an 837 value, not in the 835 list'],
    ['BL', 'BL (Blue Cross/Blue Shield) is an 837 value, not in the 835 list'],
    ['CI', 'CI (commercial insurance) is an 837 value, not in the 835 list'],
    ['FI', 'FI (federal employees program) is an 837 value, not in the 835 list'],
  ])],
]);
