export * from './kafka-bus.options';
export * from './kafka-envelope';
export * from './kafka-errors';
export * from './kafka-message-bus';
export { kafkaGroupId } from './kafka-subscription';
