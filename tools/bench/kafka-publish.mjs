// Upstream producer: native events straight onto `qms.ingest.v1`, the
// way another service would publish them (plain JSON values, no envelope
// headers), in batches with acks from all in-sync replicas.
import kafkajs from 'kafkajs';
import { performance } from 'node:perf_hooks';

const { Kafka, logLevel } = kafkajs;
export const INGEST_TOPIC = 'qms.ingest.v1';
const BATCH = 1_000;
const IN_FLIGHT = 4;

/**
 * A native event matching `critical_defects` in config/qms.yaml
 * (defect_severity = 'critical' AND defect_count >= 1); the component
 * makes each fingerprint distinct.
 */
export function nativeEvent(run, index) {
  return {
    type: 'bench',
    source: 'bench',
    component: `bench-${run}-c${index}`,
    severity: 'critical',
    defect_severity: 'critical',
    defect_count: 1,
  };
}

/**
 * Publishes `count` events to `brokers`, up to IN_FLIGHT batches at once.
 * Resolves { published, seconds } once every batch is acknowledged.
 */
export async function publishNativeEvents({ brokers, run, count }) {
  const kafka = new Kafka({
    clientId: 'qms-bench',
    brokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const started = performance.now();
    let next = 0;
    const sender = async () => {
      while (next < count) {
        const from = next;
        next = Math.min(count, next + BATCH);
        await producer.send({
          topic: INGEST_TOPIC,
          acks: -1,
          messages: batch(run, from, next),
        });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
    return { published: count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await producer.disconnect();
  }
}

function batch(run, from, to) {
  const messages = [];
  for (let i = from; i < to; i += 1) {
    const event = nativeEvent(run, i);
    messages.push({ key: event.component, value: JSON.stringify(event) });
  }
  return messages;
}
