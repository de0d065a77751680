import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Analysis } from '../../../server/src/analysis';
import { LEGEND, semanticTokens } from '../../../server/src/features/semanticTokens';
import { analyseMarked } from '../../helpers/analyse';
import { medicareFile } from '../../helpers/fragments';

/** Decodes LSP relative tokens into readable lines: `line:col type[.mods] text`. */
function render(a: Analysis, data: readonly number[]): string {
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const start = a.lines.offsetAt({ line, character: char });
    const mods = LEGEND.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b));
    out.push(
      `${line}:${char} ${LEGEND.tokenTypes[data[i + 3]]}${mods.length ? '.' + mods.join('.') : ''} ${a.text.slice(start, start + data[i + 2])}`,
    );
  }
  return out.join('\n') + '\n';
}

function golden(name: string, actual: string): void {
  const file = join(__dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs (UPDATE_GOLDEN=1 rewrites it after review)`);
}

const withWork = (nl: string) => medicareFile({ nl }).replace('CAS*PR*2*20', 'CAS*PR*2*20~' + nl + 'CAS*CO*16*0');

describe('semantic tokens', () => {
  test('multi-line file (golden)', () => {
    const { a } = analyseMarked(withWork('\n'));
    golden('semantic-tokens-multiline.txt', render(a, semanticTokens(a).data));
  });

  test('one-line file (golden): every token on line 0 at the right column', () => {
    const { a } = analyseMarked(withWork(''));
    golden('semantic-tokens-oneline.txt', render(a, semanticTokens(a).data));
  });

  test('CAS triplets carry their class', () => {
    const { a } = analyseMarked(withWork('\n'));
    const lines = render(a, semanticTokens(a).data).split('\n');
    assert.ok(lines.some((l) => /casReason\.sequestration 253$/.test(l)));
    assert.ok(lines.some((l) => /casReason\.contractual 45$/.test(l)));
    assert.ok(lines.some((l) => /casReason\.patientResponsibility 2$/.test(l)));
    assert.ok(lines.some((l) => /casReason\.actionable 16$/.test(l)));
  });

  test('a range request returns only the segments in range', () => {
    const { a } = analyseMarked(withWork('\n'));
    const r = render(a, semanticTokens(a, { start: { line: 13, character: 0 }, end: { line: 13, character: 5 } }).data);
    assert.ok(r.startsWith('13:0 segment CAS'), r);
    assert.ok(!r.includes('\n14:'));
  });
});
