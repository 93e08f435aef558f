import { Inject, Injectable } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { commandMessage, type EscalationCommand } from '@qms/domain';
import { ApiError } from '@qms/http';
import { TRACING, Tracing } from '@qms/observability';
import {
  CLOCK,
  DOCUMENT_STORE,
  MESSAGE_BUS,
  type Clock,
  type DocumentStore,
  type MessageBus,
} from '@qms/ports';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ESCALATIONS, type EscalationDocument } from './escalation-document';

export type Action = 'acknowledge' | 'resolve' | 'close';

const COMMAND_TYPE = {
  acknowledge: 'AcknowledgeEscalation',
  resolve: 'ResolveEscalation',
  close: 'CloseEscalation',
} as const;

/** States in which an action is refused, with the code it is refused with. */
const REFUSED: Record<
  Action,
  Partial<Record<EscalationDocument['status'], string>>
> = {
  acknowledge: {
    resolved: 'ESCALATION_NOT_OPEN',
    closed: 'ESCALATION_NOT_OPEN',
  },
  resolve: {
    resolved: 'ESCALATION_ALREADY_RESOLVED',
    closed: 'ESCALATION_CLOSED',
  },
  close: { closed: 'ESCALATION_CLOSED' },
};

const TARGET: Record<Action, EscalationDocument['status']> = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
  close: 'closed',
};

const WAIT_MS = 5000;

/**
 * Sends acknowledge / resolve / close as commands on the bus and waits
 * (bounded) for the read model to show the effect. The aggregate has the
 * last word; the read-model check only answers obvious refusals early.
 * The publish is a `command <type>` span, child of the caller's
 * traceparent if it sent one.
 */
@Injectable()
export class EscalationCommands {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TRACING) private readonly tracing: Tracing,
  ) {}

  async send(id: string, action: Action, body: unknown, traceparent?: string) {
    const { by, note } = parseActor(body);
    const before = await this.load(id);
    const refused = REFUSED[action][before.status];
    if (refused)
      throw new ApiError(
        409,
        refused,
        `escalation ${id} is ${before.status}`,
        '/id',
      );
    if (action === 'acknowledge' && before.status === 'acknowledged')
      return { applied: true, doc: before };
    const command = {
      type: COMMAND_TYPE[action],
      commandId: randomUUID(),
      escalationId: id,
      now: this.clock.now().toISOString(),
      by,
      via: 'api',
      note,
    } as EscalationCommand;
    await this.publish(command, traceparent);
    return this.awaitStatus(id, action);
  }

  private publish(command: EscalationCommand, parent?: string) {
    const kind = SpanKind.SERVER;
    const attributes = { 'qms.escalation.id': command.escalationId };
    return this.tracing.inSpan(
      `command ${command.type}`,
      parent,
      { kind, attributes },
      (traceparent) => this.bus.publish([commandMessage(command, traceparent)]),
    );
  }

  /** The escalation's document, or 404 ESCALATION_NOT_FOUND. */
  async load(id: string): Promise<EscalationDocument> {
    const doc = await this.docs
      .collection<EscalationDocument>(ESCALATIONS)
      .get(id);
    if (!doc)
      throw new ApiError(
        404,
        'ESCALATION_NOT_FOUND',
        `no escalation ${id}`,
        '/id',
      );
    return doc;
  }

  /**
   * Waits for the read model to show the action's status; a concurrent
   * change to a status that refuses the action is answered as a refusal.
   */
  private async awaitStatus(id: string, action: Action) {
    const deadline = Date.now() + WAIT_MS;
    for (let wait = 5; Date.now() < deadline; wait = Math.min(wait * 2, 100)) {
      const doc = await this.load(id);
      if (doc.status === TARGET[action]) return { applied: true, doc };
      const refused = REFUSED[action][doc.status];
      if (refused) {
        throw new ApiError(
          409,
          refused,
          `escalation ${id} became ${doc.status}`,
          '/id',
        );
      }
      await sleep(wait);
    }
    return { applied: false, doc: await this.load(id) };
  }
}

function parseActor(body: unknown): { by: string; note?: string } {
  if (body === undefined || body === null) return { by: 'api' };
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'FIELD_TYPE', 'body must be a JSON object', '');
  }
  const { by, note } = body as Record<string, unknown>;
  if (
    by !== undefined &&
    (typeof by !== 'string' || by.length === 0 || by.length > 200)
  ) {
    throw new ApiError(
      400,
      'FIELD_INVALID',
      'by must be a non-empty string',
      '/by',
    );
  }
  if (note !== undefined && (typeof note !== 'string' || note.length > 2000)) {
    throw new ApiError(
      400,
      'FIELD_INVALID',
      'note must be a string of at most 2000 characters',
      '/note',
    );
  }
  return {
    by: (by as string | undefined) ?? 'api',
    note: note as string | undefined,
  };
}
