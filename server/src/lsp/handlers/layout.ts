import { TextEdit } from 'vscode-languageserver';
import { formatText, minifyText } from '../../features/format';
import type { Handler } from '../context';
import { LAYOUT, type LayoutResult } from '../protocol';
import { runSafe } from '../runSafe';

/** Document formatting (one segment per line) and the layout request behind the pretty view and minify. */
export const layoutHandler: Handler = {
  capabilities: { documentFormattingProvider: true },
  register: (ctx) => {
    ctx.connection.onDocumentFormatting((p, token) =>
      runSafe(ctx.connection, 'formatting', token, [], async () => {
        const a = await ctx.analysisReady(p.textDocument.uri);
        if (!a) return [];
        const text = formatText(a.tokens);
        if (text === a.text) return [];
        return [TextEdit.replace({ start: { line: 0, character: 0 }, end: a.lines.positionAt(a.text.length) }, text)];
      }),
    );
    ctx.connection.onRequest(LAYOUT, (p, token) =>
      runSafe<LayoutResult | null>(ctx.connection, LAYOUT.method, token, null, async () => {
        const a = await ctx.analysisReady(p.textDocument.uri);
        if (!a) return null;
        const text = p.mode === 'format' ? formatText(a.tokens) : minifyText(a.tokens);
        const lineTerminated = a.tokens.spans.some((s) => s.delimiters.segment === '\n' || s.delimiters.segment === '\r');
        return {
          text,
          changed: text !== a.text,
          note:
            p.mode === 'minify' && lineTerminated
              ? 'This file uses a line break as its segment terminator, so its line breaks are data and stay.'
              : undefined,
        };
      }),
    );
  },
};
