import { closeSync, fstatSync, openSync } from 'node:fs';
import { parentPort, Worker } from 'node:worker_threads';
import type { Settings } from '../settings';
import { interchangeParts, type Part } from '../stream/split';
import { checkFile, type FileCheck } from './check';
import { RepeatCap, REPEAT_CAP, type CheckFormat } from './findingLines';
import { notX12 } from './readPieces';

/**
 * `era835 check --jobs N`: files, and the interchanges of a big file, analysed on worker threads, with
 * output merged to exactly what one thread prints (same lines, same order, same line numbers, same
 * repeat cap). A worker formats its findings and sends them in blocks; the main thread writes them in
 * input order, holding back only what finishes ahead of its turn.
 */

/** From this size a file is cut into parts of whole interchanges (when it has several). */
const SPLIT_BYTES = 4 * 1024 * 1024;
/** Tasks started ahead of the one being written, per worker: bounds what is held back. */
const AHEAD_PER_JOB = 4;

/** Marks the worker threads of the era835 bundle (cli.js starts itself as a worker). */
export const WORKER_FLAG = 'era835-check-worker';

interface Task {
  readonly id: number;
  readonly path: string;
  readonly range?: Part;
}

type Reply =
  | { id: number; kind: 'analysed'; unknownRate: boolean }
  | { id: number; kind: 'block'; block: string }
  | { id: number; kind: 'done'; result: FileCheck };

export interface CheckRun {
  readonly format: CheckFormat;
  readonly all: boolean;
  readonly settings: Settings;
  readonly emit: (block: string) => void;
  readonly err: (line: string) => void;
}

/** Per file: its tasks (one, or one per part) and what they sent. */
interface FileState {
  readonly path: string;
  tasks: Task[];
  blocks: Map<number, string[]>;
  results: Map<number, FileCheck>;
  analysed: Map<number, boolean>;
  /** Parts of a split file are capped here (the workers send every line). */
  cap?: RepeatCap;
  written: number; // tasks of this file fully written
}

/** Runs the checks on `jobs` workers; resolves with the per-file results in input order. */
export async function checkInParallel(paths: readonly string[], jobs: number, run: CheckRun, workerFile: string): Promise<FileCheck[]> {
  const workers = Array.from({ length: jobs }, () => new Worker(workerFile, { workerData: { role: WORKER_FLAG, settings: run.settings } }));
  const idle: Worker[] = [...workers];
  const files: FileState[] = [];
  const byTask = new Map<number, FileState>();
  const queue: Task[] = [];
  let nextId = 0;
  let head = 0; // the file being written
  let planned = 0; // files cut into tasks so far
  const out: FileCheck[] = [];

  const plan = (path: string): FileState => {
    const state: FileState = { path, tasks: [], blocks: new Map(), results: new Map(), analysed: new Map(), written: 0 };
    const parts = jobs > 1 ? partsOf(path, jobs) : undefined;
    for (const range of parts && parts.length > 1 ? parts : [undefined]) state.tasks.push({ id: nextId++, path, range });
    if (state.tasks.length > 1 && run.format === 'text' && !run.all) state.cap = new RepeatCap(path, REPEAT_CAP);
    for (const t of state.tasks) byTask.set(t.id, state);
    return state;
  };

  return new Promise<FileCheck[]>((resolve, reject) => {
    const finish = () => {
      for (const w of workers) void w.terminate();
      resolve(out);
    };
    const dispatch = () => {
      while (planned < paths.length && planned < head + jobs * AHEAD_PER_JOB && queue.length < jobs * 2) {
        const state = plan(paths[planned++]);
        files.push(state);
        queue.push(...state.tasks);
      }
      while (idle.length && queue.length) {
        const task = queue.shift()!;
        idle.pop()!.postMessage({ task, format: run.format, all: run.all || task.range !== undefined });
      }
    };
    /** Writes what the head file may write: its parts in order, once every part has been analysed. */
    const drain = () => {
      while (head < files.length) {
        const f = files[head];
        // A split file waits until all parts are analysed: a file-wide rule may need the whole file.
        if (f.tasks.length > 1 && f.analysed.size < f.tasks.length) return;
        if (f.tasks.length > 1 && [...f.analysed.values()].some(Boolean)) {
          // co253-unknown-rate judges every CO-253 of the file at once: check it whole, as one thread does.
          for (const t of f.tasks) byTask.delete(t.id);
          f.tasks = [{ id: nextId++, path: f.path }];
          f.blocks.clear();
          f.results.clear();
          f.analysed.clear();
          f.cap = undefined;
          byTask.set(f.tasks[0].id, f);
          queue.unshift(f.tasks[0]);
          dispatch();
          return;
        }
        while (f.written < f.tasks.length) {
          const id = f.tasks[f.written].id;
          const blocks = f.blocks.get(id);
          if (blocks?.length) {
            for (const b of blocks) {
              const kept = f.cap ? f.cap.filterLines(b) : b;
              if (kept) run.emit(kept);
            }
            blocks.length = 0;
          }
          if (!f.results.has(id)) return;
          f.written++;
        }
        out.push(merge(f));
        files[head] = undefined as unknown as FileState; // written: let it go
        head++;
        dispatch();
      }
      if (head === paths.length) finish();
    };
    for (const w of workers) {
      w.on('message', (m: Reply) => {
        const f = byTask.get(m.id);
        if (m.kind === 'done') idle.push(w);
        if (f) {
          if (m.kind === 'analysed') f.analysed.set(m.id, (f.analysed.get(m.id) ?? false) || m.unknownRate);
          else if (m.kind === 'done' && !f.analysed.has(m.id)) {
            f.analysed.set(m.id, false);
            f.results.set(m.id, m.result);
          } else if (m.kind === 'block') {
            const list = f.blocks.get(m.id) ?? [];
            list.push(m.block);
            f.blocks.set(m.id, list);
          } else f.results.set(m.id, m.result);
        }
        if (m.kind === 'done') dispatch();
        drain();
      });
      w.on('error', reject);
    }
    dispatch();
    drain();
  });
}

