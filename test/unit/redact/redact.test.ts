import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { redact } from '../../../server/src/redact/redact';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { tokenize } from '../../../server/src/x12/tokenizer';
import { isa, medicareFile } from '../../helpers/fragments';
import { sampleFiles } from '../fuzz/kit';

const ROOT = join(__dirname, '../../..');
const SALT = 'test-salt';

const redacted = (text: string, salt = SALT): string => {
  const r = redact(text, { salt });
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.text;
};

/** Findings as codes, ranges and severities (messages may quote values, which redaction changes). */
const findingsOf = (text: string) =>
  analyze(text, DEFAULT_SETTINGS).findings.map((f) => `${f.code} ${f.start}-${f.end} ${f.severity ?? ''}`);

/** Every element and component value of a text, for "is this value still anywhere?" checks. */
function valuesOf(text: string): Set<string> {
  const t = tokenize(text);
  const out = new Set<string>();
  for (let i = 0; i < t.count; i++) {
    for (let k = 0; k < t.elementCount(i); k++) {
      const v = t.element(i, k);
      out.add(v);
      for (const c of v.split(t.delimitersOf(i).component)) out.add(c);
    }
  }
  return out;
}

/**
 * The values that identify people and claims, found independently of the redaction code: names and ids of
 * patients and subscribers (NM1 QC, IL, 74, GB), member ids and SSNs (REF 1W, SY, EA), claim numbers (CLP01, CLP07).
 */
function peopleAndClaims(text: string): Set<string> {
  const t = tokenize(text);
  const out = new Set<string>();
  for (let i = 0; i < t.count; i++) {
    const [id, q] = [t.id(i), t.element(i, 1)];
    const pick = (...ks: number[]) =>
      ks.forEach((k) => {
        const v = t.element(i, k).trim();
        if (v.length >= 2) out.add(v);
      });
    if (id === 'NM1' && ['QC', 'IL', '74', 'GB'].includes(q)) pick(3, 4, 9);
    if (id === 'REF' && ['1W', 'SY', 'EA'].includes(q)) pick(2);
    if (id === 'CLP') pick(1, 7);
  }
  return out;
}

/** Every fixture we have: examples, public corpus, e2e workspace files, fuzz regressions. */
function fixtures(): Array<{ name: string; text: string }> {
  const out = sampleFiles(Infinity);
  for (const dir of ['test/e2e/fixtures/ws', 'test/fixtures']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(ROOT, dir), { recursive: true }).map(String);
    } catch {
      continue;
    }
    for (const n of names.filter((x) => /\.(835|edi|txt)$/.test(x)).sort())
      out.push({ name: `${dir}/${n}`, text: readFileSync(join(ROOT, dir, n), 'utf8') });
  }
  return out;
}

const PLB_FILE = (() => {
  const text = medicareFile()
    .replace(
      'NM1*QC*1*DOE*JANE****MI*ABC123',
      'NM1*QC*1*DOE*JANE****MI*ABC123~NM1*IL*1*DOE*JANE*Q***MI*ABC123~REF*1W*ABC123~REF*EA*MRN4455~REF*CE*GOLDPLAN',
    )
    .replace('SE*14*0001', 'PLB*1234567893*20241231*WO:PAYERCN001*0~SE*18*0001');
  return text;
})();

