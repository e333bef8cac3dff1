/** Names whose values are secrets: never logged, never printed. */
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|API_?KEY|AUTH|CREDENTIAL|PRIVATE)/i;

/** The placeholder that replaces a secret value. */
export const REDACTED = '[redacted]';

/**
 * A copy of a config object that is safe to log: values of secret-looking keys are replaced, and
 * credentials embedded in URLs (`https://user:pass@host`) are masked. Works on nested objects and arrays.
 */
export function redactConfig(value: unknown, key = ''): unknown {
  if (SECRET_NAME.test(key) && value !== undefined && value !== null && value !== '') return REDACTED;
  if (typeof value === 'string') return maskUrlCredentials(value);
  if (Array.isArray(value)) return value.map((item) => redactConfig(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactConfig(v, k)]));
  }
  return value;
}

function maskUrlCredentials(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/i, `$1${REDACTED}@`);
}
