import { Worker } from 'node:worker_threads';

// Runs in a worker thread with its own connection: a PASSIVE checkpoint
// never blocks the writer, and its file writes and fsyncs stay off the
// event loop of the process serving requests.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

/**
 * Copies the WAL into the database file from a worker thread, so the
 * writing connection can turn SQLite's own auto-checkpoint off.
 */
export class WalCheckpointer {
  private readonly worker: Worker;

  constructor(
    file: string,
    onError: (error: string) => void,
    intervalMs = 500,
  ) {
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        file,
        intervalMs,
        driver: require.resolve('better-sqlite3'),
      },
    });
    this.worker.on(
      'message',
      (m: { error?: string }) => m.error && onError(m.error),
    );
    this.worker.on('error', (error) => onError(String(error)));
    this.worker.unref();
  }

  /** Stops after the checkpoint in progress, if any. */
  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.postMessage('stop');
    });
  }
}
