export * from './ingestor.module';
