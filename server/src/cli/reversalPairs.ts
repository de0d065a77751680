import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { defaultSeverity } from '../rules/engine/catalog';
import type { Settings } from '../settings';
import { readModel } from '../workspace/claimIndex';
import {
  fileClaimsOf,
  originalIn,
  originalMessage,
  reversalMessage,
  type ClaimMoney,
  type FileClaims,
  type ReversalLink,
} from '../workspace/reversalLinks';
import type { Severity } from '../x12/finding';

/**
 * `reversal-pair` for `era835 check` over several files (a folder): a reversal (CLP02 22) in one file
 * whose original is in another (workspace/reversalLinks.ts, as the language server says it). The files
 * were already checked one by one (maybe in workers); this pass reads them again, tokens and model only,
 * and only when some file holds a reversal at all (a quick look at the text first).
 */
export interface PairFindings {
  /** Output in check's format (text lines, or JSON objects joined by ",\n"). */
  readonly blocks: string[];
  /** Findings shown, by severity: error, warning, information, hint. */
  readonly counts: number[];
}

const SEVERITY_INDEX: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export async function reversalPairFindings(paths: readonly string[], settings: Settings, format: 'text' | 'json'): Promise<PairFindings> {
  const out: PairFindings = { blocks: [], counts: [0, 0, 0, 0] };
  const level = settings.rules['reversal-pair'] ?? defaultSeverity('reversal-pair');
  if (paths.length < 2 || level === 'off') return out;
  if (!(await someReversal(paths))) return out;
  // First the reversals of every file (a handful), then each file's originals against them: one file's
  // claims at a time, so a folder of large files is never held in memory at once.
  const reversals = new Map<string, readonly ClaimMoney[]>();
  for (const path of paths) {
    const claims = await claimsOf(path);
    if (claims?.reversals.length) reversals.set(path, claims.reversals);
  }
  if (!reversals.size) return out;
  const links: ReversalLink[] = [];
  const paired = new Set<ClaimMoney>();
  for (const path of paths) {
    const claims = await claimsOf(path);
    if (!claims) continue;
    for (const [reversalFile, list] of reversals) {
      if (reversalFile === path) continue;
      for (const reversal of list) {
        const original = paired.has(reversal) ? undefined : originalIn(claims, reversal);
        if (!original) continue;
        paired.add(reversal);
        links.push({ reversalFile, reversal, originalFile: path, original });
      }
    }
  }
  for (const path of paths) {
    for (const l of links) {
      if (l.reversalFile !== path && l.originalFile !== path) continue;
      const mine = l.reversalFile === path ? l.reversal : l.original;
      const message = l.reversalFile === path ? reversalMessage(l, basename) : originalMessage(l, basename);
      out.counts[SEVERITY_INDEX[level]]++;
      out.blocks.push(
        format === 'json'
          ? `{"file":${JSON.stringify(path)},"line":${mine.line + 1},"column":${mine.character + 1},"endLine":${mine.endLine + 1},"endColumn":${mine.endCharacter + 1},"severity":"${level}","code":"reversal-pair","message":${JSON.stringify(message)}}`
          : `${path}:${mine.line + 1}:${mine.character + 1} ${level} reversal-pair ${message}\n`,
      );
    }
  }
  return out;
}

/** A file's claims for pairing (undefined when unreadable: check already said so). */
async function claimsOf(path: string): Promise<FileClaims | undefined> {
  try {
    const { model, lines } = await readModel(path);
    return fileClaimsOf(model, lines);
  } catch {
    return undefined;
  }
}

/** Whether some file has a CLP with CLP02 22 (with its own element separator, ISA's fourth character). */
async function someReversal(paths: readonly string[]): Promise<boolean> {
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    const e = text.trimStart()[3];
    if (!e || /[\w\s]/.test(e)) continue;
    const q = e.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
    if (new RegExp(`CLP${q}[^${q}]*${q}22${q}`).test(text)) return true;
  }
  return false;
}
