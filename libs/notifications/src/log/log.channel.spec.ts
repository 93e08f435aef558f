import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aDelivery } from '../channel/delivery.fixture';
import { OutboxUnavailableError } from '../notification.errors';
import { LogChannel } from './log.channel';

const clock = () => new Date('2025-03-01T10:05:00.000Z');

describe('LogChannel', () => {
  let dir: string;
  let file: string;
  const open: LogChannel[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qms-outbox-'));
    file = join(dir, 'outbox.jsonl');
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((channel) => channel.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  function channel(): LogChannel {
    const created = new LogChannel(file, clock);
    open.push(created);
    return created;
  }

  function lines(): Record<string, unknown>[] {
    const content = readFileSync(file, 'utf8');
    return content
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
  }

  it('writes one JSON line with the contract fields', async () => {
    const result = await channel().send(aDelivery());

    expect(result).toEqual({ outcome: 'delivered' });
    expect(lines()).toEqual([
      {
        key: 'esc-1:1:0:qa_lead:log',
        escalationId: 'esc-1',
        step: 1,
        repeat: 0,
        recipient: 'qa_lead',
        channel: 'log',
        level: 'L1_IMMEDIATE',
        subject: 'Quality Alert: <b>critical</b> & more',
        summary: 'Quality score dropped to 62%',
        body: 'line one\nline two',
        acceptedAt: '2025-03-01T10:00:00.000Z',
        writtenAt: '2025-03-01T10:05:00.000Z',
      },
    ]);
  });

  it('writes a key once, even when sent again concurrently', async () => {
    const log = channel();

    const results = await Promise.all([
      log.send(aDelivery({ key: 'a' })),
      log.send(aDelivery({ key: 'a', attempt: 2 })),
      log.send(aDelivery({ key: 'b' })),
    ]);

    expect(results).toEqual([
      { outcome: 'delivered' },
      { outcome: 'delivered', detail: 'duplicate-skipped' },
      { outcome: 'delivered' },
    ]);
    expect(lines().map((line) => line.key)).toEqual(['a', 'b']);
  });

  it('skips a key written before a reopen of the same file', async () => {
    const first = channel();
    await first.send(aDelivery({ key: 'a' }));
    await first.close();

    const result = await channel().send(aDelivery({ key: 'a' }));

    expect(result).toEqual({
      outcome: 'delivered',
      detail: 'duplicate-skipped',
    });
    expect(lines()).toHaveLength(1);
  });

  it('survives a torn last line and writes the next one on its own line', async () => {
    const first = channel();
    await first.send(aDelivery({ key: 'a' }));
    await first.close();
    appendFileSync(file, '{"key":"b","escalationId":"es');

    const reopened = channel();
    const retried = await reopened.send(aDelivery({ key: 'b' }));
    const again = await reopened.send(aDelivery({ key: 'a' }));

    expect(retried).toEqual({ outcome: 'delivered' });
    expect(again.outcome === 'delivered' && again.detail).toBe(
      'duplicate-skipped',
    );
    const content = readFileSync(file, 'utf8').split('\n');
    expect(content[1]).toBe('{"key":"b","escalationId":"es');
    expect(JSON.parse(content[2]).key).toBe('b');
  });

  it('makes many concurrent lines durable and keeps every one', async () => {
    const log = channel();
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);

    await Promise.all(keys.map((key) => log.send(aDelivery({ key }))));

    expect(lines().map((line) => line.key)).toEqual(keys);
  });

  it('answers retryable after the channel is closed', async () => {
    const log = channel();
    await log.close();

    const result = await log.send(aDelivery({ key: 'late' }));

    expect(result).toMatchObject({
      outcome: 'retryable',
      code: 'OUTBOX_UNAVAILABLE',
    });
  });

  it('refuses to open a path it cannot write', () => {
    appendFileSync(file, '');

    expect(() => new LogChannel(join(file, 'under-a-file'), clock)).toThrow(
      OutboxUnavailableError,
    );
  });
});
