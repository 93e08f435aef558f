import type { INestApplication } from '@nestjs/common';
import { loadConfig, type RuntimeSettings } from '@qms/config';
import { createHttpApp } from '@qms/http';
import { createLogger } from '@qms/observability';
import { systemClock, type Clock } from '@qms/ports';
import { SqliteDatabase } from '@qms/sqlite';
import { sqliteAdapters } from './sqlite-adapters';
import { StandaloneModule } from './standalone.module';

export interface Running {
  app: INestApplication;
  url: string;
  stop(): Promise<void>;
}

/**
 * Loads the config (throwing ConfigError), binds the SQLite adapters and
 * serves intake and API on one port. `stop` drains the services, then
 * closes the database.
 */
export async function startStandalone(
  settings: RuntimeSettings,
  env: Record<string, string | undefined>,
  clock: Clock = systemClock,
): Promise<Running> {
  const config = loadConfig(settings.configFile, env);
  const logger = createLogger({ level: settings.logLevel, service: 'qms' });
  const adapters = sqliteAdapters(settings.dataDir, logger);
  const module = StandaloneModule.register({
    config,
    settings,
    logger,
    clock,
    adapters,
  });
  const app = await createHttpApp(module, logger);
  await app.listen(settings.port, settings.host);
  const url = await app.getUrl();
  logger.info(
    {
      url: undefined,
      host: settings.host,
      port: settings.port,
      config: settings.configFile,
    },
    'qms standalone listening',
  );
  return {
    app,
    url,
    stop: async () => {
      const sqlite = app.get(SqliteDatabase);
      await app.close();
      sqlite.close();
    },
  };
}
