import { silentLogger, type Logger } from '@qms/ports';
import { tempDir, waitFor, type TempDir } from '@qms/testing';
import { SqliteDatabase } from './sqlite-database';
import { SqliteMessageBus } from './sqlite-message-bus';

describe('SqliteSubscription', () => {
  let dir: TempDir;
  let sqlite: SqliteDatabase;
  let warnings: string[];
  let bus: SqliteMessageBus;

  beforeEach(() => {
    dir = tempDir('qms-subscription-');
    sqlite = new SqliteDatabase(dir.file('qms.db'));
    warnings = [];
    const logger: Logger = {
      ...silentLogger,
      warn: (_, message) => warnings.push(message),
    };
    bus = new SqliteMessageBus(sqlite, logger);
  });

  afterEach(async () => {
    await bus.close();
    await sqlite.close();
    dir.remove();
  });

  const message = (n: number) => ({
    id: `m-${n}`,
    topic: 'qms.events.v1',
    key: 'fingerprint-1',
    type: 'SignalReceived',
    schemaVersion: 1,
    payload: { n },
  });
  const committedSeq = () =>
    sqlite.db
      .prepare("SELECT seq FROM bus_offsets WHERE grp = 'correlator'")
      .get() as { seq: number } | undefined;

  it('outlives a failing offset commit and commits once storage is back', async () => {
    const handled: string[] = [];
    const subscription = await bus.subscribe({
      topic: 'qms.events.v1',
      group: 'correlator',
      handler: async (batch) => {
        handled.push(...batch.map((m) => m.id));
      },
    });
    sqlite.db.exec('ALTER TABLE bus_offsets RENAME TO bus_offsets_away');

    await bus.publish([message(1)]);
    await waitFor(() => warnings.length > 0, {
      description: 'a logged failure',
    });
    sqlite.db.exec('ALTER TABLE bus_offsets_away RENAME TO bus_offsets');

    await waitFor(() => committedSeq() !== undefined);
    await expect(subscription.stop()).resolves.toBeUndefined();
    expect(handled[0]).toBe('m-1');
  });

  it('stops at once while a failing message waits for its retry', async () => {
    let attempts = 0;
    const subscription = await bus.subscribe({
      topic: 'qms.events.v1',
      group: 'correlator',
      handler: async () => {
        attempts++;
        throw Object.assign(new Error('downstream down'), { retriable: true });
      },
    });
    await bus.publish([message(1)]);
    // After the fifth attempt the next retry is 1.6 seconds away.
    await waitFor(() => attempts >= 5, { timeoutMs: 4000 });

    const startedAt = Date.now();
    await subscription.stop();

    expect(Date.now() - startedAt).toBeLessThan(500);
    expect(committedSeq()).toBeUndefined();
  });
});
