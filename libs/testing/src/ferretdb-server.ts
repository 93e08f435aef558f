import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './temp-dir';

const run = promisify(execFile);
const SCRIPTS = resolve(__dirname, '../../../tools/ferretdb');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const DEFAULT_URL = 'mongodb://127.0.0.1:27017';
const SCRIPT_TIMEOUT_MS = 10 * 60_000;

export interface FerretDbServer {
  /** A MongoDB connection string for the server. */
  url: string;
  /** Stops the server if `ensureFerretDb` started it; otherwise nothing. */
  stop(): Promise<void>;
}

export class FerretDbUnavailableError extends Error {
  readonly code = 'FERRETDB_UNAVAILABLE';
}

/**
 * A MongoDB-compatible server for integration tests: the one named by
 * MONGODB_URL (default mongodb://127.0.0.1:27017) when it answers a ping;
 * otherwise, for a local address, a FerretDB that tools/ferretdb builds
 * and starts on that port in a fresh directory, removed again by `stop`.
 */
export async function ensureFerretDb(): Promise<FerretDbServer> {
  const url = process.env.MONGODB_URL ?? DEFAULT_URL;
  if (await answers(url)) return { url, stop: async () => undefined };
  const port = localPort(url);
  if (port === undefined) {
    throw new FerretDbUnavailableError(`no MongoDB server answers at ${url}`);
  }

  const dir = tempDir('qms-ferretdb-');
  try {
    await script('install.sh', []);
    await script('start.sh', [String(port), dir.path]);
  } catch (error) {
    dir.remove();
    throw error;
  }
  const stop = async () => {
    await script('stop.sh', [dir.path]);
    dir.remove();
  };
  return { url, stop };
}

async function script(name: string, args: string[]): Promise<void> {
  try {
    await run('bash', [join(SCRIPTS, name), ...args], {
      timeout: SCRIPT_TIMEOUT_MS,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new FerretDbUnavailableError(
      `tools/ferretdb/${name} failed: ${stderr || String(error)}`,
      { cause: error },
    );
  }
}

/** The port of a single-host URL on this machine; undefined otherwise. */
function localPort(url: string): number | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!LOCAL_HOSTS.has(parsed.hostname)) return undefined;
  return Number(parsed.port || 27017);
}

// The ping script is the one start.sh waits with: it speaks the MongoDB
// protocol, so a foreign service on the port does not count as an answer.
async function answers(url: string): Promise<boolean> {
  try {
    await run('node', [join(SCRIPTS, 'ping.cjs'), url], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}
