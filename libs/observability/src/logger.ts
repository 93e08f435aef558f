import type { Logger } from '@qms/ports';
import pino from 'pino';

/**
 * JSON lines on stdout. Callers log fixed messages and ids, never
 * contacts, tokens or URLs; the redact list is a second line of defence.
 */
export function createLogger(options: {
  level?: string;
  service: string;
}): Logger {
  return pino({
    level: options.level ?? 'info',
    base: { service: options.service },
    redact: {
      paths: [
        '*.url',
        '*.token',
        '*.email',
        '*.phone',
        '*.address',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
