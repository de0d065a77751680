import { codeLenses } from '../../features/codeLens';
import type { Handler } from '../context';
import { runSafe } from '../runSafe';

export const codeLensHandler: Handler = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register: (ctx) =>
    ctx.connection.onCodeLens((p, token) =>
      runSafe(ctx.connection, 'codeLens', token, [], () => {
        const a = ctx.analysisOf(p.textDocument.uri);
        return a ? codeLenses(a, ctx.viewLimits(p.textDocument.uri)) : [];
      }),
    ),
};
