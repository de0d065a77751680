import { componentDef, elementDef, SEGMENTS } from '../x835/dictionary';
import { Loop, type Model } from '../x835/types';

/**
 * What redaction replaces, and why. The line drawn: a shared 835 must not identify a patient, a
 * subscriber, their claims or a bank account; it keeps everything that explains the money and the
 * codes, and the organisations (payer, payee, providers), which are what a bug report is about.
 *
 * Replaced (with consistent fakes of the same shape):
 * - patients and subscribers: NM1 QC (patient), IL (insured), 74 (corrected name), GB (other subscriber),
 *   QD (responsible party), 03 (dependent): last, first and middle name, prefix and suffix (NM103-07) and
 *   identifier (NM109);
 * - their identifiers in REF (member and group ids, SSN, policy, medical record and authorization numbers,
 *   the payer's and the provider's references to the claim and the line: see PERSON_REFERENCES), and in a
 *   claim or service line every REF value whose qualifier is not known to name a provider or a code
 *   (KEPT_CLAIM_REFERENCES): an unexpected qualifier (`1K`, the payer's claim number) is a claim's id;
 * - tax ids and social security numbers wherever they identify someone: REF*TJ, N104 and NM109 after
 *   the qualifier FI (federal tax id) or 34 (SSN). A sole provider's tax id is their SSN;
 * - the claim's numbers: patient control number (CLP01) and payer claim control number (CLP07), and the
 *   same values wherever else they appear (PLB references, other free-text ids);
 * - PLB references (PLB03-2...): they name claims, often from earlier remits;
 * - a person's address (N3/N4 inside a claim: not in the 835 guide, but some feeds send one): street,
 *   city and postal code. The state (N402) is kept: HIPAA's Safe Harbor rule lists geographic units
 *   smaller than a state as identifiers, not the state;
 * - a contact outside the payer loop (PER in a claim: not in the 835 guide): its name and numbers
 *   (PER02, 04, 06, 08). The payer's own contacts (PER in 1000A) are the payer's offices and are kept;
 * - bank account numbers (BPR09 payer, BPR15 payee); routing numbers (BPR07, BPR13) are public and kept;
 * - everything inside segments the 835 does not define (a DMG with a date of birth, free text) and inside
 *   other transaction sets in the same file (an 837 carries full patient data), except their ST/SE;
 * - text outside any segment (junk before an ISA, an interchange whose ISA cannot be read).
 * Kept: amounts, codes, qualifiers, dates (service dates decide the sequestration rate: shifting them would
 * change the findings), envelopes and control numbers, payer and payee names, NPIs and addresses, provider
 * names and NPIs (public registries), payer contacts (PER in 1000A), trace numbers (TRN).
 */

/** NM101 roles that name a person whose data is protected. */
export const PERSON_ROLES: ReadonlySet<string> = new Set(['QC', 'IL', '74', 'GB', 'QD', '03']);

/** REF01 qualifiers whose REF02 identifies a patient, a subscriber, or their claim or service line. */
export const PERSON_REFERENCES: ReadonlySet<string> = new Set([
  '1L', // group or policy number
  '1W', // member identification number
  '28', // employee identification number
  '6P', // group number
  '9A',
  '9C', // repriced claim reference numbers
  'BB', // authorization number
  'EA', // medical record identification number
  'F8', // original reference number (the claim being corrected)
  'G1',
  'G3', // prior authorization, predetermination of benefits
  'IG', // insurance policy number
  'SY', // social security number
  'HN', // health insurance claim number (Medicare HICN)
  'Y4', // agency claim number
  '6R', // line item control number (often the patient account number plus a suffix)
  'NQ', // Medicaid recipient id
  '23', // client number
]);

/**
 * REF01 qualifiers a claim or service line may carry whose REF02 names a provider (license, UPIN, NPI-era
 * ids, location) or a code (class of contract, rate code, APC/APG, attachment, policy form), not a person
 * or a claim: kept. Any other REF value in a claim or a line is replaced.
 */
