// The single place where a secret is turned into something printable. Every message, log line,
// CLI output, SARIF file and snapshot goes through `maskSecret`; nothing else may format a secret.

/** At most the first 4 characters and the length: `sk-a…(51 chars)`. Short values show nothing. */
export function maskSecret(secret: string): string {
  const shown = secret.length >= 12 ? secret.slice(0, 4) : '';
  return `${shown}…(${secret.length} chars)`;
}
