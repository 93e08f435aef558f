export * from './escalation';
export * from './level';
export * from './qms-event';
