import type { Handler } from '../context';
import { codeActionsHandler } from './codeActions';
import { codeLensHandler } from './codeLens';
import { hoverHandler } from './hover';
import { inlayHintsHandler } from './inlayHints';
import { layoutHandler } from './layout';
import { navigationHandler } from './navigation';
import { semanticTokensHandler } from './semanticTokens';
import { workspaceSymbolsHandler } from './workspaceSymbols';
import { reportHandler } from './report';
import { completionHandler } from './completion';
import { documentSymbolsHandler } from './documentSymbols';
import { foldingRangesHandler } from './foldingRanges';
import { selectionRangesHandler } from './selectionRanges';
import { redactHandler } from './redact';
import { testFaultsHandler } from './testFaults';
import { largeRemittanceHandler } from './largeRemittance';

/** Every LSP feature the server offers; each file announces its capabilities and registers itself. */
export const HANDLERS: readonly Handler[] = [
  hoverHandler,
  layoutHandler,
  navigationHandler,
  workspaceSymbolsHandler,
  semanticTokensHandler,
  codeLensHandler,
  codeActionsHandler,
  inlayHintsHandler,
  reportHandler,
  completionHandler,
  documentSymbolsHandler,
  foldingRangesHandler,
  selectionRangesHandler,
  redactHandler,
  testFaultsHandler,
  largeRemittanceHandler,
];
