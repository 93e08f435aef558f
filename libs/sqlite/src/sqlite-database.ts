import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { WalCheckpointer } from './wal-checkpointer';
import { WalSync } from './wal-sync';

type Job = {
  run: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
};

/**
 * One SQLite file shared by the standalone adapters. Writes are group
 * committed: every write asked for in one turn of the event loop runs in
 * one transaction (each in its own savepoint, so one failure fails only
 * its caller), and each caller's promise settles only once that
 * transaction is durable. SQLite commits without syncing
 * (`synchronous=NORMAL` in WAL mode); the WAL is then fsynced on the
 * thread pool (`WalSync`), so the event loop never waits on the disk.
 */
export class SqliteDatabase {
  readonly db: Database.Database;
  private queue: Job[] = [];
  private scheduled = false;
  private readonly wal?: WalSync;
  private readonly checkpointer?: WalCheckpointer;
  /** The last checkpoint failure, for health reporting. */
  checkpointError?: string;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL still syncs at checkpoints, before the WAL is reused; commits
    // are made durable by WalSync before any caller hears of them.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    if (file === ':memory:') return;
    this.wal = new WalSync(`${file}-wal`);
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.pragma('journal_size_limit = 67108864');
    this.checkpointer = new WalCheckpointer(file, (error) => {
      this.checkpointError = error;
    });
  }

  /** A prepared statement, prepared once per SQL text. */
  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
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
    const settle = () =>
      jobs.forEach((job, i) => {
        const r = results[i];
        if (r.ok) job.resolve(r.value);
        else job.reject(r.value);
      });
    if (!this.wal) return settle();
    this.wal.durable().then(settle, (error: unknown) => {
      for (const job of jobs) job.reject(error);
    });
  }

  private runSavepoint(job: Job): { ok: boolean; value: unknown } {
    try {
      return { ok: true, value: this.db.transaction(job.run)() };
    } catch (error) {
      return { ok: false, value: error };
    }
  }

  /** Stops the checkpointer first: its connection must close before ours. */
  async close(): Promise<void> {
    await this.checkpointer?.stop();
    this.wal?.close();
    if (this.db.open) this.db.close();
  }
}
