// Where "add to allowlist" and "add to baseline" write: the tracelint configuration file in force
// for the trace (or a new tracelint.json in its workspace folder), and the baseline file named by
// the `tracelint.baselineFile` setting. The allowlist takes the value itself (the user says it is
// not a secret); the baseline takes only the content fingerprint, never the value.
import { dirname, join, sep } from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import type { Finding } from '../../shared/types';
import type { LintBackend } from './backend';
import type { TracelintSettings } from './settings';
import type { appendToJsonArray, TextReader } from './side-edits';

export class SuppressionFiles {
  constructor(
    private readonly backend: LintBackend,
    private readonly read: TextReader,
    private readonly canCreateFiles: () => boolean,
    private readonly append: typeof appendToJsonArray,
  ) {}

  allowlist(f: Finding, path: string, settings: TracelintSettings, folders: string[]): WorkspaceEdit | undefined {
    if (!f.secret) return undefined;
    const file = settings.configFile || this.backend.configFileFor(path, settings) || join(folderOf(path, folders), 'tracelint.json');
    return this.append(file, ['allowlist'], f.secret, this.read, this.canCreateFiles());
  }

  baseline(f: Finding, settings: TracelintSettings): WorkspaceEdit | undefined {
    if (!f.fingerprint) return undefined;
    return this.append(settings.baselineFile, ['fingerprints'], f.fingerprint, this.read, this.canCreateFiles(), { tool: 'tracelint', version: 1 });
  }
}

function folderOf(path: string, folders: string[]): string {
  return folders.find((f) => path.startsWith(f.endsWith(sep) ? f : f + sep)) ?? dirname(path);
}
