import type { Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { tripletsOf } from '../x835/lookup';
import { verdictLabel } from '../x835/verdicts';

/** How the client shades a CAS segment (see casShades). */
export type CasShade = 'muted' | 'patient' | 'attention' | 'other';

/**
 * How the client shades each CAS segment, from its triplets' verdicts (x835/verdicts.ts): `attention`
 * when any triplet needs work, `muted` when all are sequestration or contractual, `patient` when the
 * patient owes it, else `other`. Only the segments inside the given ranges (the visible ones), so it
 * stays cheap on huge files.
 */
export function casShades(a: Analysis, ranges: readonly Range[]): Array<{ range: Range; shade: CasShade; label: string }> {
  const t = a.tokens;
  const out: Array<{ range: Range; shade: CasShade; label: string }> = [];
  const seen = new Set<number>();
  for (const r of ranges) {
    const first = Math.max(0, t.segmentAt(a.lines.offsetAt(r.start)));
    const last = t.segmentAt(a.lines.offsetAt(r.end));
    for (let i = first; i <= last; i++) {
      if (seen.has(i) || t.id(i) !== 'CAS') continue;
      seen.add(i);
      const classes = tripletsOf(a.model, i).map((x) => a.verdicts.at(a.model.cas.rowOf(x.seg, x.triplet)));
      if (!classes.length) continue;
      const shade: CasShade = classes.some((c) => c.actionable) ? 'attention'
        : classes.every((c) => c.cls === 'sequestration' || c.cls === 'contractual') ? 'muted'
        : classes.every((c) => c.cls === 'patientResponsibility') ? 'patient' : 'other';
      const label = [...new Set(classes.map(verdictLabel))].join(', ');
      out.push({ range: { start: a.lines.positionAt(t.segStart[i]), end: a.lines.positionAt(t.segEnd[i]) }, shade, label });
    }
  }
  return out;
}
