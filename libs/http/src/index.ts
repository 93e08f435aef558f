export * from './api-error';
export * from './create-http-app';
export * from './http-error.filter';
export * from './to-api-error';
