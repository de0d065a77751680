import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, analyzeInSlices, type Analysis } from '../analysis';
import { reanalyseClaims } from '../incremental/reanalyse';
import type { Settings } from '../settings';
import { SyncedDocument } from './syncedDocument';

/**
 * Documents this long (UTF-16 code units, about 200 KB) or longer are analysed in slices that yield to
 * the event loop; shorter ones at once, which takes well under 50 ms even before the code is warm (a
 * 1 MB remittance analysed at once held a fresh server for ~130 ms).
 */
export const SLICED_FROM_LENGTH = 200_000;

/** Work done per slice before requests get their turn: well under the 100 ms a user notices. */
export const SLICE_MS = 20;

interface Entry {
  readonly version: number;
  readonly settings: Settings;
  readonly analysis: Analysis;
}

interface Job {
  readonly version: number;
  readonly settings: Settings;
  readonly promise: Promise<Analysis | undefined>;
  cancelled: boolean;
}

/** The synced document's line starts, which its analysis keeps as its line index (one count of the lines). */
function keptLineStarts(doc: TextDocument): Int32Array | undefined {
  return doc instanceof SyncedDocument ? doc.lineStartsToKeep() : undefined;
}

/**
 * One analysis per document version, computed on first use and shared by every feature. Entries are
 * dropped when a document closes or its settings change, so memory follows the open documents.
 *
 * Big documents are analysed in the background (`analyse`): in slices of about 20 ms with `setImmediate`
 * between them, so hovers and other requests are answered while a 50 MB file is read. A newer version,
 * a close or a settings change cancels the work in progress, whose promise then resolves to undefined.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly jobs = new Map<string, Job>();

  /** The analysis of this version, computed now if needed (blocking: small documents, tests). */
  get(doc: TextDocument, settings: Settings): Analysis {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settings === settings) return hit.analysis;
    const analysis = this.incremental(doc, settings) ?? analyze(doc.getText(), settings, keptLineStarts(doc));
    this.cancel(doc.uri);
    this.entries.set(doc.uri, { version: doc.version, settings, analysis });
    return analysis;
  }

  /**
   * The analysis of the document's current version made from the one of an earlier version, re-reading
   * only the claims edited since (incremental/reanalyse.ts), when that is possible; undefined when the
   * whole text must be analysed. Either way the earlier analysis is gone afterwards (it was updated in place).
   */
  private incremental(doc: TextDocument, settings: Settings): Analysis | undefined {
    const hit = this.entries.get(doc.uri);
    if (!hit || hit.settings !== settings || !(doc instanceof SyncedDocument)) return undefined;
    this.entries.delete(doc.uri);
    const region = doc.changesSince(hit.version);
    const analysis = region ? reanalyseClaims(hit.analysis, region, doc.getText(), settings, doc.lineStartsToKeep()) : undefined;
    if (analysis) this.entries.set(doc.uri, { version: doc.version, settings, analysis });
    return analysis;
  }

  /** The analysis already computed for exactly this version, if any (never computes). */
  peek(doc: TextDocument): Analysis | undefined {
    const hit = this.entries.get(doc.uri);
    return hit && hit.version === doc.version ? hit.analysis : undefined;
  }

  /** True when analysing this document would take long enough to be done in slices. */
  isLarge(doc: TextDocument): boolean {
    return doc.getText().length >= SLICED_FROM_LENGTH;
  }

  /**
   * The analysis of the document's current version: at once for small documents, in slices for large
   * ones (one job per version, shared by every caller). Resolves to undefined when the work was
   * cancelled because a newer version arrived, the document closed or the settings changed.
   */
  analyse(doc: TextDocument, settings: Settings): Promise<Analysis | undefined> {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settings === settings) return Promise.resolve(hit.analysis);
    if (!this.isLarge(doc)) return Promise.resolve(this.get(doc, settings));
    const running = this.jobs.get(doc.uri);
    if (running && running.version === doc.version && running.settings === settings) return running.promise;
    this.cancel(doc.uri);
    const edited = this.incremental(doc, settings);
    if (edited) return Promise.resolve(edited);
    // The previous version's analysis is of no use to anyone any more: let its memory go now.
    this.entries.delete(doc.uri);
    const job: Job = { version: doc.version, settings, cancelled: false, promise: undefined! };
    const text = doc.getText();
    const steps = analyzeInSlices(text, settings, SLICE_MS, keptLineStarts(doc));
    (job as { promise: Promise<Analysis | undefined> }).promise = runInSlices(text, steps, () => job.cancelled).then(
      (analysis) => {
        if (this.jobs.get(doc.uri) === job) this.jobs.delete(doc.uri);
        if (analysis && !job.cancelled) this.entries.set(doc.uri, { version: job.version, settings, analysis });
        return job.cancelled ? undefined : analysis;
      },
      (e) => {
        if (this.jobs.get(doc.uri) === job) this.jobs.delete(doc.uri);
        throw e;
      },
    );
    this.jobs.set(doc.uri, job);
    return job.promise;
  }

  /**
   * What a request about `doc` should wait for before it is answered: the analysis of its current
   * version when that is a large document still being analysed (started now if it was not), else nothing.
   */
  pending(doc: TextDocument, settings: Settings): Promise<unknown> | undefined {
    const hit = this.entries.get(doc.uri);
    if ((hit && hit.version === doc.version && hit.settings === settings) || !this.isLarge(doc)) return undefined;
    return this.analyse(doc, settings);
  }

  /**
   * Gets an edited large document's text ready while its diagnostics wait for the debounce: an edited
   * text is a rope (SyncedDocument.update concatenates), which the first read copies into one flat
   * string (~30 ms at 50 MB). Done on the next turn (after any change already received), it overlaps the
   * debounce instead of delaying the re-analysis that follows it.
   */
  prepare(doc: TextDocument): void {
    if (!this.isLarge(doc)) return;
    const version = doc.version;
    setImmediate(() => {
      if (doc.version === version) doc.getText().charCodeAt(0); // flattens a rope (V8)
    });
  }

  /**
   * Stops the work on versions before the document's current one: a running analysis of one is
   * cancelled (a big document's analysis stops at its next slice, not when the next starts). The last
   * finished analysis is kept (never served for the new version): the next one is made from it when the
   * edits since touched only claims.
   */
  dropOlderThan(doc: TextDocument): void {
    const job = this.jobs.get(doc.uri);
    if (job && job.version !== doc.version) this.cancel(doc.uri);
  }

  delete(uri: string): void {
    this.cancel(uri);
    this.entries.delete(uri);
  }

  clear(): void {
    for (const uri of [...this.jobs.keys()]) this.cancel(uri);
    this.entries.clear();
  }

  private cancel(uri: string): void {
    const job = this.jobs.get(uri);
    if (!job) return;
    job.cancelled = true;
    this.jobs.delete(uri);
  }
}

