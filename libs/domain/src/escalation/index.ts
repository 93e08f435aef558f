export * from './deadline';
export * from './decide';
export * from './escalation-policy';
export * from './escalation.commands';
export * from './escalation.errors';
export * from './escalation.events';
export * from './escalation.state';
export * from './evolve';
