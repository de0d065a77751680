import { selectionRanges } from '../../features/selectionRanges';
import type { Handler } from '../context';
import { runSafe } from '../runSafe';

export const selectionRangesHandler: Handler = {
  capabilities: { selectionRangeProvider: true },
  register: (ctx) =>
    ctx.connection.onSelectionRanges((p, token) =>
      runSafe(ctx.connection, 'selectionRange', token, [], () => {
        const a = ctx.analysisOf(p.textDocument.uri);
        return a ? selectionRanges(a, p.positions, ctx.settings(p.textDocument.uri)) : [];
      }),
    ),
};
