import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

// Process entry: the transport (--stdio, --node-ipc, --socket) is chosen from the command line.
startServer(createConnection(ProposedFeatures.all));
