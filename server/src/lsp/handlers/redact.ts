import { redactModel } from '../../redact/redact';
import type { Handler } from '../context';
import { REDACT, type RedactResponse } from '../protocol';
import { runSafe } from '../runSafe';

/** `era835/redact` (ERA: Copy Redacted): the open document, redacted from its cached analysis. */
export const redactHandler: Handler = {
  capabilities: {},
  register: (ctx) => ctx.connection.onRequest(REDACT, (p, token) => runSafe<RedactResponse>(
    ctx.connection, REDACT.method, token, { ok: false, message: 'redaction failed; see the 835 language server output' }, () => {
      const a = ctx.analysisOf(p.textDocument.uri);
      if (!a) return { ok: false, message: 'the document is not open in the 835 language server' };
      const r = redactModel(a.model, { salt: p.salt });
      return r.ok ? { ok: true, text: r.text, replaced: r.replaced } : r;
    },
  )),
};
