export * from './escalation';
export * from './level';
export * from './messages';
export * from './qms-event';
