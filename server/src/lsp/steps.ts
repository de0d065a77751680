import { afterTurns, SLICE_MS, TURNS_BETWEEN_SLICES } from './documents';

/**
 * Runs resumable work (a generator that yields after each small step, such as `redactSteps`) in slices
 * of about `sliceMs`, with a few turns of the event loop between slices so requests and cancellations
 * are read and answered meanwhile, as the background analysis does. Resolves to the result, or to
 * undefined as soon as `cancelled()` says so (checked before every slice): the rest is never done.
 */
export function runSteps<T>(steps: Generator<void, T, void>, cancelled: () => boolean, sliceMs = SLICE_MS): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      if (cancelled()) return resolve(undefined);
      try {
        const deadline = performance.now() + sliceMs;
        for (;;) {
          const r = steps.next();
          if (r.done) return resolve(r.value);
          if (performance.now() >= deadline) break;
        }
        afterTurns(TURNS_BETWEEN_SLICES, slice);
      } catch (e) {
        reject(e);
      }
    };
    slice();
  });
}
