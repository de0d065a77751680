import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SMALL_LISTS, SMALL_LISTS_BY_ID } from '../../../server/src/codes/lists';
import { SEGMENTS, componentDef, elementDef, type ElementDef } from '../../../server/src/x835/dictionary';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Every element and component of the dictionary, with the id it must have. */
function* allElements(): Generator<{ def: ElementDef; expectedId: string }> {
  for (const [segId, seg] of SEGMENTS) {
    for (const [i, def] of seg.elements.entries()) {
      const id = `${segId}${pad(i + 1)}`;
      yield { def, expectedId: id };
      for (const [j, c] of (def.components ?? []).entries()) yield { def: c, expectedId: `${id}-${j + 1}` };
    }
  }
}

describe('835 dictionary', () => {
  test('segments are keyed by their own id and have a name, a purpose and elements', () => {
    for (const [id, seg] of SEGMENTS) {
      assert.equal(seg.id, id);
      assert.ok(seg.name.length > 0, id);
      assert.ok(seg.purpose.length > 0, id);
      assert.ok(seg.elements.length > 0, id);
    }
    for (const id of [
      'ISA',
      'GS',
      'ST',
      'BPR',
      'TRN',
      'CUR',
      'REF',
      'DTM',
      'N1',
      'N3',
      'N4',
      'PER',
      'RDM',
      'LX',
      'TS3',
      'TS2',
      'CLP',
      'CAS',
      'NM1',
      'MIA',
      'MOA',
      'AMT',
      'QTY',
      'SVC',
      'LQ',
      'PLB',
      'SE',
      'GE',
      'IEA',
    ]) {
      assert.ok(SEGMENTS.has(id), `missing ${id}`);
    }
  });

  test('every element id matches its segment and position (components: -1, -2...)', () => {
    for (const { def, expectedId } of allElements()) assert.equal(def.id, expectedId);
  });

  test('every element is well formed', () => {
    for (const { def } of allElements()) {
      assert.ok(def.name.length > 0, def.id);
      if (def.type === 'COMP') {
        assert.equal(def.codeList, undefined, `${def.id}: a composite has no code list of its own`);
        if (def.usage !== 'N') assert.ok(def.components && def.components.length > 0, `${def.id}: used composite without components`);
      } else {
        assert.equal(def.components, undefined, def.id);
        assert.ok(def.min >= 1 && def.min <= def.max, `${def.id}: ${def.min}..${def.max}`);
      }
    }
  });

  test('every referenced code list exists (small lists, carc, rarc)', () => {
    const known = new Set([...SMALL_LISTS.map((l) => l.id), 'carc', 'rarc']);
    const used = new Set<string>();
    for (const { def } of allElements()) {
      if (def.codeList === undefined) continue;
      assert.ok(known.has(def.codeList), `${def.id} refers to unknown list ${def.codeList}`);
      used.add(def.codeList);
    }
    for (const id of ['carc', 'rarc', 'groupCode', 'claimStatus', 'claimFilingIndicator', 'plbReason', 'refQualifier']) {
      assert.ok(used.has(id), `no element uses ${id}`);
    }
  });

  test('ISA is fixed width: 106 characters with separators and terminator', () => {
    const isa = SEGMENTS.get('ISA')!;
    assert.equal(isa.elements.length, 16);
    for (const e of isa.elements) assert.equal(e.min, e.max, `${e.id} is fixed width`);
    const data = isa.elements.reduce((sum, e) => sum + e.max, 0);
    assert.equal(data, 86);
    assert.equal('ISA'.length + 16 + data + 1, 106);
  });

  test('anchors', () => {
    const clp04 = elementDef('CLP', 4);
    assert.equal(clp04?.id, 'CLP04');
    assert.equal(clp04?.type, 'R');
    assert.equal(clp04?.usage, 'R');
    assert.equal(elementDef('CLP', 2)?.codeList, 'claimStatus');
    assert.equal(elementDef('CLP', 6)?.codeList, 'claimFilingIndicator');
    assert.equal(elementDef('CAS', 1)?.codeList, 'groupCode');
    assert.equal(elementDef('CAS', 2)?.codeList, 'carc');
    for (const p of [2, 5, 8, 11, 14, 17]) assert.equal(elementDef('CAS', p)?.codeList, 'carc', `CAS${pad(p)}`);
    for (const p of [3, 6, 9, 12, 15, 18]) assert.equal(elementDef('CAS', p)?.type, 'R', `CAS${pad(p)}`);
    assert.equal(SEGMENTS.get('CAS')!.elements.length, 19);
    const svc01 = elementDef('SVC', 1);
    assert.equal(svc01?.type, 'COMP');
    assert.ok((svc01?.components?.length ?? 0) >= 7);
    assert.equal(componentDef('SVC', 1, 1)?.codeList, 'procedureQualifier');
    assert.equal(componentDef('SVC', 1, 2)?.id, 'SVC01-2');
    assert.equal(elementDef('LQ', 2)?.codeList, 'rarc');
    assert.equal(elementDef('MOA', 3)?.codeList, 'rarc');
    assert.equal(elementDef('MIA', 5)?.codeList, 'rarc');
    assert.equal(elementDef('REF', 1)?.codeList, 'refQualifier');
    assert.equal(elementDef('DTM', 1)?.codeList, 'dateQualifier');
    assert.equal(elementDef('AMT', 1)?.codeList, 'amtQualifier');
    assert.equal(elementDef('QTY', 1)?.codeList, 'qtyQualifier');
    assert.equal(elementDef('ST', 3)?.usage, 'R', 'ST03 is required in 5010');
    assert.equal(elementDef('CLP', 0), undefined);
    assert.equal(elementDef('CLP', 15), undefined);
    assert.equal(elementDef('XYZ', 1), undefined);
  });

  test('PLB: six reason:reference composites (odd positions) and amounts (even positions)', () => {
    const plb = SEGMENTS.get('PLB')!;
    assert.equal(plb.elements.length, 14);
    for (const p of [3, 5, 7, 9, 11, 13]) {
      const c = elementDef('PLB', p)!;
      assert.equal(c.type, 'COMP', c.id);
      assert.equal(c.components?.length, 2, c.id);
      assert.equal(c.components?.[0].codeList, 'plbReason', c.id);
      assert.equal(elementDef('PLB', p + 1)?.type, 'R', `PLB${pad(p + 1)}`);
    }
    assert.equal(elementDef('PLB', 3)?.usage, 'R');
    assert.equal(elementDef('PLB', 5)?.usage, 'S');
  });
});

