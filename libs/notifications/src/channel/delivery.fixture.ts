import type { Delivery } from './channel.types';

/** A delivery as the notifier builds it; override what a test varies. */
export function aDelivery(overrides: Partial<Delivery> = {}): Delivery {
  const base: Delivery = {
    key: 'esc-1:1:0:qa_lead:log',
    escalationId: 'esc-1',
    step: 1,
    repeat: 0,
    recipient: 'qa_lead',
    channel: 'log',
    attempt: 1,
    level: 'L1_IMMEDIATE',
    message: {
      subject: 'Quality Alert: <b>critical</b> & more',
      summary: 'Quality score dropped to 62%',
      body: 'line one\nline two',
    },
    acceptedAt: '2025-03-01T10:00:00.000Z',
  };
  return { ...base, ...overrides };
}
