// The contract every source rule follows: metadata, and a check over the analysed file.
// Rules import nothing from LSP; they return Findings with fixes as data.
import type { Finding, Severity } from '../../shared/types';

export interface RuleMeta {
  /** The id users see and suppress: `credential-param-captured`. */
  id: string;
  /** One sentence: what the rule finds and why it matters. Shown as help text (SARIF, hover). */
  docs: string;
  defaultSeverity: Severity;
  /** Whether findings carry a `fix` that fix-all may apply. */
  fixable: boolean;
}
