import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { EDITOR_LIMIT_SECTIONS } from '../../server/src/lsp/protocol';

/** The settings the client watches for the server: ours, and the editor limits its responses respect. */
export const SYNCED_SECTIONS = ['era835', ...EDITOR_LIMIT_SECTIONS];

/**
 * Answers the server's questions about editor settings for a document as VS Code applies them to it,
 * language overrides (`"[x12-835]": { "editor.stopRenderingLineAfter": ... }`) included; the client's
 * default reads them for the file only.
 */
export const editorLimitsMiddleware: Middleware['workspace'] = {
  configuration: async (params, token, next) => {
    const answers = await next(params, token);
    if (!Array.isArray(answers)) return answers;
    return params.items.map((item, i) =>
      item.scopeUri && item.section?.startsWith('editor.')
        ? (vscode.workspace
            .getConfiguration(undefined, { uri: vscode.Uri.parse(item.scopeUri), languageId: 'x12-835' })
            .get(item.section) ?? null)
        : answers[i],
    );
  },
};
