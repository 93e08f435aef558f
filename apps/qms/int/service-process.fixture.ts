import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@qms/testing';
import { REPO } from './ensure-build.fixture';

export const APPS = [
  'ingestor',
  'projector',
  'rule-evaluator',
  'correlator',
  'escalation',
  'notifier',
] as const;
export type AppName = (typeof APPS)[number];

export interface ServiceSpec {
  /** Names the instance: its QMS_INSTANCE_ID, data dir and log file. */
  name: string;
  app: AppName;
  port: number;
  /** QMS_DATA_DIR: escalation's events.db, the notifier's outbox.jsonl. */
  dataDir: string;
  /** Appended to across restarts, so one file tells the whole story. */
  logFile: string;
  env: NodeJS.ProcessEnv;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** One app of distributed mode as its own process (dist/apps/<app>). */
export class ServiceProcess {
  private constructor(
    readonly spec: ServiceSpec,
    private readonly child: ChildProcess,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.spec.port}`;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the app and waits until /ready answers 200. */
  static async start(spec: ServiceSpec): Promise<ServiceProcess> {
    mkdirSync(spec.dataDir, { recursive: true });
    const log = openSync(spec.logFile, 'a');
    const entry = join(REPO, 'dist', 'apps', spec.app, 'src', 'main.js');
    const child = spawn(process.execPath, [entry], {
      cwd: REPO,
      env: {
        ...spec.env,
        PORT: String(spec.port),
        QMS_DATA_DIR: spec.dataDir,
        QMS_INSTANCE_ID: spec.name,
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    const service = new ServiceProcess(spec, child);
    try {
      await service.waitReady();
    } catch (error) {
      await service.kill('SIGKILL');
      throw new Error(`${spec.name} did not start:\n${service.logTail()}`, {
        cause: error,
      });
    }
    return service;
  }

  /** Sends `signal` and waits for the exit. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return;
    const exited = once(this.child, 'exit');
    this.child.kill(signal);
    await exited;
  }

  /** SIGTERM (the app drains), SIGKILL if it has not exited in 10 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.kill('SIGTERM');
    clearTimeout(timer);
  }

  /** The last lines of the instance's log, for failure messages. */
  logTail(lines = 30): string {
    const text = readFileSync(this.spec.logFile, 'utf8').trimEnd();
    return text.split('\n').slice(-lines).join('\n');
  }

  private async waitReady(): Promise<void> {
    const exited = once(this.child, 'exit').then(([code, signal]) => {
      throw new Error(`exited (${code ?? signal}) during start-up`);
    });
    const ready = waitFor(
      async () => (await fetch(`${this.url}/ready`)).status === 200,
      {
        timeoutMs: READY_TIMEOUT_MS,
        intervalMs: 200,
        description: `${this.spec.name} /ready`,
      },
    );
    await Promise.race([ready, exited]);
  }
}
