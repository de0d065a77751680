import { inlayHints } from '../../features/inlayHints';
import type { Handler } from '../context';
import { runSafe } from '../runSafe';

export const inlayHintsHandler: Handler = {
  capabilities: { inlayHintProvider: { resolveProvider: false } },
  register: (ctx) =>
    ctx.connection.languages.inlayHint.on((p, token) =>
      runSafe(ctx.connection, 'inlayHint', token, [], () => {
        const a = ctx.analysisOf(p.textDocument.uri);
        return a ? inlayHints(a, p.range, ctx.settings(p.textDocument.uri), ctx.viewLimits(p.textDocument.uri)) : [];
      }),
    ),
};
