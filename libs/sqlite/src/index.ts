export * from './sqlite-database';
export * from './sqlite-document-store';
export * from './sqlite-event-store';
export * from './sqlite-message-bus';
