// Entry point of the `tracelint` command (bundled to dist/cli.js): parses the command line, runs
// `scan` or `redact`, and maps every outcome onto the exit codes PRODUCT.md fixes:
// 0 no findings, 1 findings, 2 usage or configuration error (or a failure of tracelint itself).
import { ConfigError } from '../../shared/config';
import pkg from '../../package.json';
import { HELP, parseCli, UsageError } from './args';
import { BaselineError } from '../baseline';
import { runRedact } from './redact';
import { runScan, type CliIO } from './scan';

export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = parseCli(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${io.version}\n`);
        return 0;
      case 'scan':
        return await runScan(args, io);
      case 'redact':
        return await runRedact(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`tracelint: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.stderr.write(`tracelint: invalid configuration\n${e.message}\n`);
      return 2;
    }
    if (e instanceof BaselineError) {
      io.stderr.write(`tracelint: ${e.message}\n`);
      return 2;
    }
    // A bug or an environment failure: say so plainly, still exit 2 (never 0 or 1, which mean results).
    io.stderr.write(`tracelint: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  // `tracelint scan | head`: a closed pipe ends the output quietly, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: CliIO = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, version: pkg.version };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