describe('redaction for sharing', () => {
  test('every fixture reproduces exactly the same findings (codes, ranges, severities) after redaction', () => {
    const all = fixtures();
    assert.ok(all.length >= 20, `fixtures found: ${all.length}`);
    for (const f of all) assert.deepEqual(findingsOf(redacted(f.text)), findingsOf(f.text), f.name);
  });

  test('no patient or subscriber name, member id or claim number survives anywhere in the output', () => {
    for (const f of fixtures()) {
      const out = redacted(f.text);
      const values = valuesOf(out);
      for (const v of peopleAndClaims(f.text)) {
        if (!/[A-Za-z0-9]/.test(v)) continue; // blanks and punctuation identify no one
        assert.ok(!values.has(v), `${f.name}: "${v}" is still an element value`);
        // Identifiers must not survive even inside other text; names may (a patient SMITH at the SMITH
        // FAMILY CLINIC), and short numbers occur inside others by chance.
        const identifier = /\d/.test(v) && /[A-Za-z]/.test(v) ? v.length >= 5 : /^\d+$/.test(v) && v.length >= 10;
        if (identifier) assert.ok(!out.includes(v), `${f.name}: "${v}" still occurs in the text`);
      }
    }
  });

  test('patient, insured, member id, medical record and claim numbers are replaced; payer, payee, codes and amounts are kept', () => {
    const out = redacted(PLB_FILE);
    for (const gone of ['DOE', 'JANE', 'ABC123', 'MRN4455', 'PCN001', 'PAYERCN001', '654321', '123456'])
      assert.ok(!valuesOf(out).has(gone), `${gone} replaced`);
    for (const kept of [
      'MEDICARE PART B CONTRACTOR',
      'CLINIC',
      '1234567893',
      'GOLDPLAN',
      'CAS*CO*45*100**253*1.6',
      'SVC*HC:99213*200*78.4**1',
      'DTM*472*20240102',
      'BPR*I*78.40*C*ACH*CCP*01*999999999*DA*',
    ]) {
      assert.ok(out.includes(kept), `${kept} kept`);
    }
  });

  test('the same original gets the same fake everywhere in the file: patient = insured, CLP07 = its PLB reference', () => {
    const t = tokenize(redacted(PLB_FILE));
    const seg = (id: string, q?: string) => {
      for (let i = 0; i < t.count; i++) if (t.id(i) === id && (q === undefined || t.element(i, 1) === q)) return i;
      return -1;
    };
    const qc = seg('NM1', 'QC');
    const il = seg('NM1', 'IL');
    assert.equal(t.element(il, 3), t.element(qc, 3));
    assert.equal(t.element(il, 4), t.element(qc, 4));
    assert.equal(t.element(il, 9), t.element(qc, 9));
    assert.equal(t.element(seg('REF', '1W'), 2), t.element(qc, 9), 'member id in REF*1W = NM109');
    assert.equal(t.components(seg('PLB'), 3)[1], t.element(seg('CLP'), 7), 'PLB reference = CLP07');
  });

  test('fakes keep length and shape: digits stay digits, letters stay letters, punctuation and spaces stay', () => {
    const text = medicareFile().replace('NM1*QC*1*DOE*JANE****MI*ABC123', "NM1*QC*1*O'BRIEN-SMITH*MARY ANN*Q***MI*1EG4-TE5-MK72");
    const out = redacted(text);
    assert.equal(out.length, text.length);
    const nm1 = tokenize(out);
    const i = Array.from({ length: nm1.count }, (_, k) => k).find((k) => nm1.id(k) === 'NM1')!;
    assert.match(nm1.element(i, 3), /^[A-Z]'[A-Z]{5}-[A-Z]{5}$/);
    assert.match(nm1.element(i, 4), /^[A-Z]{4} [A-Z]{3}$/);
    assert.match(nm1.element(i, 9), /^\d[A-Z]{2}\d-[A-Z]{2}\d-[A-Z]{2}\d\d$/);
    assert.notEqual(nm1.element(i, 3), "O'BRIEN-SMITH");
  });

  test('segment and element boundaries are byte-for-byte where they were', () => {
    for (const f of fixtures().slice(0, 25)) {
      const a = tokenize(f.text);
      const b = tokenize(redacted(f.text));
      assert.deepEqual([b.segStart, b.segEnd, b.elemRel], [a.segStart, a.segEnd, a.elemRel], f.name);
    }
  });

  test('deterministic for a salt, different for another salt, random without one', () => {
    const text = medicareFile();
    assert.equal(redacted(text, 'a'), redacted(text, 'a'));
    assert.notEqual(redacted(text, 'a'), redacted(text, 'b'));
    const r1 = redact(text);
    const r2 = redact(text);
    assert.ok(r1.ok && r2.ok);
    assert.notEqual(r1.text, r2.text);
  });

  test('accented and astral names are replaced without changing UTF-16 lengths or findings', () => {
    const text = medicareFile().replace('NM1*QC*1*DOE*JANE', 'NM1*QC*1*MÜLLER😀*JOSÉ');
    const out = redacted(text);
    assert.equal(out.length, text.length);
    assert.ok(!/MÜLLER|JOSÉ|😀|MÜL|LER/.test(out));
    assert.deepEqual(findingsOf(out), findingsOf(text));
  });

  test('unknown segments (a DMG with a birth date), other transaction sets and text outside segments are replaced too', () => {
    const text =
      'Patient: JOHN SMITH, DOB 1970-01-01\n' +
      medicareFile()
        .replace('SVC*HC', 'DMG*D8*19700101*M~SVC*HC')
        .replace('GE*1*1', 'ST*837*0002~NM1*IL*1*SMITH*JOHN****MI*XYZ999~CLM*ACCT77*100~SE*4*0002~GE*2*1');
    const out = redacted(text);
    for (const gone of ['JOHN', 'SMITH', '1970', '19700101', 'XYZ999', 'ACCT77']) assert.ok(!out.includes(gone), `${gone} replaced`);
    for (const kept of ['DMG*', 'ST*837*0002', 'SE*4*0002', 'ISA*00*']) assert.ok(out.includes(kept), `${kept} kept`);
    assert.deepEqual(findingsOf(out), findingsOf(text));
  });

  test('an interchange whose ISA cannot be read is replaced as a whole, and still reports the same way', () => {
    const broken = isa().replace('*P*:~', '*P~') + 'NM1*QC*1*SECRET*NAME~';
    const text = broken + medicareFile();
    const out = redacted(text);
    assert.ok(!out.includes('SECRET'));
    assert.ok(out.startsWith('ISA*'));
    assert.deepEqual(findingsOf(out), findingsOf(text));
  });

  test('the gaps an adversarial review found: suffix, a claim contact, unknown REF qualifiers, tax ids (the state is kept)', () => {
    const text = medicareFile()
      .replace('N1*PE*CLINIC*XX*1234567893', 'N1*PE*CLINIC*FI*987654321~REF*TJ*987654321')
      .replace(
        'NM1*QC*1*DOE*JANE****MI*ABC123',
        [
          'NM1*QC*1*DOE*JANE*Q*MR*JR*MI*ABC123',
          'NM1*82*1*PAINTER*PAT****34*123456789',
          'N3*12 ELM STREET',
          'N4*SPRINGFIELD*IL*627040000',
          'PER*CX*JOHN DOE*TE*2175550123*EM*JOHN.DOE@EXAMPLE.COM',
          'REF*1K*PAYERREF777',
          'REF*CE*MEDICAREB',
          'REF*0B*LIC12345',
        ].join('~'),
      );
    const out = redacted(text);
    for (const gone of [
      '*JR*',
      '*MR*',
      'JOHN DOE',
      '2175550123',
      'JOHN.DOE@EXAMPLE.COM',
      'PAYERREF777',
      '987654321',
      '123456789',
      '12 ELM STREET',
      'SPRINGFIELD',
      '627040000',
    ]) {
      assert.ok(!out.includes(gone), `${gone} replaced`);
    }
    // Kept: the state (HIPAA Safe Harbor), the codes and provider ids a claim's REF carries, the qualifiers.
    for (const kept of [
      '*IL*',
      'REF*CE*MEDICAREB',
      'REF*0B*LIC12345',
      'REF*TJ*',
      'N1*PE*CLINIC*FI*',
      '****34*',
      'PER*CX*',
      '*TE*',
      '*EM*',
    ]) {
      assert.ok(out.includes(kept), `${kept} kept`);
    }
    assert.deepEqual(findingsOf(out), findingsOf(text));
  });

  test('a text with no X12 in it is refused with a reason, not echoed back', () => {
    for (const text of ['', '   \n', 'Dear colleague, the patient John Smith...']) {
      const r = redact(text);
      if (text.trim() === '' || !r.ok) {
        assert.equal(r.ok, false, JSON.stringify(text));
        assert.match((r as { message: string }).message, /not an X12 file/);
      }
    }
  });
});
