import 'reflect-metadata';
import {
  ConfigError,
  loadConfig,
  runtimeSettings,
  SettingsError,
} from '@qms/config';
import { Command } from 'commander';
import { startStandalone } from './start-standalone';

/** The `qms` command. Entry point: the only place that prints to the console. */
const program = new Command('qms').description('QMS escalation system');

program
  .command('start')
  .description(
    'run all services in one process on embedded SQLite (standalone)',
  )
  .option(
    '-c, --config <file>',
    'configuration file (default: $QMS_CONFIG or config/qms.yaml)',
  )
  .action(async (options: { config?: string }) => {
    const settings = runtimeSettings(process.env, {
      configFile: options.config,
    });
    const running = await startStandalone(settings, process.env);
    console.error(
      `qms listening on ${running.url} (data in ${settings.dataDir})`,
    );
    const stop = () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('config')
  .description('validate a configuration file and exit')
  .command('check')
  .argument('[file]', 'configuration file')
  .action((file?: string) => {
    const settings = runtimeSettings(process.env, { configFile: file });
    const config = loadConfig(settings.configFile, process.env);
    console.log(
      `${settings.configFile}: ok (${config.rules.length} rules, ${Object.keys(config.stakeholders).length} stakeholders)`,
    );
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof SettingsError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
