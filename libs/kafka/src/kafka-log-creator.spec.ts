import type { Logger } from '@qms/ports';
import { logLevel } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log-creator';

function recordingLogger() {
  const lines: Array<[keyof Logger, object, string]> = [];
  const at =
    (level: keyof Logger) =>
    (fields: object, message: string): void => {
      lines.push([level, fields, message]);
    };
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
  return { logger, lines };
}

function logAt(level: logLevel, message: string, extra: object = {}) {
  const { logger, lines } = recordingLogger();
  const log = kafkaLogCreator(logger)(logLevel.DEBUG);
  log({
    namespace: 'Connection',
    level,
    label: logLevel[level],
    log: { timestamp: 'now', logger: 'kafkajs', message, ...extra },
  });
  return lines;
}

describe('kafkajs logs in our logger', () => {
  it('keeps the message and fields, adds the namespace, drops kafkajs bookkeeping', () => {
    const lines = logAt(logLevel.INFO, 'Consumer has joined the group', {
      groupId: 'g1',
    });

    expect(lines).toEqual([
      [
        'info',
        { namespace: 'Connection', groupId: 'g1' },
        'Consumer has joined the group',
      ],
    ]);
  });

  it('turns the protocol errors kafkajs retries itself into warnings', () => {
    const [[level]] = logAt(logLevel.ERROR, 'Response InitProducerId');

    expect(level).toBe('warn');
  });

  it('sends debug chatter to debug', () => {
    const [[level]] = logAt(logLevel.DEBUG, 'Request Fetch');

    expect(level).toBe('debug');
  });
});
