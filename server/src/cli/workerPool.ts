import { Worker } from 'node:worker_threads';

/**
 * Work on worker threads whose output comes out in input order: one task per input, `jobs` workers, and
 * each task's messages handed to `deliver` only once every earlier task has been delivered whole (the
 * messages of a task that finishes ahead of its turn are held back). At most `jobs * ahead` tasks are
 * started beyond the one being delivered, which bounds what is held back.
 *
 * A worker posts any number of messages for a task, then one for which `isLast` is true. Used by
 * `era835 export --jobs` (cli/exportParallel.ts).
 */
export interface OrderedPoolOptions<T, M extends { readonly id: number }> {
  readonly inputs: readonly T[];
  readonly jobs: number;
  /** The script each worker runs, and what it gets as `workerData`. */
  readonly workerFile: string;
  readonly workerData: unknown;
  /** The message that starts task `id` (of input `input`) on a worker. */
  readonly request: (input: T, id: number) => unknown;
  readonly isLast: (m: M) => boolean;
  /** Each message of each task, in input order. */
  readonly deliver: (input: T, m: M) => void;
  readonly ahead?: number;
}

export function runOrdered<T, M extends { readonly id: number }>(o: OrderedPoolOptions<T, M>): Promise<void> {
  const { inputs, jobs } = o;
  const ahead = o.ahead ?? 4;
  const workers = Array.from({ length: jobs }, () => new Worker(o.workerFile, { workerData: o.workerData }));
  const idle: Worker[] = [...workers];
  const held = new Map<number, M[]>();
  const done = new Set<number>();
  let started = 0;
  let head = 0; // the task being delivered

  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const stop = (e?: unknown) => {
      for (const w of workers) void w.terminate();
      if (e !== undefined) {
        failed = true;
        reject(e instanceof Error ? e : new Error(String(e)));
      } else resolve();
    };
    const dispatch = () => {
      while (idle.length && started < inputs.length && started < head + jobs * ahead) {
        const id = started++;
        idle.pop()!.postMessage(o.request(inputs[id], id));
      }
    };
    const drain = () => {
      while (head < inputs.length) {
        const list = held.get(head);
        if (list?.length) {
          for (const m of list) o.deliver(inputs[head], m);
          list.length = 0;
        }
        if (!done.has(head)) return;
        held.delete(head);
        done.delete(head);
        head++;
        // The window of tasks started ahead moved on: idle workers may start the next ones.
        dispatch();
      }
      stop();
    };
    for (const w of workers) {
      w.on('message', (m: M) => {
        if (failed) return;
        try {
          if (m.id === head) o.deliver(inputs[head], m);
          else {
            const list = held.get(m.id) ?? [];
            list.push(m);
            held.set(m.id, list);
          }
          if (o.isLast(m)) {
            done.add(m.id);
            idle.push(w);
            dispatch();
          }
          drain();
        } catch (e) {
          stop(e);
        }
      });
      w.on('error', (e) => stop(e));
    }
    if (!inputs.length) return stop();
    dispatch();
  });
}
