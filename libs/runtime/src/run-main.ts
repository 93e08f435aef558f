import { ConfigError, runtimeSettings, SettingsError } from '@qms/config';
import { startApp, type AppSpec } from './start-app';

/**
 * An app's entry point: settings from the environment, start, stop on
 * SIGINT/SIGTERM. A configuration error exits 2 with its message.
 */
export function runMain(
  spec: AppSpec,
  options: { defaultPort: number; configFile?: string },
): void {
  const start = async () => {
    const settings = runtimeSettings(process.env, options);
    const running = await startApp(spec, settings, process.env);
    process.stderr.write(`${spec.service} listening on ${running.url}\n`);
    const stop = () =>
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  };
  start().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof SettingsError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(
      `${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
