import { pino, type Logger, type DestinationStream } from 'pino';
import { REDACTED } from '../config/redact.js';

export type { Logger } from 'pino';

/** Paths pino blanks in every log line: credentials in configs, headers and errors. */
export const REDACTED_LOG_PATHS = [
  'password',
  '*.password',
  '*.*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers["auth-token"]',
  '*.headers["auth-token"]',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
] as const;

/**
 * The service logger: JSON lines on stdout (one object per line, as log shippers expect), the service name
 * bound to every line, secrets redacted.
 */
export function createLogger(options: {
  serviceName: string;
  level: string;
  destination?: DestinationStream;
}): Logger {
  return pino(
    {
      name: options.serviceName,
      level: options.level,
      redact: { paths: [...REDACTED_LOG_PATHS], censor: REDACTED },
      base: { service: options.serviceName },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
