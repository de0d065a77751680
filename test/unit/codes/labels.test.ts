import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CARC } from '../../../server/src/codes/carc';
import {
  amtQualifier,
  bprHandling,
  claimFilingIndicator,
  claimStatus,
  dateQualifier,
  entityIdentifier,
  groupCode,
  paymentMethod,
  plbReason,
  qtyQualifier,
  refQualifier,
  SMALL_LISTS,
} from '../../../server/src/codes/lists';
import { RARC } from '../../../server/src/codes/rarc';
import { shortLabel, type CodeInfo, type CodeList } from '../../../server/src/codes/types';

/**
 * Inlay hints print `code › label` after the codes an analyst reads (CAS reasons, CLP status and filing
 * indicator, qualifiers, PLB reasons...). A label is the gist at a glance: 1-3 words, short enough never
 * to be cut, and our own words.
 */

const ALL_LISTS: readonly CodeList[] = [CARC, RARC, ...SMALL_LISTS];

/** Capitalized words allowed inside a label: proper nouns (acronyms are all capitals and always allowed). */
const PROPER_NOUNS = new Set([
  'Medicare',
  'Medicaid',
  'Medigap',
  'Advantage',
  'Part',
  'Gramm-Rudman',
  'Canadian',
  'Blue',
  'Cross',
  'Shield',
  'Veterans',
  'Affairs',
  'Title',
]);

function labelled(list: CodeList): CodeInfo[] {
  return [...list.entries.values()].filter((e) => e.label !== undefined);
}

describe('inlay-hint labels', () => {
  test('every CARC has a label', () => {
    const missing = [...CARC.entries.values()].filter((e) => !e.label).map((e) => e.code);
    assert.deepEqual(missing, []);
  });

  test('every value of the lists inlay hints show has a label', () => {
    const shown = [
      groupCode,
      claimStatus,
      claimFilingIndicator,
      bprHandling,
      paymentMethod,
      dateQualifier,
      refQualifier,
      amtQualifier,
      qtyQualifier,
      entityIdentifier,
      plbReason,
    ];
    for (const list of shown) {
      const missing = [...list.entries.values()].filter((e) => !e.label).map((e) => e.code);
      assert.deepEqual(missing, [], `${list.id} has values without a label`);
    }
  });

  test('the common remark codes have labels (at least 150)', () => {
    const n = labelled(RARC).length;
    assert.ok(n >= 150, `only ${n} remark codes have a label`);
    for (const code of ['N130', 'MA01', 'N290', 'M15', 'N362', 'MA130', 'N4', 'M51']) {
      assert.ok(RARC.entries.get(code)?.label, `${code} has no label`);
    }
  });

  test('every label is 1-3 words, at most 24 characters, with no dots or ellipsis', () => {
    for (const list of ALL_LISTS) {
      for (const e of labelled(list)) {
        const label = e.label ?? '';
        const where = `${list.id} ${e.code}: '${label}'`;
        assert.ok(label.length >= 1 && label.length <= 24, `${where} is ${label.length} characters`);
        assert.match(label, /^[^.…]+$/, `${where} has a dot or ellipsis`);
        assert.equal(label, label.trim(), `${where} has stray spaces`);
        assert.doesNotMatch(label, /\s{2}/, `${where} has a double space`);
        assert.doesNotMatch(label, /[,;:!?]$/, `${where} ends with punctuation`);
        const words = label.split(' ');
        assert.ok(words.length <= 3, `${where} has ${words.length} words`);
      }
    }
  });

  test('labels are lowercase unless a word is an acronym or a proper noun', () => {
    for (const list of ALL_LISTS) {
      for (const e of labelled(list)) {
        for (const word of (e.label ?? '').split(' ')) {
          const capitalized = /^[A-Z][a-z]/.test(word);
          assert.ok(!capitalized || PROPER_NOUNS.has(word), `${list.id} ${e.code}: '${word}' in '${e.label}'`);
        }
      }
    }
  });

  test('anchors: the labels analysts read most', () => {
    assert.equal(CARC.entries.get('253')?.label, 'sequestration');
    assert.equal(CARC.entries.get('45')?.label, 'fee schedule');
    assert.equal(CARC.entries.get('2')?.label, 'coinsurance');
    assert.equal(CARC.entries.get('1')?.label, 'deductible');
    assert.equal(CARC.entries.get('3')?.label, 'copay');
    assert.equal(claimFilingIndicator.entries.get('MB')?.label, 'Medicare Part B');
    assert.equal(claimFilingIndicator.entries.get('16')?.label, 'Medicare Advantage');
    assert.equal(groupCode.entries.get('CO')?.label, 'contractual');
    assert.equal(groupCode.entries.get('PR')?.label, 'patient owes');
    assert.equal(groupCode.entries.get('OA')?.label, 'other adjustment');
    assert.equal(groupCode.entries.get('PI')?.label, 'payer initiated');
    assert.equal(dateQualifier.entries.get('472')?.label, 'service date');
    assert.equal(RARC.entries.get('N130')?.label, 'benefit limits');
  });

  test('shortLabel prefers the label over the text', () => {
    const info = CARC.entries.get('253');
    assert.ok(info);
    assert.equal(shortLabel(info), 'sequestration');
    assert.equal(shortLabel({ code: 'X', text: 'Plain words: more detail' }), 'Plain words');
  });
});
