import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

type Job = {
  run: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
};

/**
 * One SQLite file shared by the standalone adapters. Writes are group
 * committed: every write asked for in one turn of the event loop runs in
 * one transaction (each in its own savepoint, so one failure fails only
 * its caller) and one fsync, and each caller's promise settles only once
 * that transaction is durable.
 */
export class SqliteDatabase {
  readonly db: Database.Database;
  private queue: Job[] = [];
  private scheduled = false;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before a caller hears of it.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
  }

  write<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        run,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const jobs = this.queue;
    this.queue = [];
    this.scheduled = false;
    const results: Array<{ ok: boolean; value: unknown }> = [];
    try {
      this.db.transaction(() => {
        for (const job of jobs) results.push(this.runSavepoint(job));
      })();
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const r = results[i];
      if (r.ok) job.resolve(r.value);
      else job.reject(r.value);
    });
  }

  private runSavepoint(job: Job): { ok: boolean; value: unknown } {
    try {
      return { ok: true, value: this.db.transaction(job.run)() };
    } catch (error) {
      return { ok: false, value: error };
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
