import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { commandMessage, type EscalationCommand } from '@qms/domain';
import { METRICS, Metrics, READINESS, Readiness } from '@qms/observability';
import {
  CLOCK,
  DOCUMENT_STORE,
  EVENT_STORE,
  LOGGER,
  MESSAGE_BUS,
  TOPICS,
  type BusMessage,
  type Clock,
  type DocumentStore,
  type EventStore,
  type Logger,
  type MessageBus,
  type Subscription,
} from '@qms/ports';
import { handleCommand } from './command-handler';
import { DeadlineScheduler } from './deadline-scheduler';
import { DueIndexFollower } from './due-index';
import { EscalationRepository } from './escalation-repository';
import { EventRelay } from './event-relay';

/**
 * The escalation aggregate's home: applies commands to streams, owns the
 * deadlines of open escalations and relays committed events to the bus.
 */
@Injectable()
export class EscalationService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly repository: EscalationRepository;
  private readonly scheduler: DeadlineScheduler;
  private readonly relay: EventRelay;
  private readonly dueIndex: DueIndexFollower;
  private subscription?: Subscription;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DOCUMENT_STORE) docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(READINESS) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.repository = new EscalationRepository(store);
    this.scheduler = new DeadlineScheduler(
      clock,
      (id, rev) => this.fireDeadline(id, rev),
      logger,
    );
    this.relay = new EventRelay(store, bus, docs, logger);
    this.dueIndex = new DueIndexFollower(store, logger, (s) =>
      this.scheduler.track(s),
    );
    readiness.expect('escalation');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.dueIndex.start();
    const fields = {
      escalations: this.dueIndex.tracked,
      deadlines: this.scheduler.size,
    };
    this.logger.info(fields, 'due-index rebuilt');
    await this.relay.start();
    this.subscription = await this.bus.subscribe({
      topic: TOPICS.escalationCommands,
      group: 'escalation',
      handler: (batch) => this.apply(batch),
      // Deadlines are fired by the instance holding their commands' keys.
      onAssignment: (owns) => this.scheduler.own(owns),
    });
    this.readiness.ready('escalation');
  }

  async onApplicationShutdown(): Promise<void> {
    this.scheduler.stop();
    await this.subscription?.stop();
    await this.relay.stop();
    await this.dueIndex.stop();
  }

  /** One escalation's commands in order; different escalations at once. */
  private async apply(batch: BusMessage[]): Promise<void> {
    const byEscalation = new Map<string, BusMessage[]>();
    for (const m of batch) {
      const id = (m.payload as EscalationCommand).escalationId;
      byEscalation.set(id, [...(byEscalation.get(id) ?? []), m]);
    }
    await Promise.all(
      [...byEscalation.values()].map(async (messages) => {
        for (const m of messages) await this.applyOne(m);
      }),
    );
  }

  private async applyOne(message: BusMessage): Promise<void> {
    const command = message.payload as EscalationCommand;
    const handled = await handleCommand(
      command,
      this.repository,
      this.logger,
      message.traceparent,
    );
    if (handled.outcome !== 'appended') return;
    this.scheduler.track(handled.state);
    if (command.type === 'TriggerEscalation' && handled.state.version <= 2) {
      this.metrics.observeSinceAccepted(
        'escalation_raised',
        command.signal.acceptedAt,
      );
    }
  }

  private async fireDeadline(
    escalationId: string,
    revision: number,
  ): Promise<void> {
    const command: EscalationCommand = {
      type: 'FireDeadline',
      commandId: `deadline:${escalationId}:${revision}`,
      escalationId,
      now: this.clock.now().toISOString(),
      expectedRevision: revision,
    };
    await this.bus.publish([commandMessage(command)]);
  }
}
