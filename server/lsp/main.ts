// Entry point of the language server (`node dist/server.js --stdio`). FIRST CUT: issue 5 replaces this.
process.stderr.write('tracelint language server: not built yet\n');
process.exit(2);
