import type {
  RenderedNotification,
  TemplateFallbackCode,
} from './rendered-notification';

/**
 * The plain message used when a template cannot be rendered, so a broken
 * template never drops a page. Reads `level`, `component`, `summary`,
 * `escalation_id` (or `escalationId`) and `rules` (a list or one name).
 */
export function fallbackMessage(
  vars: Record<string, unknown>,
  code: TemplateFallbackCode,
  reason: string,
): RenderedNotification {
  const level = text(vars.level) || 'unknown level';
  const component = text(vars.component) || 'unknown component';
  const summary = text(vars.summary) || 'no summary';
  const escalationId = text(vars.escalation_id ?? vars.escalationId);
  const rules = ruleNames(vars.rules);

  const body = [
    `Escalation: ${escalationId || 'unknown'}`,
    `Level: ${level}`,
    `Component: ${component}`,
    `Rules: ${rules || 'none recorded'}`,
    `Summary: ${summary}`,
    '',
    `(The notification template could not be used: ${code}.)`,
  ].join('\n');
  return {
    subject: `[${level}] ${component}: ${summary}`,
    summary,
    body,
    fallback: { code, reason },
  };
}

function ruleNames(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  return text(value);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return '';
}
