import {
  KafkaJSConnectionError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs';
import { KafkaUnavailableError } from './kafka-errors';

const TOPICS = ['qms.events.v1'];

describe('KafkaUnavailableError', () => {
  it('is retriable when kafkajs gave up after its own retries', () => {
    const outage = new KafkaJSNumberOfRetriesExceeded(
      new KafkaJSConnectionError('connect ECONNREFUSED 127.0.0.1:9092'),
      { retryCount: 5, retryTime: 9000 },
    );

    const error = new KafkaUnavailableError('publish', TOPICS, outage);

    expect(error).toMatchObject({
      code: 'KAFKA_PUBLISH_FAILED',
      retriable: true,
    });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('is retriable when the root cause is a retriable broker error', () => {
    const leaderMoving = new KafkaJSProtocolError('leader not available');
    const cause = new Error('fetching metadata failed', {
      cause: leaderMoving,
    });

    expect(new KafkaUnavailableError('subscribe', TOPICS, cause)).toMatchObject(
      {
        code: 'KAFKA_SUBSCRIBE_FAILED',
        retriable: true,
      },
    );
  });

  it('is not retriable when the broker refuses the request for good', () => {
    const tooLarge = Object.assign(new KafkaJSProtocolError('too large'), {
      retriable: false,
    });

    const error = new KafkaUnavailableError('publish', TOPICS, tooLarge);

    expect(error.retriable).toBe(false);
  });
});
