import {
  fsyncSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxUnavailableError } from '../notification.errors';
import { OutboxFile, type OutboxIo } from './outbox-file';

describe('OutboxFile', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qms-outbox-file-'));
    file = join(dir, 'outbox.jsonl');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('commits concurrent appends with one fsync', async () => {
    let fsyncs = 0;
    const outbox = OutboxFile.open(
      file,
      countingIo(() => fsyncs++),
    );

    const keys = ['a', 'b', 'c', 'd'];
    await Promise.all(keys.map((key) => outbox.append(key, { key })));
    await outbox.close();

    expect(fsyncs).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(
      keys.map((key) => `{"key":"${key}"}\n`).join(''),
    );
  });

  it('finishes a short write before it fsyncs', async () => {
    const outbox = OutboxFile.open(file, oneByteWrites());

    await outbox.append('a', { key: 'a' });
    await outbox.close();

    expect(readFileSync(file, 'utf8')).toBe('{"key":"a"}\n');
  });

  it('after a failed fsync, rejects that batch and every later append', async () => {
    const outbox = OutboxFile.open(
      file,
      countingIo(() => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      }),
    );

    const first = outbox.append('a', { key: 'a' });

    await expect(first).rejects.toThrow(OutboxUnavailableError);
    await expect(outbox.append('a', { key: 'a' })).rejects.toThrow(
      OutboxUnavailableError,
    );
  });

  function countingIo(onFsync: () => void): OutboxIo {
    const io = realIo();
    return {
      write: io.write,
      fsync: async (fd) => {
        onFsync();
        await io.fsync(fd);
      },
    };
  }

  function oneByteWrites(): OutboxIo {
    const io = realIo();
    return {
      write: (fd, buffer, offset) =>
        io.write(fd, buffer.subarray(offset, offset + 1), 0),
      fsync: io.fsync,
    };
  }
});

/** Synchronous calls behind the async interface, for wrapping in tests. */
function realIo(): OutboxIo {
  return {
    write: async (fd, buffer, offset) => writeSync(fd, buffer, offset),
    fsync: async (fd) => fsyncSync(fd),
  };
}
