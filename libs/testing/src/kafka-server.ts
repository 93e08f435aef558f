import { execFile } from 'node:child_process';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './temp-dir';

const run = promisify(execFile);
const SCRIPTS = resolve(__dirname, '../../../tools/kafka');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const SCRIPT_TIMEOUT_MS = 10 * 60_000;

export interface KafkaServer {
  brokers: string[];
  /** Stops the broker if `ensureKafka` started it; otherwise nothing. */
  stop(): Promise<void>;
}

export class KafkaServerError extends Error {
  readonly code = 'KAFKA_SERVER_UNAVAILABLE';
}

/**
 * A broker for integration tests: the one named by KAFKA_BROKERS (default
 * 127.0.0.1:9092) when its port answers; otherwise, for a local address,
 * one that tools/kafka installs and starts on that port in a fresh
 * directory, removed again by `stop`.
 */
export async function ensureKafka(): Promise<KafkaServer> {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const [host, port] = hostAndPort(brokers[0]);
  if (await answers(host, port)) {
    return { brokers, stop: async () => undefined };
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new KafkaServerError(`no Kafka answers at ${brokers[0]}`);
  }

  const dir = tempDir('qms-kafka-');
  const env = { ...process.env, KAFKA_PORT: String(port) };
  try {
    await script('install.sh', [], env);
    await script('start.sh', [dir.path], env);
  } catch (error) {
    dir.remove();
    throw error;
  }
  const stop = async () => {
    await script('stop.sh', [dir.path], env);
    dir.remove();
  };
  return { brokers, stop };
}

async function script(name: string, args: string[], env: NodeJS.ProcessEnv) {
  try {
    await run('bash', [join(SCRIPTS, name), ...args], {
      env,
      timeout: SCRIPT_TIMEOUT_MS,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new KafkaServerError(
      `tools/kafka/${name} failed: ${stderr || String(error)}`,
      { cause: error },
    );
  }
}

function hostAndPort(broker: string): [string, number] {
  const at = broker.lastIndexOf(':');
  return [broker.slice(0, at), Number(broker.slice(at + 1))];
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host, port, timeout: 1000 });
    const finish = (open: boolean) => {
      socket.destroy();
      done(open);
    };
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    socket.once('timeout', () => finish(false));
  });
}
