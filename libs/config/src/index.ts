export * from './config.types';
export { loadConfig, parseConfig } from './config.loader';
export {
  ConfigError,
  type ConfigErrorCode,
  type ConfigIssue,
} from './config-error';
export { parseDuration } from './duration.parser';
export { normaliseChannel } from './channel-names';
export { schemaFilePath } from './schema.validator';
export * from './runtime-settings';
export * from './tokens';
