import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CARC, CARC_RETIRED_UNDATED, carcCategory } from '../../../server/src/codes/carc';
import type { CarcCategory } from '../../../server/src/codes/types';

const CATEGORIES: readonly CarcCategory[] = ['contractual', 'patient', 'sequestration', 'denial', 'informational'];
const entries = [...CARC.entries.entries()];

/** A real calendar date written YYYY-MM-DD (rejects 2013-02-30). */
function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

describe('CARC list', () => {
  test('is the claim adjustment reason list, with the whole published range', () => {
    assert.equal(CARC.id, 'carc');
    assert.ok(CARC.entries.size >= 250, `only ${CARC.entries.size} codes`);
    // Every number 1..308 and every letter series of the 2026 list.
    for (let n = 1; n <= 308; n++) assert.ok(CARC.entries.has(String(n)), `missing ${n}`);
    const series: [string, number, number][] = [
      ['A', 0, 8],
      ['B', 1, 23],
      ['D', 1, 23],
      ['P', 1, 32],
      ['W', 1, 9],
      ['Y', 1, 3],
    ];
    for (const [letter, from, to] of series) {
      for (let n = from; n <= to; n++) assert.ok(CARC.entries.has(`${letter}${n}`), `missing ${letter}${n}`);
    }
  });

  test('every entry is well formed', () => {
    for (const [key, e] of entries) {
      assert.equal(key, e.code, `key ${key} holds ${e.code}`);
      assert.match(e.code, /^(\d{1,3}|[A-Z]\d{1,2})$/, `odd code ${e.code}`);
      assert.ok(e.text.trim().length > 0, `${e.code}: empty text`);
      assert.ok(e.text.length < 200, `${e.code}: text is ${e.text.length} characters`);
      assert.ok(CATEGORIES.includes(e.category), `${e.code}: category ${e.category}`);
      assert.ok(e.action.trim().length > 0, `${e.code}: empty action`);
      assert.ok(e.action.length < 120, `${e.code}: action is ${e.action.length} characters`);
    }
  });

  test('dates are ISO calendar dates and start <= stop', () => {
    for (const [, e] of entries) {
      if (e.start !== undefined) assert.ok(isIsoDate(e.start), `${e.code}: start ${e.start}`);
      if (e.stop !== undefined) assert.ok(isIsoDate(e.stop), `${e.code}: stop ${e.stop}`);
      if (e.start !== undefined && e.stop !== undefined) assert.ok(e.start <= e.stop, `${e.code}: ${e.start} > ${e.stop}`);
    }
  });

  test('anchor categories', () => {
    const cat = (code: string) => CARC.entries.get(code)?.category;
    assert.equal(cat('253'), 'sequestration');
    assert.equal(cat('45'), 'contractual');
    for (const code of ['1', '2', '3', '66', '142']) assert.equal(cat(code), 'patient', code);
    for (const code of ['16', '18', '29', '50', '96', '197', '252', 'A1']) assert.equal(cat(code), 'denial', code);
    for (const code of ['23', '101', '133']) assert.equal(cat(code), 'informational', code);
    // Only 253 is sequestration; CO-223 of 2013 is recognised by classify.ts from its dates.
    assert.deepEqual(
      entries.filter(([, e]) => e.category === 'sequestration').map(([c]) => c),
      ['253'],
    );
    assert.equal(cat('223'), 'contractual');
    assert.match(CARC.entries.get('223')!.text, /sequestration/i);
  });

  test('known retired codes carry their stop dates', () => {
    const stops: Record<string, string> = {
      '38': '2013-01-01',
      '42': '2007-06-01',
      '125': '2013-11-01',
      '191': '2014-07-01',
      A2: '2008-01-01',
      A7: '2015-07-01',
      B5: '2016-05-01',
      D23: '2012-01-01',
      W1: '2014-07-01',
      Y3: '2014-07-01',
    };
    for (const [code, stop] of Object.entries(stops)) assert.equal(CARC.entries.get(code)?.stop, stop, code);
    // Current codes have no stop.
    for (const code of ['1', '16', '45', '253', '303', 'P1', 'P32']) assert.equal(CARC.entries.get(code)?.stop, undefined, code);
    // Every D, W and Y code is retired.
    for (const [code, e] of entries) if (/^[DWY]/.test(code)) assert.ok(e.stop, `${code} should be retired`);
  });

  test('retired codes without a verified stop date say so in their text', () => {
    for (const code of CARC_RETIRED_UNDATED) {
      const e = CARC.entries.get(code);
      assert.ok(e, code);
      assert.equal(e.stop, undefined, code);
      assert.match(e.text, /retired/i, code);
    }
  });

  test('no official X12 wording is copied', () => {
    const official = [
      'Charge exceeds fee schedule/maximum allowable or contracted/legislated fee arrangement',
      'Claim/service lacks information or has submission/billing error',
      'Exact duplicate claim/service',
      'The time limit for filing has expired',
      'Sequestration - reduction in federal payment',
      'At least one Remark Code must be provided',
      'Refer to the 835 Healthcare Policy Identification Segment',
    ].map((s) => s.toLowerCase());
    for (const [, e] of entries) {
      for (const phrase of official) {
        assert.ok(!e.text.toLowerCase().includes(phrase), `${e.code} text copies "${phrase}"`);
        assert.ok(!e.action.toLowerCase().includes(phrase), `${e.code} action copies "${phrase}"`);
      }
    }
  });
});

describe('carcCategory', () => {
  test('looks a code up, tolerating spaces and case', () => {
    assert.equal(carcCategory('253'), 'sequestration');
    assert.equal(carcCategory(' 45 '), 'contractual');
    assert.equal(carcCategory('b7'), 'denial');
    assert.equal(carcCategory('P3'), 'patient');
  });

  test('is undefined for codes the list does not hold', () => {
    assert.equal(carcCategory(''), undefined);
    assert.equal(carcCategory('999'), undefined);
    assert.equal(carcCategory('ZZZ9'), undefined);
  });
});
