/** Nest injection tokens for the loaded configuration and settings. */
export const QMS_CONFIG = Symbol('QmsConfig');
export const RUNTIME_SETTINGS = Symbol('RuntimeSettings');
