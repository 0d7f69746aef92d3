// Entry point of the language server: `node dist/server.js --stdio` (or any transport
// vscode-languageserver accepts on the command line). The client says in initializationOptions
// whether the workspace is trusted; until then nothing of the workspace's configuration is read.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { routerBackend } from './router-backend';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, (init) =>
  routerBackend({ trusted: init?.trusted !== false, log: (m) => connection.console.warn(m) }),
);
