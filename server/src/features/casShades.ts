import type { Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { tripletsOf } from '../x835/lookup';
import { DEFAULT_VIEW_LIMITS, MAX_ITEMS, Visible, type ViewLimits } from './visible';
import { verdictLabel } from '../x835/verdicts';

/** How the client shades a CAS segment (see casShades). */
export type CasShade = 'muted' | 'patient' | 'attention' | 'other';

/**
 * How the client shades each CAS segment, from its triplets' verdicts (x835/verdicts.ts): `attention`
 * when any triplet needs work, `muted` when all are sequestration or contractual, `patient` when the
 * patient owes it, else `other`. Only the segments VS Code shows inside the given ranges (the visible
 * ones; see Visible), each shade cut at the render limit of its line, at most MAX_ITEMS.casShades: a
 * one-line file costs its first 10,000 characters.
 */
export function casShades(
  a: Analysis,
  ranges: readonly Range[],
  limits: ViewLimits = DEFAULT_VIEW_LIMITS,
): Array<{ range: Range; shade: CasShade; label: string }> {
  const t = a.tokens;
  const out: Array<{ range: Range; shade: CasShade; label: string }> = [];
  const seen = new Set<number>();
  for (const r of ranges) {
    const view = new Visible(a, r, limits);
    for (const i of view.segments()) {
      if (out.length >= MAX_ITEMS.casShades) return out;
      if (seen.has(i) || t.id(i) !== 'CAS' || !view.shows(t.segStart[i])) continue;
      seen.add(i);
      const classes = tripletsOf(a.model, i).map((x) => a.verdicts.at(a.model.cas.rowOf(x.seg, x.triplet)));
      if (!classes.length) continue;
      const shade: CasShade = classes.some((c) => c.actionable)
        ? 'attention'
        : classes.every((c) => c.cls === 'sequestration' || c.cls === 'contractual')
          ? 'muted'
          : classes.every((c) => c.cls === 'patientResponsibility')
            ? 'patient'
            : 'other';
      const label = [...new Set(classes.map(verdictLabel))].join(', ');
      // Cut at the render limit of its line (a segment wrapped over several lines keeps its end).
      const start = a.lines.positionAt(t.segStart[i]);
      let end = a.lines.positionAt(t.segEnd[i]);
      if (end.line === start.line) end = a.lines.positionAt(Math.min(t.segEnd[i], view.shownEnd(t.segStart[i])));
      out.push({ range: { start, end }, shade, label });
    }
  }
  return out;
}
