import { closeSync, fstatSync, openSync } from 'node:fs';
import { parentPort, Worker } from 'node:worker_threads';
import type { Settings } from '../settings';
import type { Part } from '../stream/split';
import { transactionParts } from '../stream/transactionSplit';
import { checkFile, type FileCheck } from './check';
import { partFacts, partsAgree, type PartFacts } from './partFacts';
import { RepeatCap, REPEAT_CAP, type CheckFormat } from './findingLines';
import { notX12 } from './readPieces';
import { START, type Origin } from '../stream/pieces';

/**
 * `era835 check --jobs N`: files, and the interchanges of a big file, analysed on worker threads, with
 * output merged to exactly what one thread prints (same lines, same order, same line numbers, same
 * repeat cap). A worker formats its findings and sends them in blocks; the main thread writes them in
 * input order, holding back only what finishes ahead of its turn.
 */

/**
 * From this size a file is cut into parts (interchanges, or transactions of one interchange). Below it,
 * starting a worker thread and reading the prefix costs more than the second core saves (bench/results.md).
 * ERA835_SPLIT_BYTES overrides it (tests split small files).
 */
const SPLIT_BYTES = Number(process.env.ERA835_SPLIT_BYTES) || 4 * 1024 * 1024;
/** A part is at most this long: one piece of text (stream/pieces.ts), so its prefix and suffix apply once. */
const MAX_PART_BYTES = 100 * 1024 * 1024;
/** Tasks started ahead of the one being written, per worker: bounds what is held back. */
const AHEAD_PER_JOB = 4;

/** Marks the worker threads of the era835 bundle (cli.js starts itself as a worker). */
export const WORKER_FLAG = 'era835-check-worker';

interface Task {
  readonly id: number;
  readonly path: string;
  readonly range?: Part;
  /** For a part without its origin: where the main thread writes it (a flag, then line, column, char). */
  readonly originBox?: SharedArrayBuffer;
}

type Reply =
  | { id: number; kind: 'analysed'; facts: PartFacts }
  | { id: number; kind: 'extent'; extent: Origin }
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
  /** Per task: the facts of each piece it analysed (one, unless a part is longer than a piece). */
  analysed: Map<number, PartFacts[]>;
  /** Per task: how far its text goes, then where it starts (see `tellOrigins`). */
  extents: Map<number, Origin>;
  origins: (Origin | undefined)[];
  /** Whether the parts of a split file make the whole file's findings (partFacts.ts), once all are analysed. */
  agreed?: boolean;
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
    const state: FileState = {
      path,
      tasks: [],
      blocks: new Map(),
      results: new Map(),
      analysed: new Map(),
      extents: new Map(),
      origins: [],
      written: 0,
    };
    const parts = jobs > 1 ? partsOf(path, jobs) : undefined;
    for (const range of parts && parts.length > 1 ? parts : [undefined])
      state.tasks.push({ id: nextId++, path, range, originBox: range && !range.origin ? new SharedArrayBuffer(32) : undefined });
    state.origins = state.tasks.map((t) => (t.originBox ? undefined : START));
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
        if (f.tasks.length > 1 && f.agreed === undefined) {
          f.agreed = agree(f);
          // Tests ask which way a split file went (both give the same output; only the time differs).
          if (process.env.ERA835_SPLIT_DEBUG)
            run.err(`era835: ${f.path}: ${f.tasks.length} parts, ${f.agreed ? 'merged' : 'checked whole'}\n`);
        }
        if (f.tasks.length > 1 && !f.agreed) {
          // A file-wide fact (co253-unknown-rate judges every CO-253 at once) or a cut the parts do not
          // confirm (partFacts.ts): check it whole, as one thread does.
          for (const t of f.tasks) byTask.delete(t.id);
          f.tasks = [{ id: nextId++, path: f.path }];
          f.blocks.clear();
          f.results.clear();
          f.analysed.clear();
          f.extents.clear();
          f.origins = [START];
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
          if (m.kind === 'extent' || (m.kind === 'done' && !f.extents.has(m.id))) {
            // A part that read nothing still lets the next one go on (the file is then checked whole).
            f.extents.set(m.id, m.kind === 'extent' ? m.extent : ZERO);
            tellOrigins(f);
          }
          if (m.kind === 'extent') return;
          if (m.kind === 'analysed') f.analysed.set(m.id, [...(f.analysed.get(m.id) ?? []), m.facts]);
          else if (m.kind === 'done' && !f.analysed.has(m.id)) {
            f.analysed.set(m.id, []);
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

const ZERO: Origin = { line: 0, column: 0, char: 0 };

/**
 * Tells each part where it starts in the file as soon as the part before it knows where it ends: its
 * worker waits for that between analysing and formatting (a part's lines and characters are only
 * counted by the worker that reads it, never by a serial pass over the file).
 */
function tellOrigins(f: FileState): void {
  for (let k = 0; k + 1 < f.tasks.length; k++) {
    const o = f.origins[k];
    const e = f.extents.get(f.tasks[k].id);
    if (!o || !e || f.origins[k + 1]) continue;
    const next =
      e.line > 0
        ? { line: o.line + e.line, column: e.column, char: o.char + e.char }
        : { line: o.line, column: o.column + e.column, char: o.char + e.char };
    f.origins[k + 1] = next;
    const box = f.tasks[k + 1].originBox;
    if (!box) continue;
    new Float64Array(box, 8, 3).set([next.line, next.column, next.char]);
    const flag = new Int32Array(box, 0, 1);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }
}

/** Do the parts' findings make exactly the whole file's? (A part that analysed nothing cannot say.) */
function agree(f: FileState): boolean {
  const facts: PartFacts[] = [];
  const cutInside: boolean[] = [];
  for (const t of f.tasks) {
    const pieces = f.analysed.get(t.id) ?? [];
    if (!pieces.length) return false;
    pieces.forEach((p, i) => {
      facts.push(p);
      cutInside.push(i === 0 && !!t.range?.context?.prefix);
    });
  }
  return partsAgree(facts, cutInside);
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

/** The parts of a big regular file (interchanges or transactions), or undefined to check it whole. */
function partsOf(path: string, jobs: number): Part[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || st.size < SPLIT_BYTES) return undefined;
    const parts = transactionParts(fd, st.size, Math.max(jobs, Math.ceil(st.size / MAX_PART_BYTES)));
    return parts.every((p) => p.end - p.start <= MAX_PART_BYTES) ? parts : undefined;
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
        originOf: task.range ? (extent) => originFromMain(task, extent) : undefined,
        onAnalysed: (a, window, invalid) => port.postMessage({ id: task.id, kind: 'analysed', facts: partFacts(a, window, invalid) }),
      },
      (block) => port.postMessage({ id: task.id, kind: 'block', block }),
    );
    port.postMessage({ id: task.id, kind: 'done', result });
  });
}

/** In a worker: says how far the part goes, and waits until the main thread says where it starts. */
function originFromMain(task: Task, extent: Origin): Origin {
  parentPort!.postMessage({ id: task.id, kind: 'extent', extent });
  if (!task.originBox) return task.range?.origin ?? START;
  const flag = new Int32Array(task.originBox!, 0, 1);
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 1000);
  const [line, column, char] = new Float64Array(task.originBox!, 8, 3);
  return { line, column, char };
}
