import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCsv, parseOfficialLists } from '../../../server/src/codes/official';
import { CARC } from '../../../server/src/codes/carc';
import { describeCode } from '../../../server/src/features/codeLookup';

describe("an organisation's official code lists (CSV)", () => {
  test('RFC 4180 fields: quotes, doubled quotes, commas and CRLF', () => {
    assert.deepEqual(parseCsv('a,"b, c","say ""hi"""\r\nd,e,f\n'), [
      ['a', 'b, c', 'say "hi"'],
      ['d', 'e', 'f'],
    ]);
  });

  test('list names are matched to our ids; a header and bad rows are handled', () => {
    const r = parseOfficialLists(
      '\uFEFFlist,code,description\nCARC,45,Licensed wording for 45\nrarc,N130,"Licensed, with comma"\nclaimStatus,1\n',
    );
    assert.equal(r.rows, 2);
    assert.equal(r.lists.get('carc')?.get('45'), 'Licensed wording for 45');
    assert.equal(r.lists.get('rarc')?.get('N130'), 'Licensed, with comma');
    assert.deepEqual(r.problems, ['row 4: expected list,code,description; skipped']);
    assert.equal(r.skipped, 1);
  });

  test('hover text shows the official wording beside ours', () => {
    const { lists } = parseOfficialLists('carc,45,Licensed wording for 45\n');
    const text = describeCode(CARC, '45', lists);
    assert.ok(text.startsWith('`45` — '));
    assert.ok(text.endsWith('_Official:_ Licensed wording for 45'));
    assert.ok(!describeCode(CARC, '45').includes('Official'), 'nothing when no list is loaded');
  });
});
