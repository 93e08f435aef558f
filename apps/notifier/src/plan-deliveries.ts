import type { QmsConfig } from '@qms/config';
import type { EscalationEventMap } from '@qms/domain';
import {
  renderNotification,
  selectChannels,
  type Delivery,
} from '@qms/notifications';

type Requested = EscalationEventMap['NotificationRequested'];

export interface ChannelSetup {
  available: ReadonlySet<string>;
  globallyAddressed: ReadonlySet<string>;
}

/**
 * One delivery per (recipient, channel) of a page request, each with its
 * idempotency key: escalation, step, repeat, recipient, channel, and the
 * request's traceparent.
 */
export function planDeliveries(
  escalationId: string,
  request: Requested,
  config: QmsConfig,
  setup: ChannelSetup,
  traceparent?: string,
): Delivery[] {
  const message = renderNotification(
    config.templates,
    request.template,
    request.vars,
  );
  const priorities = config.channelPriorities[request.level] ?? [];
  return request.recipients.flatMap((recipient) => {
    const stakeholder = config.stakeholders[recipient];
    const channels = stakeholder
      ? selectChannels({
          level: request.level,
          stakeholder,
          priorities,
          ...setup,
        })
      : ['log'];
    return channels.map((channel) => ({
      key: [
        escalationId,
        request.step,
        request.repeat,
        recipient,
        channel,
      ].join(':'),
      escalationId,
      step: request.step,
      repeat: request.repeat,
      recipient,
      channel,
      attempt: 1,
      level: request.level,
      message,
      address: stakeholder?.channels[channel],
      acceptedAt: request.vars.accepted_at as string | undefined,
      traceparent,
    }));
  });
}
