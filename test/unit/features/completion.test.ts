import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompletionItemTag } from 'vscode-languageserver';
import { analyze } from '../../../server/src/analysis';
import { completion } from '../../../server/src/features/completion';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { isa, markers } from '../../helpers/fragments';
import { remit } from './remit';

/** Completion at the one `|` marker of `src`. */
function complete(src: string) {
  const { text, at } = markers(src);
  const a = analyze(text, DEFAULT_SETTINGS);
  return { list: completion(a, a.lines.positionAt(at[0]), DEFAULT_SETTINGS), a, at: at[0] };
}
const labels = (src: string) => complete(src).list.items.map((i) => i.label);

describe('completion of segment ids', () => {
  test('after CLP: the rest of the claim loop, then a service line, the next claim, LX, PLB or SE', () => {
    const got = labels(remit(['LX*1', 'CLP*PCN1*1*100*80*20*MB*ICN1~\n|']));
    assert.deepEqual(got, ['CAS', 'NM1', 'MIA', 'MOA', 'REF', 'DTM', 'PER', 'AMT', 'QTY', 'SVC', 'CLP', 'LX', 'PLB', 'SE']);
  });

  test('after a line-level CAS: more CAS, the rest of the line, another line, claim or SE; never BPR', () => {
    const got = labels(remit(['LX*1', 'CLP*PCN1*1*100*80*20*MB*ICN1', 'SVC*HC:99213*100*80', 'CAS*CO*45*20~\n|']));
    assert.deepEqual(got, ['CAS', 'REF', 'AMT', 'QTY', 'LQ', 'SVC', 'CLP', 'LX', 'PLB', 'SE']);
    assert.ok(!got.includes('BPR'));
  });

  test('a typed prefix is replaced, and the element separator follows the id', () => {
    const { list, a, at } = complete(remit(['LX*1', 'CLP*PCN1*1*100*80*20*MB*ICN1~\nCA|']));
    const cas = list.items.find((i) => i.label === 'CAS')!;
    const edit = cas.textEdit as { range: { start: { line: number; character: number } }; newText: string };
    assert.equal(edit.newText, 'CAS*');
    assert.deepEqual(edit.range.start, a.lines.positionAt(at - 2));
    assert.equal(cas.detail, 'Adjustment');
  });

  test('at the start of an empty file: ISA; after the header: the payer N1', () => {
    assert.deepEqual(labels('|'), ['ISA']);
    assert.ok(labels(`${isa()}\nGS*HP~\nST*835*0001~\nBPR*I*0*C*NON~\nTRN*1*X*1~\n|`).includes('N1'));
  });

  test('in the middle of an element there is no segment completion', () => {
    assert.deepEqual(labels(remit(['LX*1', 'CLP*PC|N1*1*100*80*20*MB*ICN1'])), []);
  });
});

describe('completion of code values', () => {
  test('CAS01 offers the four group codes with their meaning', () => {
    const { list } = complete(remit(['LX*1', 'CLP*PCN1*1*100*80*20*MB*ICN1', 'CAS*|']));
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['CO', 'OA', 'PI', 'PR'],
    );
    assert.match(list.items[0].labelDetails!.description!, /write/i);
  });

  test('a CAS reason offers CARC codes, 253 among them, retired codes marked and last', () => {
    const { list } = complete(remit(['LX*1', 'CLP*PCN1*1*100*80*20*MB*ICN1', 'CAS*CO*25|*20']));
    const seq = list.items.find((i) => i.label === '253')!;
    assert.match(seq.labelDetails!.description!, /sequestration/i);
    const retired = list.items.filter((i) => i.tags?.includes(CompletionItemTag.Deprecated));
    if (retired.length) assert.ok(retired.every((r) => r.sortText!.startsWith('1')));
    const edit = seq.textEdit as { newText: string; range: { start: { character: number }; end: { character: number } } };
    assert.equal(edit.range.end.character - edit.range.start.character, 2, 'replaces the typed "25"');
  });

  test('LQ02 offers RARC codes under HE; SVC01-1 offers procedure code types; a free-text element offers nothing', () => {
    assert.ok(labels(remit(['LX*1', 'CLP*PCN1*1*100*80*20*MB*ICN1', 'SVC*HC:99213*100*80', 'LQ*HE*|'])).includes('N130'));
    assert.ok(labels(remit(['LX*1', 'CLP*PCN1*1*100*80*20*MB*ICN1', 'SVC*H|C:99213*100*80'])).includes('HC'));
    assert.deepEqual(labels(remit(['LX*1', 'CLP*PCN1*1*100*80*20*MB*ICN1', 'NM1*QC*1*DO|E'])), []);
  });

  test('PLB03-1 offers the provider adjustment reasons', () => {
    assert.ok(labels(remit(['PLB*123*20241231*W|:ICN1*10'])).includes('WO'));
  });
});
