import { tempDir, type TempDir } from '@qms/testing';
import { BackingServices } from './backing-services.fixture';
import { ensureBuild } from './ensure-build.fixture';
import { freePort } from './free-port.fixture';
import { APPS, ServiceProcess, type AppName } from './service-process.fixture';

export interface SystemOptions {
  /** Extra environment for every service, e.g. KAFKA_SESSION_TIMEOUT_MS. */
  env?: Record<string, string>;
}

/**
 * Distributed mode on this machine, with per-process control: a broker
 * and a FerretDB of its own, and each app as its own process, named by
 * instance ('notifier', or 'notifier-2' for a second one in the group).
 * Kept in a fresh directory, removed by `stop` unless QMS_INT_KEEP_DATA=1.
 */
export class DistributedSystem {
  private readonly instances = new Map<string, ServiceProcess>();

  private constructor(
    private readonly dir: TempDir,
    private readonly backing: BackingServices,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Starts the servers and one instance of each app; all or nothing. */
  static async start(options: SystemOptions = {}): Promise<DistributedSystem> {
    const dir = tempDir('qms-int-distributed-');
    await ensureBuild();
    let backing: BackingServices;
    try {
      backing = await BackingServices.start(dir.path);
    } catch (error) {
      dir.remove();
      throw error;
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      QMS_MODE: 'distributed',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      KAFKA_BROKERS: backing.kafkaBrokers,
      MONGODB_URL: backing.mongodbUrl,
    };
    const system = new DistributedSystem(dir, backing, env);
    try {
      await Promise.all(APPS.map((app) => system.start(app)));
    } catch (error) {
      await system.stop();
      throw error;
    }
    return system;
  }

  get intakeUrl(): string {
    return this.instance('ingestor').url;
  }

  get apiUrl(): string {
    return this.instance('projector').url;
  }

  /** `host:port` of the system's own broker. */
  get kafkaBrokers(): string {
    return this.backing.kafkaBrokers;
  }

  /** Base URLs of every instance, running or not, e.g. for /metrics. */
  get urls(): string[] {
    return [...this.instances.values()].map((s) => s.url);
  }

  /** QMS_DATA_DIR of each instance of `app`, e.g. the notifiers' outboxes. */
  dataDirs(app: AppName): string[] {
    return [...this.instances.values()]
      .filter((s) => s.spec.app === app)
      .map((s) => s.spec.dataDir);
  }

  instance(name: string): ServiceProcess {
    const found = this.instances.get(name);
    if (!found) throw new Error(`no instance named ${name}`);
    return found;
  }

  /** Starts an instance of `app` named `name` (default: the app's name). */
  async start(app: AppName, name: string = app): Promise<ServiceProcess> {
    if (this.instances.get(name)?.running)
      throw new Error(`${name} is already running`);
    const service = await ServiceProcess.start({
      name,
      app,
      port: await freePort(),
      dataDir: this.dir.file(`data/${name}`),
      logFile: this.dir.file(`${name}.log`),
      env: this.env,
    });
    this.instances.set(name, service);
    return service;
  }

  /** Kills an instance, by default as a crash would (SIGKILL). */
  kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    return this.instance(name).kill(signal);
  }

  /**
   * Starts a stopped instance again under its name, data dir and port, as
   * a supervisor would restart it.
   */
  async restart(name: string): Promise<ServiceProcess> {
    const { spec, running } = this.instance(name);
    if (running) throw new Error(`${name} is still running`);
    const service = await ServiceProcess.start(spec);
    this.instances.set(name, service);
    return service;
  }

  /** Stops the broker (controlled shutdown) and starts it on its data. */
  async restartBroker(pauseMs = 0): Promise<void> {
    await this.backing.stopBroker();
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    await this.backing.startBroker();
  }

  /** The last log lines of every instance, for failure messages. */
  logs(lines = 15): string {
    return [...this.instances.entries()]
      .map(([name, s]) => `--- ${name}\n${s.logTail(lines)}`)
      .join('\n');
  }

  /** Stops every instance, then the servers; removes the directory. */
  async stop(): Promise<void> {
    await Promise.all([...this.instances.values()].map((s) => s.stop()));
    try {
      await this.backing.stop();
    } finally {
      if (process.env.QMS_INT_KEEP_DATA !== '1') this.dir.remove();
    }
  }
}
