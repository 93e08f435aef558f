// Starts and stops the two servers under test, both on loopback.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO = join(import.meta.dirname, '..', '..');
const SCRIPTS = join(REPO, 'tools', 'alertmanager');

export async function buildProduct() {
  await run('npm', ['run', 'build'], { cwd: REPO });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The product in standalone mode; resolves once /ready answers 200. With
 * `cpuProfDir` it runs under `node --cpu-prof` and writes its profile
 * there when it exits.
 */
export async function startQms(port, dataDir, { cpuProfDir } = {}) {
  const profile = cpuProfDir
    ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir]
    : [];
  const args = [...profile, join(REPO, 'bin/qms.js'), 'start'];
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      QMS_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Kept for failure messages; a quiet run prints nothing of it.
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await untilReady(`${url}/ready`, () => child.exitCode !== null, stop);
  } catch (error) {
    throw new Error(`${error.message}\n${stderr}`);
  }
  return { url, pid: child.pid, stop, output: () => stderr };
}

/**
 * Debian's Alertmanager via tools/alertmanager (installed if missing),
 * routing to a receiver without integrations: it accepts and groups alerts
 * but sends nothing.
 */
export async function startAlertmanager(port, workdir) {
  await run('bash', [join(SCRIPTS, 'install.sh')]);
  await run('bash', [join(SCRIPTS, 'start.sh'), String(port), 'none', workdir]);
  const pid = Number(readFileSync(join(workdir, 'alertmanager.pid'), 'utf8'));
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    stop: () => run('bash', [join(SCRIPTS, 'stop.sh'), workdir]),
  };
}

/** Peak resident set (VmHWM) of a live process, in MiB. */
export function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return Math.round((kib / 1024) * 10) / 10;
}

async function untilReady(url, exited, stop) {
  for (let i = 0; i < 300; i += 1) {
    if (exited()) throw new Error('qms exited during start-up');
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  await stop();
  throw new Error(`qms not ready after 30 s (${url})`);
}
