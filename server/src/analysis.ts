import { runRules } from './rules';
import type { Settings } from './settings';
import type { Finding } from './x12/finding';
import { LineIndex } from './x12/lineIndex';
import { tokenize, type SegmentTable } from './x12/tokenizer';
import { buildModel } from './x835/builder';
import type { Model } from './x835/types';

/**
 * Everything known about one version of one document: computed once, read by every feature.
 * The CLI and the language server both go through `analyze`, so they always agree.
 */
export interface Analysis {
  readonly text: string;
  readonly tokens: SegmentTable;
  readonly lines: LineIndex;
  readonly model: Model;
  /** Syntax, structure and rule findings, in that order. */
  readonly findings: readonly Finding[];
}

export function analyze(text: string, settings: Settings): Analysis {
  const tokens = tokenize(text);
  const model = buildModel(tokens);
  const findings = [...tokens.findings, ...model.findings, ...runRules({ model, settings })];
  return { text, tokens, lines: new LineIndex(text), model, findings };
}
