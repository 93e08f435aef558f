export * from './escalation-projection';
export * from './projector.module';