describe('835 small code lists', () => {
  test('ids are unique, camelCase, and every list has entries with text', () => {
    assert.equal(SMALL_LISTS_BY_ID.size, SMALL_LISTS.length);
    for (const list of SMALL_LISTS) {
      assert.match(list.id, /^[a-z][A-Za-z0-9]*$/);
      assert.ok(list.entries.size > 0, list.id);
      for (const [code, info] of list.entries) {
        assert.equal(info.code, code);
        assert.ok(info.text.length > 0, `${list.id} ${code}`);
      }
    }
  });

  test('group codes are exactly CO, OA, PI, PR (no CR in 5010)', () => {
    assert.deepEqual([...SMALL_LISTS_BY_ID.get('groupCode')!.entries.keys()].sort(), ['CO', 'OA', 'PI', 'PR']);
  });

  test('claim filing indicator is the 835 list: no 837-only values', () => {
    const cfi = SMALL_LISTS_BY_ID.get('claimFilingIndicator')!;
    for (const code of ['CI', 'BL', '11', 'FI']) assert.equal(cfi.entries.has(code), false, code);
    for (const code of ['MA', 'MB', 'MC', '16', 'ZZ']) assert.ok(cfi.entries.has(code), code);
    assert.equal(cfi.entries.size, 19);
  });

  test('sizes of the fixed guide subsets', () => {
    const size = (id: string): number | undefined => SMALL_LISTS_BY_ID.get(id)?.entries.size;
    assert.equal(size('claimStatus'), 10);
    assert.equal(size('plbReason'), 41);
    assert.equal(size('paymentMethod'), 5);
    assert.equal(size('interchangeIdQualifier'), 9);
    assert.equal(size('procedureQualifier'), 10);
    assert.equal(SMALL_LISTS_BY_ID.get('claimStatus')!.entries.has('5'), false, 'pended is a 277 status');
  });
});
