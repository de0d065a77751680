import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RestartPolicy } from '../../../client/src/restartPolicy';

/**
 * A server that crashes again soon after a restart would crash again on the same input (a 300 MB code
 * list took it down after 69 s, each time): the client restarts a crash once, not a second one soon after.
 */
describe('restarting a crashed language server', () => {
  const MINUTE = 60_000;

  test('a first crash is restarted; a second within ten minutes is not, however slow each crash is', () => {
    const p = new RestartPolicy();
    assert.equal(p.shouldRestart(0), true);
    assert.equal(p.shouldRestart(69_000), false);
  });

  test('crashes far apart are each restarted', () => {
    const p = new RestartPolicy();
    assert.equal(p.shouldRestart(0), true);
    assert.equal(p.shouldRestart(11 * MINUTE), true);
    assert.equal(p.shouldRestart(22 * MINUTE), true);
  });

  test('a restart by command starts counting afresh', () => {
    const p = new RestartPolicy();
    p.shouldRestart(0);
    assert.equal(p.shouldRestart(MINUTE), false);
    p.reset();
    assert.equal(p.shouldRestart(2 * MINUTE), true);
  });
});
