import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RARC, RARC_ENTRIES, isAlertRemark } from '../../../server/src/codes/rarc';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

describe('RARC code list', () => {
  test('has at least 250 codes, no duplicates, list id and name', () => {
    assert.ok(RARC.entries.size >= 250, `only ${RARC.entries.size} codes`);
    assert.equal(RARC_ENTRIES.length, RARC.entries.size, 'a code is declared twice');
    assert.equal(RARC.id, 'rarc');
    assert.equal(RARC.name, 'Remittance advice remark code');
  });

  test('every entry: key equals code, code shape, short non-empty own text', () => {
    for (const [key, info] of RARC.entries) {
      assert.equal(key, info.code);
      assert.match(info.code, /^(M|MA|N)\d+$/, info.code);
      assert.ok(info.text.trim().length > 0, `${info.code}: empty text`);
      assert.equal(info.text, info.text.trim(), `${info.code}: stray whitespace`);
      assert.ok(info.text.length <= 140, `${info.code}: text is ${info.text.length} characters`);
      // The official texts open most data-element codes with this slash form; ours never do.
      assert.ok(!/missing\/incomplete\/invalid/i.test(info.text), `${info.code}: official phrasing`);
    }
  });

  test('dates are real ISO dates and start <= stop', () => {
    for (const info of RARC.entries.values()) {
      if (info.start !== undefined) assert.ok(isRealDate(info.start), `${info.code}: start ${info.start}`);
      if (info.stop !== undefined) assert.ok(isRealDate(info.stop), `${info.code}: stop ${info.stop}`);
      if (info.start !== undefined && info.stop !== undefined) {
        assert.ok(info.start <= info.stop, `${info.code}: start ${info.start} after stop ${info.stop}`);
      }
    }
  });

  test('codes are declared in series order (M, MA, N) and numeric order within a series', () => {
    const rank = (c: string): [number, number] => {
      const m = /^(MA|M|N)(\d+)$/.exec(c);
      assert.ok(m, c);
      return [['M', 'MA', 'N'].indexOf(m[1] ?? ''), Number(m[2])];
    };
    for (let i = 1; i < RARC_ENTRIES.length; i++) {
      const [ps, pn] = rank(RARC_ENTRIES[i - 1]!.code);
      const [cs, cn] = rank(RARC_ENTRIES[i]!.code);
      assert.ok(ps < cs || (ps === cs && pn < cn), `${RARC_ENTRIES[i]!.code} is out of order`);
    }
  });

  test('the commonest remit codes are present', () => {
    const common = [
      'MA01',
      'MA04',
      'MA07',
      'MA18',
      'MA130',
      'MA133',
      'N4',
      'N19',
      'N20',
      'N30',
      'N56',
      'N95',
      'N115',
      'N130',
      'N290',
      'N362',
      'N381',
      'N386',
      'N432',
      'N480',
      'N517',
      'N522',
      'N657',
      'M15',
      'M20',
      'M25',
      'M51',
      'M76',
      'M77',
      'M80',
      'M86',
      'M127',
      'N211',
      'N386',
      'N425',
      'N620',
      'N640',
      'N704',
      'N706',
      'N781',
      'N807',
      'N811',
    ];
    for (const c of common) assert.ok(RARC.entries.has(c), `${c} missing`);
  });

  test('the M series covers M1-M144 and the MA series MA01-MA130 (with the known gaps)', () => {
    for (let n = 1; n <= 144; n++) assert.ok(RARC.entries.has(`M${n}`), `M${n} missing`);
    const maGaps = new Set([127]); // MA127 was only ever "reserved"
    for (let n = 1; n <= 130; n++) {
      const code = `MA${String(n).padStart(2, '0')}`;
      if (!maGaps.has(n)) assert.ok(RARC.entries.has(code), `${code} missing`);
    }
  });

  test('anchor codes carry sensible wording', () => {
    const t = (c: string): string => RARC.entries.get(c)?.text ?? '';
    assert.match(t('MA01'), /^Alert:/);
    assert.match(t('MA01'), /appeal/i);
    assert.match(t('MA01'), /120 days/);
    assert.match(t('N130'), /plan/i);
    assert.match(t('N130'), /benefit/i);
    assert.match(t('M15'), /bundled/i);
    assert.match(t('MA130'), /unprocessable/i);
    assert.match(t('MA130'), /new/i);
    assert.match(t('N362'), /units/i);
    assert.match(t('MA18'), /supplemental/i);
    assert.match(t('N211'), /cannot be appealed/i);
    assert.match(t('N115'), /LCD/);
    assert.match(t('N386'), /NCD/);
  });

  test('official descriptions are not copied', () => {
    const official = [
      // MA01
      'Alert: If you do not agree with what we approved for these services, you may appeal our decision',
      // MA130
      'Your claim contains incomplete and/or invalid information, and no appeal rights are afforded',
      // N130
      'Consult plan benefit documents/guidelines for information about restrictions for this service',
      // M15
      'Separately billed services/tests have been bundled as they are considered components of the same procedure',
      // N362
      'The number of Days or Units of Service exceeds our acceptable maximum',
    ];
    const norm = (s: string): string =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    for (const info of RARC.entries.values()) {
      for (const o of official) {
        assert.ok(!norm(info.text).includes(norm(o)), `${info.code} repeats an official description`);
        // Not even its opening words.
        assert.ok(!norm(info.text).startsWith(norm(o).split(' ').slice(0, 8).join(' ')), `${info.code} opens like one`);
      }
    }
  });

  test('alert flag agrees with the text, and isAlertRemark reads it', () => {
    for (const info of RARC.entries.values()) {
      assert.equal(info.alert === true, info.text.startsWith('Alert:'), `${info.code}: alert flag vs text`);
      assert.equal(isAlertRemark(info.code), info.alert === true, info.code);
    }
    assert.equal(isAlertRemark('MA01'), true);
    assert.equal(isAlertRemark('MA18'), true);
    assert.equal(isAlertRemark('N211'), true);
    assert.equal(isAlertRemark(' N620 '), true, 'surrounding spaces are ignored');
    assert.equal(isAlertRemark('M15'), false);
    assert.equal(isAlertRemark('N130'), false);
    assert.equal(isAlertRemark('MA130'), false);
    assert.equal(isAlertRemark('N9999'), false, 'unknown code');
    assert.equal(isAlertRemark(''), false);
  });

  test('retired codes carry a stop date; current common codes do not', () => {
    assert.equal(RARC.entries.get('N14')?.stop, '2007-10-01');
    assert.equal(RARC.entries.get('M33')?.stop, '2004-08-01');
    assert.equal(RARC.entries.get('MA101')?.stop, '2011-01-01');
    for (const c of ['MA01', 'MA130', 'M15', 'N130', 'N362', 'N290', 'N807']) {
      assert.equal(RARC.entries.get(c)?.stop, undefined, `${c} should be active`);
    }
    assert.equal(RARC.entries.get('M15')?.start, '1997-01-01');
    assert.equal(RARC.entries.get('N130')?.start, '2002-10-31');
  });
});
