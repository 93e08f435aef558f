import {
  decide,
  EscalationError,
  type EscalationCommand,
  type EscalationState,
} from '@qms/domain';
import { WrongExpectedRevisionError, type Logger } from '@qms/ports';
import { v5 as uuidv5 } from 'uuid';
import type { EscalationRepository } from './escalation-repository';

const SUCCESSOR_NS = 'c7e1a2b3-4d5e-4f60-8a9b-0c1d2e3f4a5b';
const MAX_CONFLICT_RETRIES = 5;

export type Handled =
  | { outcome: 'appended'; state: EscalationState }
  | { outcome: 'unchanged' }
  | { outcome: 'refused'; code: string };

/**
 * Guard, load, decide, append. A conflicting writer retries on fresh
 * state; a trigger refused because the escalation closed goes to its
 * successor, whose id derives from the closed escalation's alone: every
 * trigger it refuses (redeliveries, and signals racing the close) lands
 * on one new escalation, never one each. `traceparent` (the command
 * message's) is stored with the events it appends.
 */
export async function handleCommand(
  command: EscalationCommand,
  repository: EscalationRepository,
  logger: Logger,
  traceparent?: string,
): Promise<Handled> {
  for (let attempt = 0; ; attempt++) {
    const state = await repository.load(command.escalationId);
    try {
      const events = decide(command, state);
      if (events.length === 0) return { outcome: 'unchanged' };
      const next = await repository.append(
        state,
        command.commandId,
        events,
        traceparent,
      );
      return next
        ? { outcome: 'appended', state: next }
        : { outcome: 'unchanged' };
    } catch (error) {
      if (
        error instanceof WrongExpectedRevisionError &&
        attempt < MAX_CONFLICT_RETRIES
      ) {
        repository.forget(command.escalationId);
        continue;
      }
      if (!(error instanceof EscalationError)) throw error;
      if (
        error.code === 'ESCALATION_CLOSED' &&
        command.type === 'TriggerEscalation'
      ) {
        const escalationId = successorOf(command.escalationId);
        const successor = { ...command, escalationId };
        return handleCommand(successor, repository, logger, traceparent);
      }
      const fields = {
        escalationId: command.escalationId,
        command: command.type,
        code: error.code,
      };
      logger.info(fields, 'command refused');
      return { outcome: 'refused', code: error.code };
    }
  }
}

/** The escalation a closed one hands its fingerprint's signals on to. */
export function successorOf(closedEscalationId: string): string {
  return uuidv5(`${closedEscalationId}:successor`, SUCCESSOR_NS);
}
