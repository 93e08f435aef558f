/** Topic names carry a version; each has a dead-letter topic `<name>.dlq`. */
export const TOPICS = {
  ingest: 'qms.ingest.v1',
  events: 'qms.events.v1',
  ruleMatches: 'qms.rule-matches.v1',
  escalationCommands: 'qms.escalation-commands.v1',
  escalationEvents: 'qms.escalation-events.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
