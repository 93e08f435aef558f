// Distributed mode under test: Kafka, FerretDB and the six services,
// started and stopped by tools/distributed in a work directory of ours.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { peakRssMiB, REPO } from './servers.mjs';

const run = promisify(execFile);
const TOOLS = join(REPO, 'tools');
const START_MS = 150_000;
const STOP_MS = 90_000;

/** Installs Kafka and FerretDB if missing; rejects with the reason. */
export async function installBackingServices() {
  for (const tool of ['kafka', 'ferretdb']) {
    const script = join(TOOLS, tool, 'install.sh');
    await run('bash', [script], { timeout: 300_000 }).catch((error) => {
      const reason = (error.stderr || error.message).trim().split('\n').pop();
      throw new Error(`${tool} could not be installed: ${reason}`);
    });
  }
}

/**
 * The stack in `workdir` on `ports` ({ base, kafka, mongodb }). `stop()`
 * may be called at any time, also while `start()` is still running.
 */
export function distributedStack(workdir, ports) {
  let starting = null;
  const env = {
    ...process.env,
    QMS_PORT_BASE: String(ports.base),
    KAFKA_PORT: String(ports.kafka),
    MONGODB_PORT: String(ports.mongodb),
    LOG_LEVEL: 'warn',
  };
  return {
    intakeUrl: `http://127.0.0.1:${ports.base}`,
    apiUrl: `http://127.0.0.1:${ports.base + 1}`,
    outboxPath: join(workdir, 'data', 'outbox.jsonl'),
    brokers: [`127.0.0.1:${ports.kafka}`],
    async start() {
      starting = spawn('bash', [join(TOOLS, 'distributed/start.sh'), workdir], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await untilExit(starting, START_MS, 'tools/distributed/start.sh');
      starting = null;
    },
    async stop() {
      if (starting && starting.exitCode === null) starting.kill('SIGTERM');
      const script = join(TOOLS, 'distributed/stop.sh');
      await run('bash', [script, workdir], { timeout: STOP_MS }).catch(
        () => undefined,
      );
      for (const entry of stackPids(workdir)) killLeftover(entry, workdir);
    },
    peakRssMiB: () => peakRss(workdir),
  };
}

/** Resolves when `child` exits 0; rejects with its output's tail. */
async function untilExit(child, timeoutMs, name) {
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-3000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  const [code, signal] = await once(child, 'exit');
  clearTimeout(timer);
  if (code !== 0) {
    const tail = output.trim().split('\n').slice(-8).join('\n  ');
    throw new Error(`${name} failed (${signal ?? code}):\n  ${tail}`);
  }
}

/** Pids recorded by the scripts: the six services, Kafka, FerretDB. */
function stackPids(workdir) {
  const files = [
    ...listPidFiles(join(workdir, 'pids')),
    join(workdir, 'kafka', 'kafka.pid'),
    join(workdir, 'ferretdb', 'ferretdb.pid'),
  ];
  return files.flatMap((file) => {
    try {
      const name = file.split('/').pop().replace('.pid', '');
      return [{ name, pid: Number(readFileSync(file, 'utf8')) }];
    } catch {
      return [];
    }
  });
}

function listPidFiles(dir) {
  try {
    return readdirSync(dir).map((f) => join(dir, f));
  } catch {
    return [];
  }
}

// stop.sh removes the pid file of whatever it stopped; a file still there
// names a process it could not stop in time. Its command line must still
// be ours, so a pid reused since is left alone.
function killLeftover({ name, pid }, workdir) {
  let cmdline;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (cmdline.includes(workdir) || cmdline.includes(`dist/apps/${name}/`)) {
    process.kill(pid, 'SIGKILL');
  }
}

function peakRss(workdir) {
  const rss = {};
  for (const { name, pid } of stackPids(workdir)) {
    try {
      rss[name] = peakRssMiB(pid);
    } catch {
      rss[name] = null;
    }
  }
  return rss;
}
