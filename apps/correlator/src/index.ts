export * from './correlator.module';
