import type { Handler } from '../context';
import { runSafe } from '../runSafe';

/** Throws inside a handler (wrapped like every request): the answer must be the fallback, the server must live. */
export const DEBUG_THROW = 'era835/debug/throw';
/** The server's heap after a full garbage collection (when started with --expose-gc). */
export const DEBUG_HEAP = 'era835/debug/heap';
export interface DebugHeapResult {
  readonly heapUsed: number;
  readonly collected: boolean;
}

/**
 * Requests for the robustness tests only, registered when ERA835_TEST_FAULTS=1 and absent otherwise: the
 * extension never sets that variable, so a user's server has no way to throw on purpose or report its heap.
 */
export const testFaultsHandler: Handler = {
  capabilities: {},
  register: (ctx) => {
    if (process.env.ERA835_TEST_FAULTS !== '1') return;
    const c = ctx.connection;
    c.onRequest(DEBUG_THROW, (_p: unknown, token) =>
      runSafe(c, DEBUG_THROW, token, { fallback: true }, () => {
        throw new Error('test fault: thrown on purpose inside a handler');
      }),
    );
    c.onRequest(DEBUG_HEAP, (): DebugHeapResult => {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc) {
        gc();
        gc();
      }
      return { heapUsed: process.memoryUsage().heapUsed, collected: !!gc };
    });
  },
};