/** One file's result from its parts' results. */
function merge(f: FileState): FileCheck {
  const rs = f.tasks.map((t) => f.results.get(t.id)!);
  if (rs.length === 1 && !f.cap) return rs[0];
  const counts = [0, 0, 0, 0];
  for (const r of rs) for (let i = 0; i < 4; i++) counts[i] += r.counts[i];
  const segments = rs.reduce((n, r) => n + r.segments, 0);
  const problem = rs.find((r) => r.problem)?.problem ?? (segments === 0 ? notX12(f.path) : undefined);
  return { counts, problem, read: rs.every((r) => r.read), segments, notes: [...(f.cap?.notes() ?? []), ...rs.flatMap((r) => r.notes)] };
}

/** Are workers worth starting? Not for one small file (starting a thread costs more than it saves). */
export function worthWorkers(paths: readonly string[], jobs: number): boolean {
  if (jobs < 2 || !paths.length) return false;
  if (paths.length > 1) return true;
  return (partsOf(paths[0], jobs)?.length ?? 0) > 1;
}

/** The parts of a big regular file (whole interchanges), or undefined to check it whole. */
function partsOf(path: string, jobs: number): Part[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || st.size < SPLIT_BYTES) return undefined;
    return interchangeParts(fd, st.size, jobs);
  } catch {
    return undefined; // the worker that reads it says why it cannot
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The worker side: checks what it is sent, posts formatted blocks and the result. */
export function runCheckWorker(settings: Settings): void {
  const port = parentPort!;
  port.on('message', ({ task, format, all }: { task: Task; format: CheckFormat; all: boolean }) => {
    const result = checkFile(
      task.path,
      settings,
      {
        format,
        all,
        range: task.range,
        onAnalysed: (a) =>
          port.postMessage({ id: task.id, kind: 'analysed', unknownRate: a.findings.some((f) => f.code === 'co253-unknown-rate') }),
      },
      (block) => port.postMessage({ id: task.id, kind: 'block', block }),
    );
    port.postMessage({ id: task.id, kind: 'done', result });
  });
}
