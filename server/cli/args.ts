// Command-line parsing for `tracelint scan` and `tracelint redact`, on node:util parseArgs.
// A usage mistake becomes a `UsageError` (exit 2) whose message says what to write instead.
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type OutputFormat = 'text' | 'json' | 'sarif';
export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
export const MODES = ['mask', 'hash', 'remove'] as const;

export const HELP = `tracelint: keeps secrets and personal data out of AI-agent traces.

Usage:
  tracelint scan [paths...] [options]     scan source, trace and config files (default: .)
  tracelint redact FILE [options]         write a redacted copy of a trace file

scan options:
  -f, --format text|json|sarif   output format (default: text)
  -c, --config FILE              use this tracelint.json instead of the nearest one
      --baseline FILE            drop findings whose fingerprint is in FILE
      --write-baseline FILE      write the fingerprints of all findings to FILE (exit 0)
  -o, --output FILE              write the report to FILE instead of stdout
      --fix                      fix trace-file hygiene (chmod 600/700, .gitignore) and check again
      --against-config           report only trace findings the project's own redaction configuration
                                 (TraceCraft RedactionConfig, .agentdbg/config.yaml) would let through
      --cache-dir DIR            keep ReDoS verdicts of custom patterns in DIR (default:
                                 $XDG_CACHE_HOME/tracelint, else ~/.cache/tracelint)
      --no-cache                 judge every custom pattern afresh; read and write no verdict cache
      --verbose                  also say why each custom pattern recheck flagged is linear in practice

redact options:
  -m, --mode mask|hash|remove    how secrets are replaced (default: the config's, else mask)
  -o, --output FILE              where to write the copy (default: FILE.redacted.<ext>; - for stdout)
      --in-place                 replace FILE itself (atomically)
      --force                    overwrite OUT when it exists
  -c, --config FILE              use this tracelint.json instead of the nearest one

  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error.
`;

export interface ScanArgs {
  command: 'scan';
  paths: string[];
  format: OutputFormat;
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  output?: string;
  fix: boolean;
  againstConfig: boolean;
  /** The verdict cache's folder (absolute once resolved by the scan); absent: the default. */
  cacheDir?: string;
  noCache?: boolean;
  verbose?: boolean;
}

export interface RedactArgs {
  command: 'redact';
  file: string;
  mode?: (typeof MODES)[number];
  output?: string;
  inPlace: boolean;
  force: boolean;
  config?: string;
}

export type CliArgs = ScanArgs | RedactArgs | { command: 'help' } | { command: 'version' };

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(argv: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    // parseArgs' messages are good ("Unknown option '--frmat'"); drop its internal code prefix.
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function parseCli(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version') return { command: 'version' };
  if (command === 'scan') {
    const { values, positionals } = parse(rest, {
      format: { type: 'string', short: 'f' },
      config: { type: 'string', short: 'c' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean' },
      'against-config': { type: 'boolean' },
      'cache-dir': { type: 'string' },
      'no-cache': { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) return { command: 'help' };
    if (values['no-cache'] && values['cache-dir'] !== undefined) throw new UsageError('--no-cache and --cache-dir exclude each other');
    if (values['cache-dir'] === '') throw new UsageError('--cache-dir needs a folder');
    const format = (values.format ?? 'text') as OutputFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`);
    return {
      command: 'scan',
      paths: positionals.length > 0 ? positionals : ['.'],
      format,
      config: values.config as string | undefined,
      baseline: values.baseline as string | undefined,
      writeBaseline: values['write-baseline'] as string | undefined,
      output: values.output as string | undefined,
      fix: Boolean(values.fix),
      againstConfig: Boolean(values['against-config']),
      ...(values['cache-dir'] !== undefined ? { cacheDir: values['cache-dir'] as string } : {}),
      noCache: Boolean(values['no-cache']),
      verbose: Boolean(values.verbose),
    };
  }
  if (command === 'redact') {
    const { values, positionals } = parse(rest, {
      mode: { type: 'string', short: 'm' },
      output: { type: 'string', short: 'o' },
      'in-place': { type: 'boolean' },
      force: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) return { command: 'help' };
    if (positionals.length !== 1) throw new UsageError(`redact takes exactly one FILE (got ${positionals.length})`);
    const mode = values.mode as RedactArgs['mode'];
    if (mode !== undefined && !MODES.includes(mode)) throw new UsageError(`--mode must be one of ${MODES.join(', ')} (got "${values.mode}")`);
    if (values['in-place'] && values.output !== undefined) throw new UsageError('--in-place and --output exclude each other');
    return {
      command: 'redact',
      file: positionals[0],
      mode,
      output: values.output as string | undefined,
      inPlace: Boolean(values['in-place']),
      force: Boolean(values.force),
      config: values.config as string | undefined,
    };
  }
  throw new UsageError(`unknown command "${command}"; expected scan or redact (see tracelint --help)`);
}
