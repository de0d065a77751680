import { LSPErrorCodes, ResponseError, type SemanticTokens } from 'vscode-languageserver';
import { fullSemanticTokens, LEGEND, semanticTokens } from '../../features/semanticTokens';
import type { Handler } from '../context';
import { runSafe } from '../runSafe';

export const semanticTokensHandler: Handler = {
  capabilities: { semanticTokensProvider: { legend: LEGEND, full: true, range: true } },
  register: (ctx) => {
    const c = ctx.connection;
    c.languages.semanticTokens.on((p, token) =>
      runSafe<SemanticTokens | ResponseError<void>>(c, 'semanticTokens', token, { data: [] }, () => {
        const a = ctx.analysisOf(p.textDocument.uri);
        if (!a) return { data: [] };
        // More tokens than one response may hold: "server cancelled" makes VS Code keep asking for the
        // visible ranges instead (an empty answer would count as the complete tokens of the document).
        return (
          fullSemanticTokens(a, ctx.viewLimits(p.textDocument.uri)) ??
          new ResponseError<void>(LSPErrorCodes.ServerCancelled, 'too many semantic tokens for one response: served by range')
        );
      }),
    );
    c.languages.semanticTokens.onRange((p, token) =>
      runSafe(c, 'semanticTokens/range', token, { data: [] }, () => {
        const a = ctx.analysisOf(p.textDocument.uri);
        return a ? semanticTokens(a, p.range, ctx.viewLimits(p.textDocument.uri)) : { data: [] };
      }),
    );
  },
};
