export * from './signal-evaluated';
export * from './command-message';
