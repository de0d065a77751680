import { redactSteps } from '../../redact/redact';
import type { Handler } from '../context';
import { REDACT, type RedactResponse } from '../protocol';
import { runSafe } from '../runSafe';
import { runSteps } from '../steps';

/**
 * `era835/redact` (ERA: Copy Redacted): the open document, redacted from its cached analysis. Done in
 * slices like the analysis, so other requests are answered meanwhile (a 10 MB field is a second of
 * work), and dropped at the next slice when the client cancels the request.
 */
export const redactHandler: Handler = {
  capabilities: {},
  register: (ctx) =>
    ctx.connection.onRequest(REDACT, (p, token) =>
      runSafe<RedactResponse>(
        ctx.connection,
        REDACT.method,
        token,
        { ok: false, message: 'redaction failed; see the 835 language server output' },
        async () => {
          const a = await ctx.analysisReady(p.textDocument.uri);
          if (!a) return { ok: false, message: 'the document is not open in the 835 language server' };
          const r = await runSteps(redactSteps(a.model, { salt: p.salt }), () => token.isCancellationRequested);
          // Undefined only when cancelled: runSafe then answers "cancelled".
          if (!r) return { ok: false, message: 'redaction was cancelled' };
          return r.ok ? { ok: true, text: r.text, replaced: r.replaced } : r;
        },
      ),
    ),
};
