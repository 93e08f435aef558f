export * from './health.controller';
export * from './logger';
export * from './metrics';
export * from './readiness';
export * from './tracing/tracing';
export * from './tracing/tracing-message-bus';
