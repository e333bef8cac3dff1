/** Words that make a name secret (`KAFKA_SASL_PASSWORD`, `authToken`, `apiKey`, a webhook `auth` block). */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'secret',
  'token',
  'credential',
  'credentials',
  'auth',
  'apikey',
  'privatekey',
]);

/** True when a config key names a secret: split into words (snake, kebab, camel case) and checked word by word. */
function isSecretName(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  return words.some((word, i) => SECRET_WORDS.has(word) || SECRET_WORDS.has(`${word}${words[i + 1] ?? ''}`));
}

/** The placeholder that replaces a secret value. */
export const REDACTED = '[redacted]';

/**
 * A copy of a config object that is safe to log: values of secret-looking keys are replaced, and
 * credentials embedded in URLs (`https://user:pass@host`) are masked. Works on nested objects and arrays.
 */
export function redactConfig(value: unknown, key = ''): unknown {
  if (isSecretName(key) && value !== undefined && value !== null && value !== '') return REDACTED;
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
