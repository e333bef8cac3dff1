/** What replaces a credential in anything the CLI prints. */
export const REDACTED_TEXT = '[redacted]';

/**
 * Removes credentials from text the CLI is about to print: `user:pass@` in any URL, and every given
 * secret value (SASL and registry passwords) wherever it appears — error messages of libraries quote
 * URLs and configs verbatim, so output is cleaned as a whole rather than trusted field by field.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s:]+(?::[^/@\s]*)?@/gi, `$1${REDACTED_TEXT}@`);
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...new Set(secrets)]
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(REDACTED_TEXT);
  }
  return out;
}
