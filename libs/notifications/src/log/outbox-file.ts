import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { OutboxUnavailableError } from '../notification.errors';
import { scanOutbox } from './outbox-scan';

/** The two calls of the append path; tests replace them to make them fail. */
export interface OutboxIo {
  write(fd: number, buffer: Buffer, offset: number): Promise<number>;
  fsync(fd: number): Promise<void>;
}

const writeAsync = promisify(fs.write);
const nodeIo: OutboxIo = {
  write: async (fd, buffer, offset) =>
    (await writeAsync(fd, buffer, offset)).bytesWritten,
  fsync: promisify(fs.fsync),
};

export type AppendOutcome = 'written' | 'duplicate';

interface PendingLine {
  line: string;
  done: { resolve: () => void; reject: (error: unknown) => void };
}

/**
 * An append-only JSON-lines file that writes each key at most once.
 * Contract: `append` resolves only after its line is fsynced; appends made
 * while a write is in flight share the next write and fsync (group commit).
 * After a failed write or fsync the file is closed for good and every later
 * append rejects: what reached the disk is unknown, and a reopen (new
 * instance, e.g. a restart) re-reads the file to find out. One writer per
 * file.
 */
export class OutboxFile {
  private readonly written: Set<string>;
  private readonly inFlight = new Map<string, Promise<void>>();
  private pending: PendingLine[] = [];
  private draining: Promise<void> | undefined;
  private needsNewline: boolean;
  private failure: unknown;

  private constructor(
    private readonly fd: number,
    scan: ReturnType<typeof scanOutbox>,
    private readonly io: OutboxIo,
  ) {
    this.written = scan.keys;
    this.needsNewline = scan.endsMidLine;
  }

  /** Opens (creating if needed) and reads the keys already written. */
  static open(path: string, io: OutboxIo = nodeIo): OutboxFile {
    let fd: number | undefined;
    try {
      fs.mkdirSync(dirname(path), { recursive: true });
      const created = !fs.existsSync(path);
      fd = fs.openSync(path, 'a+');
      const scan = scanOutbox(fs.readFileSync(fd, 'utf8'));
      // A new file's directory entry must survive a crash too.
      if (created) fsyncDirectory(dirname(path));
      return new OutboxFile(fd, scan, io);
    } catch (error) {
      if (fd !== undefined) fs.closeSync(fd);
      throw new OutboxUnavailableError('cannot be opened', error);
    }
  }

  async append(key: string, record: object): Promise<AppendOutcome> {
    if (this.failure) throw this.failure;
    const inFlight = this.inFlight.get(key);
    if (inFlight) {
      // The first append of this key decides; a failed one lets this retry.
      await inFlight.catch(() => undefined);
      return this.append(key, record);
    }
    if (this.written.has(key)) return 'duplicate';

    this.written.add(key);
    const line = new Promise<void>((resolve, reject) => {
      this.pending.push({
        line: JSON.stringify(record),
        done: { resolve, reject },
      });
    });
    this.inFlight.set(key, line);
    this.draining ??= this.drain();
    try {
      await line;
      return 'written';
    } catch (error) {
      this.written.delete(key);
      throw error;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Waits for pending appends, then closes the file. */
  async close(): Promise<void> {
    while (this.draining) await this.draining;
    if (this.failure) return;
    this.failure = new OutboxUnavailableError('closed');
    fs.closeSync(this.fd);
  }

  private async drain(): Promise<void> {
    // Let every append of this turn of the event loop join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0 && !this.failure) {
      const batch = this.pending;
      this.pending = [];
      await this.commit(batch);
    }
    this.draining = undefined;
  }

  private async commit(batch: PendingLine[]): Promise<void> {
    const prefix = this.needsNewline ? '\n' : '';
    const text = prefix + batch.map((p) => p.line + '\n').join('');
    try {
      await this.writeFully(Buffer.from(text, 'utf8'));
      await this.io.fsync(this.fd);
      this.needsNewline = false;
      for (const p of batch) p.done.resolve();
    } catch (error) {
      this.fail(error, batch);
    }
  }

  private async writeFully(buffer: Buffer): Promise<void> {
    let offset = 0;
    while (offset < buffer.length) {
      offset += await this.io.write(this.fd, buffer, offset);
    }
  }

  private fail(error: unknown, batch: PendingLine[]): void {
    this.failure = new OutboxUnavailableError('write or fsync failed', error);
    for (const p of [...batch, ...this.pending]) p.done.reject(this.failure);
    this.pending = [];
    fs.close(this.fd, () => undefined);
  }
}

function fsyncDirectory(path: string): void {
  const fd = fs.openSync(path, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
