import {
  backoffMs,
  deadLetter,
  errorCode,
  isRetriable,
  MAX_ATTEMPTS,
  type BatchHandler,
  type BusMessage,
  type Logger,
  type OutgoingMessage,
} from '@qms/ports';

/** What a delivery needs from the consumer around it. */
export interface DeliveryControl {
  /** False once the subscription stops or the partition moved elsewhere. */
  active(): boolean;
  /** Keeps the group membership alive during long retries. */
  heartbeat(): Promise<void>;
  /** Sleeps; ends early when the subscription stops. */
  pause(ms: number): Promise<void>;
}

export interface DeliveryTarget {
  topic: string;
  group: string;
  handler: BatchHandler;
}

/**
 * Hands one partition's messages to the handler. A failed batch is
 * retried message by message, in order: a retriable failure is retried
 * with backoff for as long as the subscription runs; any other failure
 * goes to the dead-letter topic after MAX_ATTEMPTS, and the rest follows.
 */
export class BatchDelivery {
  constructor(
    private readonly target: DeliveryTarget,
    private readonly publish: (messages: OutgoingMessage[]) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  /** True once every message is handled or dead-lettered; false if cut off. */
  async deliver(batch: BusMessage[], control: DeliveryControl) {
    try {
      await this.target.handler(batch);
      return true;
    } catch (error) {
      this.logger.warn(
        this.fields(batch[0], 1, error),
        'batch failed; retrying message by message',
      );
    }
    for (const message of batch) {
      if (!(await this.deliverOne(message, control))) return false;
    }
    return true;
  }

  private async deliverOne(message: BusMessage, control: DeliveryControl) {
    for (let attempt = 1; control.active(); attempt++) {
      try {
        await this.target.handler([message]);
        if (attempt > 1)
          this.logger.info(
            this.fields(message, attempt),
            'message handled after retry',
          );
        return true;
      } catch (error) {
        if (!isRetriable(error) && attempt >= MAX_ATTEMPTS) {
          if (await this.deadLetter(message, attempt, error)) return true;
        } else {
          this.logger.warn(
            this.fields(message, attempt, error),
            'message failed; retrying',
          );
        }
      }
      await control.pause(backoffMs(attempt));
      if (control.active()) await control.heartbeat();
    }
    return false;
  }

  /** False when the dead-letter topic could not be written: retry then. */
  private async deadLetter(
    message: BusMessage,
    attempt: number,
    error: unknown,
  ) {
    const fields = this.fields(message, attempt, error);
    try {
      await this.publish([deadLetter(message, error, this.target.group)]);
      this.logger.error(fields, 'poison message sent to dead-letter topic');
      return true;
    } catch (publishError) {
      this.logger.warn(
        { ...fields, deadLetterError: String(publishError) },
        'dead-letter publish failed; retrying the message',
      );
      return false;
    }
  }

  private fields(message: BusMessage, attempt: number, error?: unknown) {
    return {
      topic: this.target.topic,
      group: this.target.group,
      offset: message.offset,
      messageId: message.id,
      attempt,
      ...(error === undefined
        ? {}
        : {
            code: errorCode(error),
            error: error instanceof Error ? error.message : String(error),
          }),
    };
  }
}
