import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { casShades } from '../../../server/src/features/casShades';
import { codeLenses } from '../../../server/src/features/codeLens';
import { inlayHints } from '../../../server/src/features/inlayHints';
import { jsonBytes, viewLimitsOf } from '../../../server/src/features/visible';
import { analyze } from '../../../server/src/analysis';
import { generate835Text } from '../../../bench/generator';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { analyseMarked } from '../../helpers/analyse';
import { medicareFile } from '../../helpers/fragments';

const all = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

describe('code lens', () => {
  test('each CLP says where the money went; the BPR gives transaction totals with the sequestration share', () => {
    const { a } = analyseMarked(medicareFile());
    const titles = codeLenses(a).map((l) => `${l.range.start.line}: ${l.command!.title}`);
    assert.deepEqual(titles, [
      '3: 1 claim · Charged $200.00 · Paid $78.40 · Contractual $100.00 · Patient $20.00 · Sequestration $1.60 (2.00% of Medicare payments before the cut) · 0 to work',
      '9: Paid $78.40 · Contractual $100.00 · Patient $20.00 · Sequestration $1.60 · 0 to work',
    ]);
  });
});

describe('code lens bounds', () => {
  // Many small payments (one claim each): a lens per payment and per claim, however many there are.
  const a = analyze(generate835Text({ bytes: 200_000, claimsPerTransaction: 1, seed: 3 }), DEFAULT_SETTINGS);

  test('past its bytes of JSON the list stops: payments first, then claims in file order', () => {
    const all = codeLenses(a);
    assert.equal(all.length, a.model.transactions.length + a.model.claims.length, 'unbounded: one per payment and per claim');
    const some = codeLenses(a, undefined, 20_000);
    assert.ok(jsonBytes(some) <= 20_000, `${jsonBytes(some)} bytes`);
    assert.ok(some.length > 10 && some.length < all.length, `${some.length} lenses`);
    assert.deepEqual(some, all.slice(0, some.length));
  });

  test('on one line, only the claims of the rendered characters are walked and given a lens', () => {
    const line = analyze(a.text.replace(/\n/g, ''), DEFAULT_SETTINGS);
    const lenses = codeLenses(line, viewLimitsOf(2000, 43));
    assert.ok(lenses.length > 0 && lenses.every((l) => l.range.start.line === 0 && l.range.start.character < 2000));
  });
});

describe('inlay hints', () => {
  test('labels after codes: sequestration, group, filing indicator', () => {
    const { a } = analyseMarked(medicareFile());
    const labels = inlayHints(a, all, DEFAULT_SETTINGS).map((h) => `${h.position.line}:${h.label}`);
    assert.ok(labels.includes('13: › sequestration'), labels.join('\n'));
    assert.ok(
      labels.some((l) => l.startsWith('9: › Medicare Part B')),
      labels.join('\n'),
    );
    assert.ok(
      labels.some((l) => l.startsWith('14: › patient owes')),
      labels.join('\n'),
    );
  });

  test('CAS*CO*45*100**253*1.6: the reasons win over the group within 43 characters; with room the group shows too', () => {
    const { a } = analyseMarked(medicareFile());
    const on13 = (maximumLength: number) =>
      inlayHints(a, all, DEFAULT_SETTINGS, viewLimitsOf(10_000, maximumLength))
        .filter((h) => h.position.line === 13)
        .map((h) => h.label);
    assert.deepEqual(on13(43), [' › fee schedule', ' › sequestration']);
    assert.deepEqual(on13(0), [' › contractual', ' › fee schedule', ' › sequestration']);
    // 0: VS Code never cuts. No room for the second reason: it is left out, never cut ("sequestrati…"),
    // and the group fills the room before the first reason that did not fit.
    assert.deepEqual(on13(30), [' › contractual', ' › fee schedule']);
    assert.deepEqual(on13(20), [' › fee schedule']);
  });

  test('element positions on request, and nothing when both are off', () => {
    const { a } = analyseMarked(medicareFile());
    const names = inlayHints(
      a,
      { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } },
      { ...DEFAULT_SETTINGS, inlayHints: { enabled: false, elementNames: true } },
    );
    assert.deepEqual(
      names.slice(0, 2).map((h) => h.label),
      ['CLP01:', 'CLP02:'],
    );
    assert.deepEqual(inlayHints(a, all, { ...DEFAULT_SETTINGS, inlayHints: { enabled: false, elementNames: false } }), []);
  });
});

describe('CAS shading', () => {
  test('muted for sequestration and contractual, patient for PR, attention for work', () => {
    const { a } = analyseMarked(medicareFile().replace('CAS*PR*2*20', 'CAS*PR*2*20~\nCAS*CO*16*0'));
    assert.deepEqual(
      casShades(a, [all]).map((s) => [s.range.start.line, s.shade]),
      [
        [13, 'muted'],
        [14, 'patient'],
        [15, 'attention'],
      ],
    );
  });
});
