import { codeActions } from '../../features/codeActions';
import type { Handler } from '../context';
import { runSafe } from '../runSafe';

export const codeActionsHandler: Handler = {
  capabilities: { codeActionProvider: true },
  register: (ctx) =>
    ctx.connection.onCodeAction((p, token) =>
      runSafe(ctx.connection, 'codeAction', token, [], () => {
        const a = ctx.analysisOf(p.textDocument.uri);
        return a ? codeActions(a, p.textDocument.uri, p.range, p.context.diagnostics) : [];
      }),
    ),
};
