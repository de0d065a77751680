/**
 * The floor for "didOpen -> first diagnostics" (`npm run bench`): a language server that does the least
 * any server must do with an opened document. It reads the didOpen message through the same transport
 * as ours (vscode-languageserver over stdio: framing and JSON parse of the whole text), tokenizes the
 * text with our tokenizer (segments and elements as offsets), and publishes empty diagnostics for it.
 * No model, no rules, no line index: what is left of our open time above this is the analysis.
 */
import { createConnection, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { tokenize } from '../server/src/x12/tokenizer';

const connection = createConnection(process.stdin, process.stdout);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
connection.onDidOpenTextDocument(({ textDocument }) => {
  const segments = tokenize(textDocument.text).count;
  void connection.sendDiagnostics({
    uri: textDocument.uri,
    version: textDocument.version,
    diagnostics: segments < 0 ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: '' }] : [],
  });
});
connection.listen();
