/**
 * What "the incremental analysis equals a full analysis" means, as plain data: every finding (code,
 * range, severity, message, related places), the segment table, the loop and id of every segment, every
 * column of the model (claims, service lines, CAS triplets, remark codes; code ids read as their
 * strings, since ids are numbered in the order codes were first met), the envelopes, the line index,
 * every triplet's verdict and their totals, the summary and the outline (document symbols).
 */
import type { Analysis } from '../../../server/src/analysis';
import { documentSymbols } from '../../../server/src/features/symbols';
import { summarize } from '../../../server/src/report/summary';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

type Columns = Record<string, unknown> & { length: number };

/** Columns holding ids of the model's shared code strings: compared as the strings. */
const CODE_COLUMNS = new Set(['status', 'filingIndicator', 'group', 'reason', 'qualifier', 'code']);

function columns(set: Columns, codes: readonly string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const key of Object.keys(set).sort()) {
    const a = set[key];
    if (!ArrayBuffer.isView(a)) continue;
    const rows = Array.from((a as unknown as Int32Array).subarray(0, set.length));
    out[key] = CODE_COLUMNS.has(key) ? rows.map((id) => codes[id]) : rows.map((v) => (Number.isNaN(v) ? 'NaN' : v));
  }
  return out;
}

/** Everything an analysis says, as JSON-ready data. */
export function snapshot(a: Analysis): unknown {
  const t = a.tokens;
  const m = a.model;
  const s = m.store;
  const codes = s.codes.list;
  return {
    text: a.text.length,
    segStart: Array.from(t.segStart),
    segEnd: Array.from(t.segEnd),
    segElem: Array.from(t.segElem),
    elemRel: Array.from(t.elemRel),
    spans: t.spans.map((x) => [x.firstSegment, x.delimiters]),
    segLoop: Array.from(m.segLoop),
    segIds: Array.from(m.segIds),
    claims: columns(s.claims as unknown as Columns, codes),
    lines: columns(s.lines as unknown as Columns, codes),
    cas: columns(s.cas as unknown as Columns, codes),
    claimRemarks: columns(s.claimRemarks as unknown as Columns, codes),
    lineRemarks: columns(s.lineRemarks as unknown as Columns, codes),
    transactions: m.transactions.map((x) => [
      x.seg,
      x.seSeg,
      x.lastSeg,
      x.setId,
      x.controlNumber,
      x.payment?.seg,
      x.trace?.seg,
      x.payer?.seg,
      x.payee?.seg,
      x.productionDate,
      x.claims.length,
      x.providerAdjustments.map((p) => [p.seg, p.pair, p.amount]),
    ]),
    interchanges: m.interchanges.map((i) => [
      i.seg,
      i.ieaSeg,
      i.controlNumber,
      i.groups.map((g) => [g.seg, g.geSeg, g.controlNumber, g.transactions.length]),
    ]),
    lineStarts: Array.from(a.lines.starts),
    verdicts: {
      cls: Array.from(a.verdicts.cls),
      flags: Array.from(a.verdicts.flags),
      why: Array.from(a.verdicts.why),
      recoverable: Array.from(a.verdicts.recoverable),
      expected: Array.from(a.verdicts.expected).map((v) => (Number.isNaN(v) ? 'NaN' : v)),
    },
    totals: a.verdicts.totals(),
    summary: summarize(a, DEFAULT_SETTINGS),
    symbols: documentSymbols(a, DEFAULT_SETTINGS),
    findings: a.findings.map((f) => [
      f.code,
      f.start,
      f.end,
      f.severity ?? '',
      f.message,
      (f.related ?? []).map((r) => [r.start, r.end, r.message]),
    ]),
  };
}

/** Where two snapshots first differ ("" when they are the same): the field, the row and both values. */
export function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return a.length !== b.length ? `${d} (lengths ${a.length} and ${b.length})` : d;
    }
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 300)} vs ${JSON.stringify(b)?.slice(0, 300)}`;
}
