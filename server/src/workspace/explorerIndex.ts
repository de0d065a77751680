import { readFile, stat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeInSlices, type Analysis } from '../analysis';
import { addCounts, countClaims, fileFacts, NO_COUNTS, sameFacts, type FileFacts } from '../report/explorer/facts';
import type { ExplorerCounts, ExplorerFilter } from '../report/explorer/types';
import type { Settings } from '../settings';

/**
 * The ERA Explorer's index of the workspace: for each 835 file, its payments and claims with the work
 * their verdicts hold (report/explorer/facts.ts), never the text. Files on disk are read and analysed in
 * the background, in slices that yield to the event loop, one file at a time; open documents give their
 * current analysis instead. Expanding a claim reads that file's analysis again (kept for the last file).
 */

/** VS Code passes no document over 50 MB to extensions: such files are listed, not read (Open Large Remittance reads them). */
export const EXPLORER_MAX_BYTES = 50 * 1024 * 1024;

/** Work per slice of a background analysis before requests get their turn. */
const SLICE_MS = 20;

/** One file of the index. */
export interface ExplorerEntry {
  readonly uri: string;
  /** Path relative to its workspace folder (or the file name). */
  label: string;
  /** Bumped whenever the facts change: node ids carry it, so a stale id is recognised. */
  gen: number;
  facts?: FileFacts;
  /** Why the file is not read: too large for the editor, or unreadable. */
  note?: { readonly text: string; readonly large: boolean };
  /** The open document's version the facts are of (undefined: read from disk). */
  version?: number;
}

/** What the index needs from the server: settings, open documents and a way to say it changed. */
export interface ExplorerHost {
  settings(uri: string): Settings;
  /**
   * An open document: its version, and its analysis once ready (undefined when it changed or closed
   * meanwhile); undefined when the document is not open.
   */
  openAnalysis(uri: string): { readonly version: number; ready(): Promise<Analysis | undefined> } | undefined;
  /** Called (throttled by the caller) when entries were added, changed or removed. */
  changed(): void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs a sliced analysis to its end, with a turn of the event loop between slices. */
async function analyseInBackground(text: string, settings: Settings): Promise<Analysis> {
  const steps = analyzeInSlices(text, settings, SLICE_MS);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await nextTurn();
  }
}

export class ExplorerIndex {
  private readonly entries = new Map<string, ExplorerEntry>();
  private readonly queue = new Set<string>();
  private running: Promise<void> | undefined;
  private roots: string[] = [];
  /** Files found by the walk still to be read (for "indexing n of m"). */
  private walked = 0;
  /** The last disk file analysed for its children. */
  private kept: { uri: string; gen: number; analysis: Analysis } | undefined;
  private gens = 0;

  constructor(private readonly host: ExplorerHost) {}