/**
 * Turns of the event loop given to other work between two slices. A request's way through the server
 * is a chain of `setImmediate` hops (vscode-jsonrpc's message queue, runSafe, the reply writer's lock),
 * one per turn; with a slice on every turn, each hop waited for a slice (a hover on a small document
 * took 4 slices, 100-150 ms, while a 10 MB document was analysed). With a few empty turns between
 * slices the whole chain runs between two slices. An empty turn costs microseconds.
 */
export const TURNS_BETWEEN_SLICES = 4;

/**
 * Drives a sliced analysis of `text`, one slice every few turns of the event loop, until done or
 * cancelled. An edited text is a rope (SyncedDocument.update concatenates); the first read of it copies
 * it into one flat string, ~30 ms at 50 MB: done in a turn of its own, not on top of the first slice.
 */
function runInSlices(text: string, steps: Generator<void, Analysis, void>, cancelled: () => boolean): Promise<Analysis | undefined> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      if (cancelled()) return resolve(undefined);
      try {
        const r = steps.next();
        if (r.done) resolve(r.value);
        else afterTurns(TURNS_BETWEEN_SLICES, slice);
      } catch (e) {
        reject(e);
      }
    };
    setImmediate(() => {
      if (cancelled()) return resolve(undefined);
      text.charCodeAt(0); // flattens a rope (V8)
      afterTurns(TURNS_BETWEEN_SLICES, slice);
    });
  });
}

/** Runs `fn` after `turns` more turns of the event loop (each turn also reads what the client sent). */
export function afterTurns(turns: number, fn: () => void): void {
  setImmediate(turns <= 1 ? fn : () => afterTurns(turns - 1, fn));
}
