export * from './contract-options';
export * from './document-store.contract';
export * from './event-store.contract';
export * from './kafka-server';
export * from './message-bus.contract';
export * from './temp-dir';
export * from './unique-name';
export * from './wait-for';
