import { closeSync, fsync, openSync } from 'node:fs';

/**
 * Makes committed WAL frames durable with fsync on libuv's thread pool,
 * so the event loop keeps serving while the disk flushes. `durable()`
 * resolves after an fsync that started after the call: every commit made
 * before it is then on disk. Concurrent callers share one fsync.
 */
export class WalSync {
  private fd?: number;
  private running?: Promise<void>;
  private next?: Promise<void>;

  constructor(private readonly walFile: string) {}

  durable(): Promise<void> {
    if (!this.running) {
      this.running = this.sync().finally(() => (this.running = undefined));
      return this.running;
    }
    // One is in flight and may have started before our commit: queue one
    // more after it, shared by everyone who asks meanwhile.
    this.next ??= this.running.then(() => {
      this.next = undefined;
      return this.durable();
    });
    return this.next;
  }

  private sync(): Promise<void> {
    this.fd ??= openSync(this.walFile, 'r');
    const fd = this.fd;
    return new Promise((resolve, reject) =>
      fsync(fd, (error) => (error ? reject(error) : resolve())),
    );
  }

  /** Closes the file once no fsync is in flight. */
  close(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd === undefined) return;
    const closeFd = () => closeSync(fd);
    if (this.running) void this.running.then(closeFd, closeFd);
    else closeFd();
  }
}
