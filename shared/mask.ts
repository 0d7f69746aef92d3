// The single place where a secret is turned into something printable. Every message, log line,
// CLI output, SARIF file and snapshot goes through `maskSecret`; nothing else may format a secret.

/** At most the first 4 characters and the length: `sk-a…(51 chars)`. Short values show nothing. */
export function maskSecret(secret: string): string {
  const shown = secret.length >= 12 ? secret.slice(0, 4) : '';
  return `${shown}…(${secret.length} chars)`;
}

/**
 * Replaces every whole occurrence of `secret` in `text` by its mask: the last step before any message
 * is shown (CLI outputs, editor diagnostics), in case a message was built with the secret in it.
 */
export function scrub(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4 || !text.includes(secret)) return text;
  return text.split(secret).join(maskSecret(secret));
}
