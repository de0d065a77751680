import { navigate, segmentRange, whereAmI } from '../../features/navigation';
import { casShades } from '../../features/casShades';
import { normalizeDelimiters } from '../../features/delimiters';
import { tableOf } from '../../features/table';
import type { Handler } from '../context';
import {
  CAS_CLASSES, NAVIGATE, NORMALIZE_DELIMITERS, SEGMENT_RANGE, TABLE, WHERE_AM_I,
  type CasClassesParams, type NavigateParams, type TableParams, type NormalizeParams, type NormalizeResponse, type PositionParams, type SegmentRangeParams,
} from '../protocol';
import { runSafe } from '../runSafe';

/** Custom requests behind the status bar, the go-to commands, the view switch, CAS shading and delimiter normalisation. */
export const navigationHandler: Handler = {
  capabilities: {},
  register: (ctx) => {
    const c = ctx.connection;
    c.onRequest(WHERE_AM_I, (p: PositionParams, token) => runSafe(c, WHERE_AM_I, token, null, () => {
      const a = ctx.analysisOf(p.uri);
      return a ? whereAmI(a, p.position) : null;
    }));
    c.onRequest(SEGMENT_RANGE, (p: SegmentRangeParams, token) => runSafe(c, SEGMENT_RANGE, token, null, () => {
      const a = ctx.analysisOf(p.uri);
      return a ? segmentRange(a, p.index) : null;
    }));
    c.onRequest(NAVIGATE, (p: NavigateParams, token) => runSafe(c, NAVIGATE, token, null, () => {
      const a = ctx.analysisOf(p.uri);
      return a ? navigate(a, p.position, p.target, ctx.settings()) : null;
    }));
    c.onRequest(CAS_CLASSES, (p: CasClassesParams, token) => runSafe(c, CAS_CLASSES, token, { shades: [] }, () => {
      const a = ctx.analysisOf(p.uri);
      return { shades: a ? casShades(a, p.ranges) : [] };
    }));
    c.onRequest(TABLE, (p: TableParams, token) => runSafe(c, TABLE, token, null, () => {
      const a = ctx.analysisOf(p.uri);
      return a ? tableOf(a, p.range) : null;
    }));
    c.onRequest(NORMALIZE_DELIMITERS, (p: NormalizeParams, token) => runSafe<NormalizeResponse | null>(c, NORMALIZE_DELIMITERS, token, null, () => {
      const a = ctx.analysisOf(p.uri);
      if (!a) return null;
      const r = normalizeDelimiters(a.tokens, { element: p.element, component: p.component, repetition: p.repetition, segment: p.segment });
      return r.ok ? r : { ok: false, message: r.message, range: { start: a.lines.positionAt(r.start), end: a.lines.positionAt(r.end) } };
    }));
  },
};
