import { join } from 'node:path';
import { runCommand } from './run-command.fixture';

const REPO = join(__dirname, '..', '..', '..');
const SCRIPTS = join(REPO, 'tools', 'alertmanager');

export interface AlertmanagerServer {
  /** Base URL, e.g. http://127.0.0.1:9093 */
  url: string;
  stop(): Promise<void>;
}

/**
 * Installs Debian's Alertmanager if it is missing, then starts one on
 * 127.0.0.1:<port> that sends every alert to `webhookUrl`. Rejects with the
 * scripts' own message when either step fails.
 */
export async function startAlertmanager(
  port: number,
  webhookUrl: string,
  workdir: string,
): Promise<AlertmanagerServer> {
  await script('install.sh', []);
  await script('start.sh', [String(port), webhookUrl, workdir]);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await script('stop.sh', [workdir]);
    },
  };
}

async function script(name: string, args: string[]): Promise<void> {
  await runCommand('bash', [join(SCRIPTS, name), ...args], { cwd: REPO });
}
