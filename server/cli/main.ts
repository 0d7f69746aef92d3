// Entry point of the `tracelint` command. FIRST CUT: the CLI (issue 2) replaces this.
process.stderr.write('usage: tracelint scan [paths...] | tracelint redact FILE\n');
process.exit(2);
