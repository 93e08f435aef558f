export * from './condition.types';
