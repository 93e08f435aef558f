export * from './adapters';
export * from './core.module';
export * from './run-main';
export * from './start-app';