export const KEPT_CLAIM_REFERENCES: ReadonlySet<string> = new Set([
  '0B',
  '1A',
  '1B',
  '1C',
  '1D',
  '1G',
  '1H',
  '1J',
  'D3',
  'G2',
  'HPI',
  'LU', // rendering provider ids
  'CE',
  'RB',
  'APC',
  '1S',
  'E9',
  '0K', // class of contract, rate code, APC, APG, attachment code, policy form
]);

/** Id qualifiers (NM108, N103) whose identifier may be a person's: federal tax id (a sole provider's SSN), SSN. */
export const TAX_ID_QUALIFIERS: ReadonlySet<string> = new Set(['FI', '34']);

/** Envelope segments: never redacted (control numbers must keep matching; they identify no one). */
export const ENVELOPE: ReadonlySet<string> = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'TA1']);

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/** An element (k, 1-based; 0 is the id) or one component (c, 0-based) of an element to replace. */
export interface Target {
  readonly k: number;
  readonly c?: number;
}

const elems = (...ks: number[]): Target[] => ks.map((k) => ({ k }));
const PLB_REFERENCES: Target[] = [3, 5, 7, 9, 11, 13].map((k) => ({ k, c: 1 }));

/** The parts of segment i the policy replaces (elements past the segment's end are simply absent). */
export function targetsOf(model: Model, i: number, count: number): Target[] {
  const t = model.tokens;
  const id = t.id(i);
  if (ENVELOPE.has(id)) return [];
  const loop = model.segLoop[i] as Loop;
  if (loop === Loop.Foreign || !SEGMENTS.has(id)) {
    const all = Array.from({ length: count - 1 }, (_, j) => ({ k: j + 1 }));
    // An id that is not an id (free text read as a segment) is data too.
    return SEGMENT_ID.test(id) ? all : [{ k: 0 }, ...all];
  }
  const qualifier = t.element(i, 1).trim().toUpperCase();
  const inClaim = loop === Loop.Claim || loop === Loop.ServiceLine;
  const qualifierAt = (k: number) => (k < count ? t.element(i, k).trim().toUpperCase() : '');
  switch (id) {
    case 'NM1': {
      if (PERSON_ROLES.has(qualifier)) return elems(3, 4, 5, 6, 7, 9);
      return TAX_ID_QUALIFIERS.has(qualifierAt(8)) ? elems(9) : [];
    }
    case 'N1':
      return TAX_ID_QUALIFIERS.has(qualifierAt(3)) ? elems(4) : [];
    case 'REF': {
      if (PERSON_REFERENCES.has(qualifier)) return elems(2, 3);
      if (qualifier === 'TJ') return elems(2);
      return inClaim && !KEPT_CLAIM_REFERENCES.has(qualifier) ? elems(2, 3) : [];
    }
    case 'PER':
      return loop === Loop.Payer ? [] : elems(2, 4, 6, 8);
    case 'CLP':
      return elems(1, 7);
    case 'PLB':
      return PLB_REFERENCES;
    case 'BPR':
      return elems(9, 15);
    case 'N3':
      return inClaim ? elems(1, 2) : [];
    case 'N4':
      return inClaim ? elems(1, 3) : [];
    default:
      return [];
  }
}

/**
 * Is element k (component c) free text that may repeat a replaced value elsewhere (an id quoted in a
 * PLB or a REF)? Coded values, numbers and dates never are: they are left alone by the sweep.
 */
export function mayQuoteValues(id: string, k: number, c: number | undefined): boolean {
  if (ENVELOPE.has(id) || k === 0) return false;
  const def = c === undefined ? elementDef(id, k) : componentDef(id, k, c + 1);
  if (!def) return c === undefined; // past the defined elements: free text
  return def.type === 'AN' && !def.codeList;
}
