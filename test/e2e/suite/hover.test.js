const assert = require('node:assert/strict');
const { openReady, positionOf, hovers, waitFor } = require('./helpers');

suite('hover', () => {
  // Needs the rich CO-253 hover (code list + sequestration explanation); fails with the hover it got until then.
  test('the 253 of a Medicare CAS explains sequestration as a non-actionable contractual adjustment', async () => {
    const doc = await openReady('examples/medicare-part-b.835');
    const at253 = positionOf(doc, 'CAS*CO*45*100**253*2.4', '253').translate(0, 1);
    let t = '';
    const text = await waitFor(
      'a hover on 253 that mentions sequestration',
      async () => {
        t = (await hovers(doc, at253)).join('\n');
        return /sequestration/i.test(t) && t;
      },
      15000,
      () => JSON.stringify(t),
    );
    console.log(`      hover on 253: ${JSON.stringify(text)}`);
    assert.match(text, /sequestration/i);
    assert.match(text, /contractual adjustment/i, `hover on 253 says to post it as a contractual adjustment:\n${text}`);
  });
});
