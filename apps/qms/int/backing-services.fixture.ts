import { join } from 'node:path';
import { REPO } from './ensure-build.fixture';
import { freePort } from './free-port.fixture';
import { runCommand } from './run-command.fixture';

/**
 * One Kafka broker and one FerretDB of their own, on free loopback ports,
 * kept in `workdir` by the tools/ scripts: topic names are fixed, so two
 * distributed systems never share a broker.
 */
export class BackingServices {
  private constructor(
    private readonly workdir: string,
    private readonly kafkaEnv: NodeJS.ProcessEnv,
    readonly kafkaBrokers: string,
    readonly mongodbUrl: string,
  ) {}

  /** Installs (once) and starts both; stops the broker if FerretDB fails. */
  static async start(workdir: string): Promise<BackingServices> {
    const [kafka, controller, mongo] = await distinctFreePorts(3);
    const kafkaEnv = {
      ...process.env,
      KAFKA_PORT: String(kafka),
      KAFKA_CONTROLLER_PORT: String(controller),
    };
    const services = new BackingServices(
      workdir,
      kafkaEnv,
      `127.0.0.1:${kafka}`,
      `mongodb://127.0.0.1:${mongo}/qms`,
    );
    await script('kafka', 'install.sh', []);
    await script('ferretdb', 'install.sh', []);
    await services.startBroker();
    try {
      await script('ferretdb', 'start.sh', [
        String(mongo),
        services.dir('ferretdb'),
      ]);
    } catch (error) {
      await services.stopBroker();
      throw error;
    }
    return services;
  }

  /** Kafka's controlled shutdown; its data stays for `startBroker`. */
  stopBroker(): Promise<void> {
    return script('kafka', 'stop.sh', [this.dir('kafka')], this.kafkaEnv);
  }

  startBroker(): Promise<void> {
    return script('kafka', 'start.sh', [this.dir('kafka')], this.kafkaEnv);
  }

  /** Stops both; each script is a no-op when its server is gone. */
  async stop(): Promise<void> {
    const results = await Promise.allSettled([
      this.stopBroker(),
      script('ferretdb', 'stop.sh', [this.dir('ferretdb')]),
    ]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private dir(name: string): string {
    return join(this.workdir, name);
  }
}

async function script(
  tool: 'kafka' | 'ferretdb',
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const file = join(REPO, 'tools', tool, name);
  await runCommand('bash', [file, ...args], { cwd: REPO, env });
}

/** Ports free a moment ago and different from each other. */
async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
