export * from './signal-evaluated';
