export * from './mongo-document-query';
export * from './mongo-document-store';
export * from './mongo-errors';
export * from './mongo-replace-if';
