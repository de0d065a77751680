import { documentSymbols } from '../../features/symbols';
import type { Handler } from '../context';
import { runSafe } from '../runSafe';

export const documentSymbolsHandler: Handler = {
  capabilities: { documentSymbolProvider: { label: '835' } },
  register: (ctx) =>
    ctx.connection.onDocumentSymbol((p, token) =>
      runSafe(ctx.connection, 'documentSymbol', token, [], () => {
        const a = ctx.analysisOf(p.textDocument.uri);
        return a ? documentSymbols(a, ctx.settings(p.textDocument.uri)) : [];
      }),
    ),
};
