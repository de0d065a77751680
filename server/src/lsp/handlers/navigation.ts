import { navigate, segmentRange, whereAmI } from '../../features/navigation';
import { casShades } from '../../features/casShades';
import { normalizeDelimiters } from '../../features/delimiters';
import { tableOf } from '../../features/table';
import type { Handler } from '../context';
import { CAS_CLASSES, NAVIGATE, NORMALIZE_DELIMITERS, SEGMENT_RANGE, TABLE, WHERE_AM_I } from '../protocol';
import { runSafe } from '../runSafe';

/** Custom requests behind the status bar, the go-to commands, the view switch, CAS shading and delimiter normalisation. */
export const navigationHandler: Handler = {
  capabilities: {},
  register: (ctx) => {
    const c = ctx.connection;
    c.onRequest(WHERE_AM_I, (p, token) =>
      runSafe(c, WHERE_AM_I.method, token, null, async () => {
        const a = await ctx.analysisReady(p.textDocument.uri);
        return a ? whereAmI(a, p.position) : null;
      }),
    );
    c.onRequest(SEGMENT_RANGE, (p, token) =>
      runSafe(c, SEGMENT_RANGE.method, token, null, async () => {
        const a = await ctx.analysisReady(p.textDocument.uri);
        return a ? segmentRange(a, p.index) : null;
      }),
    );
    c.onRequest(NAVIGATE, (p, token) =>
      runSafe(c, NAVIGATE.method, token, null, async () => {
        const a = await ctx.analysisReady(p.textDocument.uri);
        return a ? navigate(a, p.position, p.target, ctx.settings(p.textDocument.uri)) : null;
      }),
    );
    c.onRequest(CAS_CLASSES, (p, token) =>
      runSafe(c, CAS_CLASSES.method, token, { shades: [] }, async () => {
        const a = await ctx.analysisReady(p.textDocument.uri);
        return { shades: a ? casShades(a, p.ranges, ctx.viewLimits(p.textDocument.uri)) : [] };
      }),
    );
    c.onRequest(TABLE, (p, token) =>
      runSafe(c, TABLE.method, token, null, async () => {
        const a = await ctx.analysisReady(p.textDocument.uri);
        return a ? tableOf(a, p.range) : null;
      }),
    );
    c.onRequest(NORMALIZE_DELIMITERS, (p, token) =>
      runSafe(c, NORMALIZE_DELIMITERS.method, token, null, async () => {
        const a = await ctx.analysisReady(p.textDocument.uri);
        if (!a) return null;
        const r = normalizeDelimiters(a.tokens, {
          element: p.element,
          component: p.component,
          repetition: p.repetition,
          segment: p.segment,
        });
        return r.ok ? r : { ok: false, message: r.message, range: { start: a.lines.positionAt(r.start), end: a.lines.positionAt(r.end) } };
      }),
    );
  },
};
