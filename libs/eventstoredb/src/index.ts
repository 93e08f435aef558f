export * from './event-id';
export * from './eventstoredb-errors';
export * from './eventstoredb-event-store';
export { UNKNOWN_POSITION } from './recorded-event.mapper';
