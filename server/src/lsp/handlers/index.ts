import type { Handler } from '../context';
import { DOCUMENT_FEATURES } from './documentFeatures';
import { layoutHandler } from './layout';
import { navigationHandler } from './navigation';
import { workspaceSymbolsHandler } from './workspaceSymbols';
import { reportHandler } from './report';
import { redactHandler } from './redact';
import { testFaultsHandler } from './testFaults';
import { largeRemittanceHandler } from './largeRemittance';
import { reversalLinksHandler } from './reversalLinks';
import { explorerHandler } from './explorer';

/**
 * Every LSP feature the server offers: the standard per-document features from one table
 * (documentFeatures.ts), then the custom requests, each file announcing its capabilities and registering itself.
 */
export const HANDLERS: readonly Handler[] = [
  ...DOCUMENT_FEATURES,
  layoutHandler,
  navigationHandler,
  workspaceSymbolsHandler,
  reportHandler,
  redactHandler,
  testFaultsHandler,
  largeRemittanceHandler,
  reversalLinksHandler,
  explorerHandler,
];
