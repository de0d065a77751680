import { foldingRanges } from '../../features/folding';
import type { Handler } from '../context';
import { runSafe } from '../runSafe';

export const foldingRangesHandler: Handler = {
  capabilities: { foldingRangeProvider: true },
  register: (ctx) =>
    ctx.connection.onFoldingRanges((p, token) =>
      runSafe(ctx.connection, 'foldingRange', token, [], () => {
        const a = ctx.analysisOf(p.textDocument.uri);
        const rangeLimit = ctx.clientCapabilities().textDocument?.foldingRange?.rangeLimit;
        return a ? foldingRanges(a, ctx.settings(p.textDocument.uri), { rangeLimit }) : [];
      }),
    ),
};
