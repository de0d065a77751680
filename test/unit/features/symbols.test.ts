import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { generate835Text } from '../../../bench/generator';
import { analyze } from '../../../server/src/analysis';
import { documentSymbols } from '../../../server/src/features/symbols';
import { jsonBytes } from '../../../server/src/features/visible';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { medicareFile } from '../../helpers/fragments';
import { twoClaimFile } from './remit';

/** The outline as indented lines: "name" per symbol, children two spaces deeper. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...outline(s.children ?? [], depth + 1)]);
}

describe('document symbols', () => {
  test('interchange > transaction > payer, payee, each claim with its service lines', () => {
    const a = analyze(twoClaimFile(), DEFAULT_SETTINGS);
    assert.deepEqual(outline(documentSymbols(a, DEFAULT_SETTINGS)), [
      'ISA 000000001 · SENDER → RECEIVER',
      '  835 0001 · $176.40 ACH · EFT0001',
      '    Payer · MEDICARE PART B CONTRACTOR',
      '    Payee · CLINIC',
      '    PCN1001 · DOE, JANE · paid $78.40',
      '      SVC HC:99213:25 · $78.40',
      '    PCN1002 · ROE, RICHARD · paid $98.00 · ⚠ 1 to work',
      '      SVC HC:93000 · $98.00',
      '      SVC HC:80053 · $0.00',
    ]);
  });

  test('a claim symbol spans CLP to its last segment and selects CLP01', () => {
    const a = analyze(twoClaimFile(), DEFAULT_SETTINGS);
    const tx = documentSymbols(a, DEFAULT_SETTINGS)[0].children![0];
    const claim = tx.children!.find((s) => s.name.startsWith('PCN1001'))!;
    const clpLine = a.text.split('\n').findIndex((l) => l.startsWith('CLP*PCN1001'));
    assert.deepEqual(claim.selectionRange, { start: { line: clpLine, character: 4 }, end: { line: clpLine, character: 11 } });
    assert.equal(claim.range.start.line, clpLine);
    assert.equal(claim.range.end.line, clpLine + 5, 'through CAS*PR*2*20');
  });

  test('past the cap, one entry says how many claims are left out', () => {
    const a = analyze(twoClaimFile(), DEFAULT_SETTINGS);
    const names = outline(documentSymbols(a, DEFAULT_SETTINGS, { maxClaims: 1 }));
    assert.ok(names.includes('    PCN1001 · DOE, JANE · paid $78.40'));
    assert.ok(!names.some((n) => n.includes('PCN1002')));
    assert.equal(names.at(-1), '    … 1 more claim (open the summary)');
  });

  test('past its bytes of JSON, the outline stops, and one entry counts the claims and payments left out', () => {
    // Many small payments (one claim each): the payments themselves would make an unbounded outline.
    const a = analyze(generate835Text({ bytes: 200_000, claimsPerTransaction: 1, seed: 3 }), DEFAULT_SETTINGS);
    const symbols = documentSymbols(a, DEFAULT_SETTINGS, { maxBytes: 20_000 });
    assert.ok(jsonBytes(symbols) <= 20_000, `${jsonBytes(symbols)} bytes`);
    const names = outline(symbols);
    const payments = names.filter((n) => /^ {2}835 /.test(n)).length;
    const claims = documentSymbols(a, DEFAULT_SETTINGS)[0]
      .children!.flatMap((t) => t.children!)
      .filter((c) => c.kind === SymbolKind.Object).length;
    const listed = outline(symbols).filter((n) => /^ {4}\S/.test(n) && !/^ {4}(Payer|Payee|PLB|…)/.test(n)).length;
    assert.ok(payments > 3 && payments < a.model.transactions.length, `${payments} payments listed`);
    assert.equal(claims, a.model.claims.length, 'without the cap every claim is listed');
    assert.equal(
      names.at(-1)!.trim(),
      `… ${a.model.claims.length - listed} more claims and ${a.model.transactions.length - payments} more payments (open the summary)`,
    );
  });

  test('PLB segments are listed with what they withhold or add', () => {
    const text = medicareFile().replace('SE*14*0001', 'PLB*1234567893*20241231*WO:PAYERCN001*10*L6*-2.5~\nSE*15*0001');
    const a = analyze(text, DEFAULT_SETTINGS);
    const tx = documentSymbols(a, DEFAULT_SETTINGS)[0].children![0];
    assert.equal(tx.children!.at(-1)!.name, 'PLB WO, L6 · $7.50 withheld');
  });

  test('an envelope-less fragment and an empty file do not throw', () => {
    const a = analyze('ST*835*0001~CLP*X*4*10*0~SE*3*0001~', DEFAULT_SETTINGS);
    assert.deepEqual(outline(documentSymbols(a, DEFAULT_SETTINGS)), ['835 0001', '  X · paid $0.00']);
    assert.deepEqual(documentSymbols(analyze('', DEFAULT_SETTINGS), DEFAULT_SETTINGS), []);
  });
});
