import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SelectionRange } from 'vscode-languageserver';
import { analyze } from '../../../server/src/analysis';
import { selectionRanges } from '../../../server/src/features/selectionRanges';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { markers } from '../../helpers/fragments';
import { twoClaimFile } from './remit';

/** The text of each step, innermost first (long ones shortened to their first and last segment). */
function steps(text: string, sel: SelectionRange, lineStarts: number[]): string[] {
  const out: string[] = [];
  for (let s: SelectionRange | undefined = sel; s; s = s.parent) {
    const start = lineStarts[s.range.start.line] + s.range.start.character;
    const end = lineStarts[s.range.end.line] + s.range.end.character;
    const lines = text.slice(start, end).split('\n');
    out.push(lines.length > 1 ? `${lines[0]} … ${lines.at(-1)}` : lines[0]);
  }
  return out;
}

describe('selection ranges', () => {
  test('component > element > segment > service line > claim > transaction > interchange', () => {
    const { text, at } = markers(twoClaimFile().replace('SVC*HC:99213:25', 'SVC*HC:992|13:25'));
    const a = analyze(text, DEFAULT_SETTINGS);
    const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
    const [sel] = selectionRanges(a, [a.lines.positionAt(at[0])], DEFAULT_SETTINGS);
    assert.deepEqual(steps(text, sel, starts), [
      '99213',
      'HC:99213:25',
      'SVC*HC:99213:25*200*78.4**1',
      'SVC*HC:99213:25*200*78.4**1~ … CAS*PR*2*20',
      'CLP*PCN1001*1*200*78.4*20*MB*PAYERCN001*11*1~ … CAS*PR*2*20',
      'ST*835*0001~ … SE*23*0001',
      `${text.split('\n')[0]} … IEA*1*000000001`,
    ]);
  });

  test('on a header segment the chain skips the claim levels', () => {
    const { text, at } = markers(twoClaimFile().replace('TRN*1*EFT0001', 'TRN*1*EFT|0001'));
    const a = analyze(text, DEFAULT_SETTINGS);
    const [sel] = selectionRanges(a, [a.lines.positionAt(at[0])], DEFAULT_SETTINGS);
    let depth = 0;
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) depth++;
    assert.equal(depth, 4, 'element, segment, transaction, interchange');
  });
});
