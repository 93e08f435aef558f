export * from './clock.port';
export * from './document-store.port';
export * from './errors';
export * from './event-store.port';
export * from './message-bus.port';
export * from './topics';
