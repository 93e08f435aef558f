// ready.mjs <broker>: exits 0 once the broker answers a metadata request
// through kafkajs (the client the services use), 1 otherwise.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');

const admin = new Kafka({
  clientId: 'qms-kafka-ready',
  brokers: [process.argv[2]],
  connectionTimeout: 1000,
  requestTimeout: 2000,
  retry: { retries: 0 },
  logLevel: logLevel.NOTHING,
}).admin();

try {
  await admin.connect();
  const { brokers, controller } = await admin.describeCluster();
  await admin.listTopics();
  process.exitCode = brokers.length > 0 && controller !== null ? 0 : 1;
} catch {
  process.exitCode = 1;
} finally {
  await admin.disconnect().catch(() => undefined);
}
