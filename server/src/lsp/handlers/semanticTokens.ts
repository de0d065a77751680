import { LEGEND, semanticTokens } from '../../features/semanticTokens';
import type { Handler } from '../context';
import { runSafe } from '../runSafe';

export const semanticTokensHandler: Handler = {
  capabilities: { semanticTokensProvider: { legend: LEGEND, full: true, range: true } },
  register: (ctx) => {
    const c = ctx.connection;
    c.languages.semanticTokens.on((p, token) => runSafe(c, 'semanticTokens', token, { data: [] }, () => {
      const a = ctx.analysisOf(p.textDocument.uri);
      return a ? semanticTokens(a) : { data: [] };
    }));
    c.languages.semanticTokens.onRange((p, token) => runSafe(c, 'semanticTokens/range', token, { data: [] }, () => {
      const a = ctx.analysisOf(p.textDocument.uri);
      return a ? semanticTokens(a, p.range) : { data: [] };
    }));
  },
};
