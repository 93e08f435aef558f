import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pollUntil } from './poll';

const REPO_ROOT = resolve(__dirname, '../../../..');
const BIN = join(REPO_ROOT, 'bin/qms.js');
const LISTENING = /qms listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export interface StartOptions {
  /** Configuration file; default: the shipped config/qms.yaml. */
  config?: string;
  /** Data directory; default: a fresh one under the OS temp dir. */
  dataDir?: string;
  /** Extra environment, e.g. `{ LOG_LEVEL: 'debug' }`. */
  env?: Record<string, string>;
}

/**
 * One `node bin/qms.js start` child. Its stdout and stderr go to
 * `<dataDir>/process-<n>.log`, one file per (re)start.
 */
export interface QmsProcess {
  readonly intakeUrl: string;
  readonly apiUrl: string;
  readonly dataDir: string;
  /** Sends `signal` (default SIGKILL) and resolves once the child is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited after 10 s. */
  stop(): Promise<void>;
  /** Starts again on the same data dir, config and port. */
  restart(): Promise<void>;
  /** Everything the current child printed so far. */
  output(): string;
}

/** Spawns the system on a free port and resolves once GET /ready is 200. */
export async function startQms(
  options: StartOptions = {},
): Promise<QmsProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'qms-e2e-'));
  let port = '0';
  let runs = 0;
  let current = await spawnQms(options, dataDir, port, ++runs);
  port = new URL(current.url).port;
  const stop = async () => {
    if (!(await current.terminate('SIGTERM', STOP_TIMEOUT_MS)))
      await current.terminate('SIGKILL', STOP_TIMEOUT_MS);
  };
  return {
    get intakeUrl() {
      return current.url;
    },
    get apiUrl() {
      return current.url;
    },
    dataDir,
    kill: async (signal = 'SIGKILL') => {
      await current.terminate(signal, STOP_TIMEOUT_MS);
    },
    stop,
    restart: async () => {
      await stop();
      current = await spawnQms(options, dataDir, port, ++runs);
    },
    output: () => current.output(),
  };
}

interface Child {
  url: string;
  output(): string;
  /** True when the child exited within `timeoutMs`. */
  terminate(signal: NodeJS.Signals, timeoutMs: number): Promise<boolean>;
}

async function spawnQms(
  options: StartOptions,
  dataDir: string,
  port: string,
  run: number,
): Promise<Child> {
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: REPO_ROOT,
    env: childEnv(options, dataDir, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // 'close' comes after 'exit' and after stdout and stderr have ended.
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  const log = createWriteStream(join(dataDir, `process-${run}.log`));
  const captured = capture(child, log);
  let expected = false;
  void exited.then(() => {
    log.end();
    if (!expected) reportUnexpectedExit(child, captured.text());
  });
  try {
    const url = await Promise.race([
      waitUntilReady(() => captured.text()),
      exited.then(() => {
        throw new Error(`qms exited (${child.exitCode ?? child.signalCode})`);
      }),
    ]);
    return {
      url,
      output: captured.text,
      terminate: (signal, timeoutMs) => {
        expected = true;
        return terminate(child, exited, signal, timeoutMs);
      },
    };
  } catch (error) {
    expected = true;
    await terminate(child, exited, 'SIGKILL', STOP_TIMEOUT_MS);
    throw new Error(`qms did not start:\n${captured.text()}`, {
      cause: error,
    });
  }
}

/**
 * A child nobody asked to stop has crashed or was killed from outside:
 * say so on the runner's stderr, or tests only see "fetch failed".
 */
function reportUnexpectedExit(child: ChildProcess, output: string): void {
  const how = child.signalCode ?? `code ${child.exitCode}`;
  const tail = output.split('\n').slice(-20).join('\n');
  process.stderr.write(
    `qms (pid ${child.pid}) exited unexpectedly (${how}); last output:\n${tail}\n`,
  );
}

function childEnv(options: StartOptions, dataDir: string, port: string) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: port,
    QMS_DATA_DIR: dataDir,
    QMS_MODE: 'standalone',
    LOG_LEVEL: 'info',
    ...options.env,
  };
  if (options.config) env.QMS_CONFIG = resolve(options.config);
  return env;
}

/** Keeps the child's output in memory and in its log file. */
function capture(child: ChildProcess, log: WriteStream) {
  const chunks: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      chunks.push(chunk);
      log.write(chunk);
    });
  }
  return { text: () => chunks.join('') };
}

/** The URL printed on stderr, once GET /ready answers 200 there. */
async function waitUntilReady(output: () => string): Promise<string> {
  const url = await pollUntil(() => LISTENING.exec(output())?.[1], {
    timeoutMs: START_TIMEOUT_MS,
    what: 'the "qms listening on" line',
  });
  await pollUntil(
    async () => {
      const response = await fetch(`${url}/ready`).catch(() => undefined);
      return response?.status === 200 ? true : undefined;
    },
    { timeoutMs: START_TIMEOUT_MS, what: `${url}/ready to answer 200` },
  );
  return url;
}

async function terminate(
  child: ChildProcess,
  exited: Promise<void>,
  signal: NodeJS.Signals,
  timeoutMs: number,
): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(false), timeoutMs);
  });
  const result = await Promise.race([exited.then(() => true), timedOut]);
  clearTimeout(timer);
  return result;
}