  /** The workspace folders (paths), for labels. */
  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
    for (const e of this.entries.values()) e.label = this.labelOf(e.uri);
  }

  /** Whether a file is inside a workspace folder (a closed document there falls back to its copy on disk). */
  inWorkspace(uri: string): boolean {
    return this.relativeOf(uri) !== undefined;
  }

  /** Whether the background reading is still going, and how far. */
  progress(): { done: number; total: number } | undefined {
    if (!this.running) return undefined;
    return { done: Math.max(0, this.walked - this.queue.size), total: this.walked };
  }

  /** Files to read from disk (found by the walk, or changed on disk). */
  enqueue(uris: readonly string[]): void {
    for (const uri of uris) {
      if (!this.entries.has(uri)) this.entries.set(uri, { uri, label: this.labelOf(uri), gen: ++this.gens });
      this.queue.add(uri);
    }
    this.walked += uris.length;
    this.start();
  }

  delete(uri: string): void {
    this.queue.delete(uri);
    if (this.entries.delete(uri)) this.host.changed();
    if (this.kept?.uri === uri) this.kept = undefined;
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  /**
   * An open document was analysed: its facts are taken from that analysis when next asked (not now:
   * analysing a large document must not also pay for the explorer when nobody looks).
   */
  opened(uri: string): void {
    const e = this.entries.get(uri) ?? { uri, label: this.labelOf(uri), gen: ++this.gens };
    this.entries.set(uri, e);
    this.queue.delete(uri);
    // The same version analysed again (settings) may change verdicts too: the client asks, and the facts
    // decide whether node ids change.
    this.host.changed();
  }

  /** Every entry, sorted by label, with its facts brought up to date for open documents. */
  async list(): Promise<ExplorerEntry[]> {
    const out = [...this.entries.values()];
    for (const e of out) await this.refreshOpen(e);
    return out.sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }) || a.uri.localeCompare(b.uri));
  }

  async get(uri: string): Promise<ExplorerEntry | undefined> {
    const e = this.entries.get(uri);
    if (e) await this.refreshOpen(e);
    return e;
  }

  /** Counts over the entries under the filter (the badge: adjustments to work in the whole workspace). */
  static totals(entries: readonly ExplorerEntry[], filter: ExplorerFilter = { kind: 'all' }): ExplorerCounts {
    let t = NO_COUNTS;
    for (const e of entries) if (e.facts) t = addCounts(t, countClaims(e.facts, filter));
    return t;
  }

  /** The payers of the workspace (N1*PR names), with their claim counts, for the payer filter. */
  async payers(): Promise<Array<{ payer: string; claims: number; toWork: number }>> {
    const by = new Map<string, { payer: string; claims: number; toWork: number }>();
    for (const e of await this.list()) {
      for (const p of e.facts?.payments ?? []) {
        const row = by.get(p.payer) ?? { payer: p.payer, claims: 0, toWork: 0 };
        const c = countClaims(e.facts!, { kind: 'all' }, p.firstClaim, p.firstClaim + p.claimCount);
        row.claims += c.claims;
        row.toWork += c.toWork;
        by.set(p.payer, row);
      }
    }
    return [...by.values()].sort((a, b) => a.payer.localeCompare(b.payer));
  }

  /**
   * The analysis the entry's facts were made from, for a claim's children: the open document's, else the
   * file read and analysed again (in slices) and kept until another file is asked about. Undefined when
   * the file changed meanwhile (its facts are of another version: the tree is refreshed).
   */
  async analysisOf(e: ExplorerEntry): Promise<Analysis | undefined> {
    const open = this.host.openAnalysis(e.uri);
    if (open) {
      const analysis = await open.ready();
      return this.host.openAnalysis(e.uri)?.version === e.version ? analysis : undefined;
    }
    if (this.kept?.uri === e.uri && this.kept.gen === e.gen) return this.kept.analysis;
    this.kept = undefined;
    const gen = e.gen;
    const text = await readFile(fileURLToPath(e.uri), 'utf8');
    const analysis = await analyseInBackground(text, this.host.settings(e.uri));
    if (e.gen !== gen || this.entries.get(e.uri) !== e) return undefined;
    // The file may have changed on disk without an event yet: then its claims differ from the facts.
    if (analysis.model.claims.length !== (e.facts?.claims.length ?? -1)) {
      this.enqueue([e.uri]);
      return undefined;
    }
    this.kept = { uri: e.uri, gen, analysis };
    return analysis;
  }

  /** An open document's facts, from its current analysis (when it changed again meanwhile, the last ones stay). */
  private async refreshOpen(e: ExplorerEntry): Promise<void> {
    const open = this.host.openAnalysis(e.uri);
    if (!open || (e.version === open.version && e.facts)) return;
    const analysis = await open.ready();
    if (!analysis || this.host.openAnalysis(e.uri)?.version !== open.version) return;
    this.settle(e, fileFacts(analysis), undefined);
    e.version = open.version;
  }

  private start(): void {
    this.running ??= this.readQueue().finally(() => {
      this.running = undefined;
      this.walked = 0;
      this.host.changed();
    });
  }

  private async readQueue(): Promise<void> {
    for (;;) {
      const uri = this.queue.values().next().value as string | undefined;
      if (uri === undefined) return;
      this.queue.delete(uri);
      const e = this.entries.get(uri);
      if (!e || this.host.openAnalysis(uri)) continue;
      await this.readFromDisk(e);
      this.host.changed();
      await nextTurn();
    }
  }

  private async readFromDisk(e: ExplorerEntry): Promise<void> {
    const path = fileURLToPath(e.uri);
    try {
      const st = await stat(path);
      if (st.size > EXPLORER_MAX_BYTES) {
        this.settle(e, undefined, {
          text: `${(st.size / 1e6).toFixed(1)} MB: too large for the editor; choose it to open it with Open Large Remittance`,
          large: true,
        });
        return;
      }
      const text = await readFile(path, 'utf8');
      const analysis = await analyseInBackground(text, this.host.settings(e.uri));
      // Opened, deleted or queued again while it was read: that newer event decides.
      if (this.entries.get(e.uri) !== e || this.host.openAnalysis(e.uri) || this.queue.has(e.uri)) return;
      this.settle(e, fileFacts(analysis), undefined);
    } catch (err) {
      if (this.entries.get(e.uri) !== e) return;
      this.settle(e, undefined, { text: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, large: false });
    }
  }

  /** New facts (or a note) for an entry; its node ids change only when what the tree shows changed. */
  private settle(e: ExplorerEntry, facts: FileFacts | undefined, note: ExplorerEntry['note']): void {
    const same = facts && e.facts && !e.note && !note ? sameFacts(e.facts, facts) : false;
    e.facts = facts;
    e.note = note;
    e.version = undefined;
    if (same) return;
    e.gen = ++this.gens;
    if (this.kept?.uri === e.uri) this.kept = undefined;
  }

  private labelOf(uri: string): string {
    return this.relativeOf(uri) ?? this.baseName(uri);
  }

  /** The file's path relative to the workspace folder it is in, or undefined when it is in none. */
  private relativeOf(uri: string): string | undefined {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    for (const root of this.roots) {
      const rel = relative(root, path);
      if (rel && !rel.startsWith('..') && !rel.startsWith(sep)) return rel.split(sep).join('/');
    }
    return undefined;
  }

  private baseName(uri: string): string {
    try {
      return basename(fileURLToPath(uri));
    } catch {
      return uri;
    }
  }
}
