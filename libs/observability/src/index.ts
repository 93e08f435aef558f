export * from './health.controller';
export * from './logger';
export * from './metrics';
export * from './readiness';
