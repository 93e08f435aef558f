import 'reflect-metadata';
import {
  ConfigError,
  loadConfig,
  runtimeSettings,
  SettingsError,
} from '@qms/config';
import { runMain } from '@qms/runtime';
import { Command } from 'commander';
import { rebuildProjections } from './rebuild-projections';
import { standalone } from './standalone';

/** The `qms` command; the only place of the host that prints. */
const program = new Command('qms').description('QMS escalation system');

program
  .command('start')
  .description('run all six services in one process on embedded SQLite')
  .option(
    '-c, --config <file>',
    'config file (default: $QMS_CONFIG or config/qms.yaml)',
  )
  .action((options: { config?: string }) => {
    runMain(standalone, { defaultPort: 8080, configFile: options.config });
  });

program
  .command('config')
  .description('configuration commands')
  .command('check')
  .description('validate a configuration file and exit')
  .argument('[file]', 'configuration file')
  .action((file?: string) => {
    const settings = runtimeSettings(process.env, { configFile: file });
    const config = loadConfig(settings.configFile, process.env);
    const rules = config.rules.length;
    const people = Object.keys(config.stakeholders).length;
    console.log(
      `${settings.configFile}: ok (${rules} rules, ${people} stakeholders)`,
    );
  });

program
  .command('projections')
  .description('read-model commands')
  .command('rebuild')
  .description(
    'drop the escalation read model and replay it from the event store',
  )
  .option('-c, --config <file>', 'config file')
  .action(async (options: { config?: string }) => {
    const settings = runtimeSettings(process.env, {
      configFile: options.config,
    });
    const projected = await rebuildProjections(settings, (n) =>
      process.stderr.write(`projected ${n} events\n`),
    );
    console.log(`rebuilt the escalation read model from ${projected} events`);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof SettingsError;
  console.error(known ? (error as Error).message : error);
  process.exit(known ? 2 : 1);
});
