import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type FoldingRange,
  type FoldingRangeParams,
  type Hover,
  type HoverParams,
  type InlayHint,
  type InlayHintParams,
  type SelectionRange,
  type SelectionRangeParams,
  type SemanticTokens,
  type SemanticTokensParams,
  type SemanticTokensRangeParams,
  type ServerCapabilities,
  type TextDocumentIdentifier,
} from 'vscode-languageserver';
import type { Analysis } from '../../analysis';
import { codeActions } from '../../features/codeActions';
import { codeLenses } from '../../features/codeLens';
import { completion, COMPLETION_TRIGGERS } from '../../features/completion';
import { foldingRanges } from '../../features/folding';
import { hover } from '../../features/hover';
import { inlayHints } from '../../features/inlayHints';
import { selectionRanges } from '../../features/selectionRanges';
import { fullSemanticTokens, LEGEND, semanticTokens } from '../../features/semanticTokens';
import { documentSymbols } from '../../features/symbols';
import type { Handler, ServerContext } from '../context';
import { runSafe } from '../runSafe';

type Reply<R> = Promise<R | ResponseError<void>>;

/**
 * A standard LSP feature answered from one document's analysis: the capability it announces, how it
 * listens on the connection, its answer when the document is not open, and the pure feature it adapts.
 */
interface DocumentFeature<P extends { textDocument: TextDocumentIdentifier }, R> {
  /** The request's name in the server log when it fails. */
  readonly name: string;
  readonly capabilities: ServerCapabilities;
  listen(c: Connection, reply: (p: P, token: CancellationToken) => Reply<R>): void;
  readonly empty: R;
  answer(a: Analysis, p: P, ctx: ServerContext): R;
}

/** The handler of a document feature: wait for the document's analysis, then answer (safely) from it. */
function documentFeature<P extends { textDocument: TextDocumentIdentifier }, R>(f: DocumentFeature<P, R>): Handler {
  return {
    capabilities: f.capabilities,
    register: (ctx) =>
      f.listen(ctx.connection, (p, token) =>
        runSafe(ctx.connection, f.name, token, f.empty, async () => {
          const a = await ctx.analysisReady(p.textDocument.uri);
          return a ? f.answer(a, p, ctx) : f.empty;
        }),
      ),
  };
}

/** Every standard per-document feature; each row adapts one pure function of `features/`. */
export const DOCUMENT_FEATURES: readonly Handler[] = [
  documentFeature<HoverParams, Hover | null>({
    name: 'hover',
    capabilities: { hoverProvider: true },
    listen: (c, reply) => c.onHover(reply),
    empty: null,
    answer: (a, p, ctx) => hover(a, p.position, ctx.settings(p.textDocument.uri), p.textDocument.uri),
  }),
  documentFeature<CompletionParams, CompletionList | null>({
    name: 'completion',
    capabilities: { completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, completionItem: { labelDetailsSupport: true } } },
    listen: (c, reply) => c.onCompletion(reply),
    empty: null,
    answer: (a, p, ctx) => completion(a, p.position, ctx.settings(p.textDocument.uri)),
  }),
  documentFeature<CodeLensParams, CodeLens[]>({
    name: 'codeLens',
    capabilities: { codeLensProvider: { resolveProvider: false } },
    listen: (c, reply) => c.onCodeLens(reply),
    empty: [],
    answer: (a, p, ctx) => codeLenses(a, ctx.viewLimits(p.textDocument.uri)),
  }),
  documentFeature<CodeActionParams, CodeAction[]>({
    name: 'codeAction',
    capabilities: { codeActionProvider: true },
    listen: (c, reply) => c.onCodeAction(reply),
    empty: [],
    answer: (a, p) => codeActions(a, p.textDocument.uri, p.range, p.context.diagnostics),
  }),
  documentFeature<InlayHintParams, InlayHint[]>({
    name: 'inlayHint',
    capabilities: { inlayHintProvider: { resolveProvider: false } },
    listen: (c, reply) => c.languages.inlayHint.on(reply),
    empty: [],
    answer: (a, p, ctx) => inlayHints(a, p.range, ctx.settings(p.textDocument.uri), ctx.viewLimits(p.textDocument.uri)),
  }),
  documentFeature<DocumentSymbolParams, DocumentSymbol[]>({
    name: 'documentSymbol',
    capabilities: { documentSymbolProvider: { label: '835' } },
    listen: (c, reply) => c.onDocumentSymbol(reply),
    empty: [],
    answer: (a, p, ctx) => documentSymbols(a, ctx.settings(p.textDocument.uri)),
  }),
  documentFeature<FoldingRangeParams, FoldingRange[]>({
    name: 'foldingRange',
    capabilities: { foldingRangeProvider: true },
    listen: (c, reply) => c.onFoldingRanges(reply),
    empty: [],
    answer: (a, p, ctx) =>
      foldingRanges(a, ctx.settings(p.textDocument.uri), {
        rangeLimit: ctx.clientCapabilities().textDocument?.foldingRange?.rangeLimit,
      }),
  }),
  documentFeature<SelectionRangeParams, SelectionRange[]>({
    name: 'selectionRange',
    capabilities: { selectionRangeProvider: true },
    listen: (c, reply) => c.onSelectionRanges(reply),
    empty: [],
    answer: (a, p, ctx) => selectionRanges(a, p.positions, ctx.settings(p.textDocument.uri)),
  }),
  documentFeature<SemanticTokensParams, SemanticTokens | ResponseError<void>>({
    name: 'semanticTokens',
    capabilities: { semanticTokensProvider: { legend: LEGEND, full: true, range: true } },
    listen: (c, reply) => c.languages.semanticTokens.on(reply),
    empty: { data: [] },
    // More tokens than one response may hold: "server cancelled" makes VS Code keep asking for the
    // visible ranges instead (an empty answer would count as the complete tokens of the document).
    answer: (a, p, ctx) =>
      fullSemanticTokens(a, ctx.viewLimits(p.textDocument.uri)) ??
      new ResponseError<void>(LSPErrorCodes.ServerCancelled, 'too many semantic tokens for one response: served by range'),
  }),
  documentFeature<SemanticTokensRangeParams, SemanticTokens>({
    name: 'semanticTokens/range',
    capabilities: {},
    listen: (c, reply) => c.languages.semanticTokens.onRange(reply),
    empty: { data: [] },
    answer: (a, p, ctx) => semanticTokens(a, p.range, ctx.viewLimits(p.textDocument.uri)),
  }),
];
