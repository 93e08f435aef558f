import type { Logger } from '@qms/ports';
import { logLevel, type logCreator } from 'kafkajs';

/**
 * Routes kafkajs's logs into our logger, namespace as a field. kafkajs
 * logs protocol errors it is about to retry (a coordinator still loading,
 * a leader moving) at ERROR; they arrive as warnings here. Failures that
 * matter reach the adapter as exceptions or crash events, which it logs
 * as errors itself.
 */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _t, logger: _l, ...fields } = log;
      const entry = { namespace, ...fields };
      switch (level) {
        case logLevel.ERROR:
        case logLevel.WARN:
          return logger.warn(entry, message);
        case logLevel.INFO:
          return logger.info(entry, message);
        default:
          return logger.debug(entry, message);
      }
    };
}
