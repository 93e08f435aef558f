import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { waitFor } from '@qms/testing';
import { REPO } from './ensure-build.fixture';

export interface QmsProcess {
  /** Base URL of intake and API (one server in standalone mode). */
  url: string;
  /** stderr so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built product (`node bin/qms.js start`) on 127.0.0.1:<port>
 * with its data in `dataDir`, and waits until /ready answers 200.
 */
export async function startQms(
  port: number,
  dataDir: string,
): Promise<QmsProcess> {
  const child = spawn(
    process.execPath,
    [join(REPO, 'bin', 'qms.js'), 'start'],
    {
      cwd: REPO,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        QMS_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const qms: QmsProcess = {
    url: `http://127.0.0.1:${port}`,
    output: () => stderr,
    stop: () => stop(child),
  };
  try {
    await Promise.race([
      waitFor(() => isReady(qms), {
        timeoutMs: 30_000,
        intervalMs: 100,
        description: 'qms /ready',
      }),
      once(child, 'exit').then(([code]) => {
        throw new Error(`qms exited with ${code} during start-up`);
      }),
    ]);
  } catch (error) {
    await qms.stop();
    throw new Error(`qms did not start:\n${stderr}`, { cause: error });
  }
  return qms;
}

async function isReady(qms: QmsProcess) {
  const response = await fetch(`${qms.url}/ready`);
  return response.status === 200;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
