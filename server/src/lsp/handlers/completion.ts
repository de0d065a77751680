import { completion, COMPLETION_TRIGGERS } from '../../features/completion';
import type { Handler } from '../context';
import { runSafe } from '../runSafe';

export const completionHandler: Handler = {
  capabilities: { completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, completionItem: { labelDetailsSupport: true } } },
  register: (ctx) =>
    ctx.connection.onCompletion((p, token) =>
      runSafe(ctx.connection, 'completion', token, null, () => {
        const a = ctx.analysisOf(p.textDocument.uri);
        return a ? completion(a, p.position, ctx.settings(p.textDocument.uri)) : null;
      }),
    ),
};
