import { hover } from '../../features/hover';
import type { Handler } from '../context';
import { runSafe } from '../runSafe';

export const hoverHandler: Handler = {
  capabilities: { hoverProvider: true },
  register: (ctx) =>
    ctx.connection.onHover((p, token) =>
      runSafe(ctx.connection, 'hover', token, null, () => {
        const a = ctx.analysisOf(p.textDocument.uri);
        return a ? hover(a, p.position, ctx.settings(p.textDocument.uri), p.textDocument.uri) : null;
      }),
    ),
};
