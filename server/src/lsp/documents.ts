import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../analysis';
import type { Settings } from '../settings';

/**
 * One analysis per document version, computed on first use and shared by every feature. Entries are
 * dropped when a document closes or its settings change, so memory follows the open documents.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; settings: Settings; analysis: Analysis }>();

  get(doc: TextDocument, settings: Settings): Analysis {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settings === settings) return hit.analysis;
    const analysis = analyze(doc.getText(), settings);
    this.entries.set(doc.uri, { version: doc.version, settings, analysis });
    return analysis;
  }

  /** The analysis already computed for exactly this version, if any (never computes). */
  peek(doc: TextDocument): Analysis | undefined {
    const hit = this.entries.get(doc.uri);
    return hit && hit.version === doc.version ? hit.analysis : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
