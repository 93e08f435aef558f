import type { TemplateConfig } from '@qms/config';
import { fallbackMessage } from './fallback-message';
import type { RenderedNotification } from './rendered-notification';
import { compileTemplate, type CompiledTemplate } from './template-engine';

interface CacheEntry {
  source: TemplateConfig;
  compiled: CompiledTemplate;
}

/** Compiled templates by name; a changed source (config reload) recompiles. */
const cache = new Map<string, CacheEntry>();

/**
 * Renders the named template. Never throws: an unknown name or a render
 * error gives a plain message built from `vars`, with `fallback` saying why.
 */
export function renderNotification(
  templates: Record<string, TemplateConfig>,
  templateName: string,
  vars: Record<string, unknown>,
): RenderedNotification {
  const template = Object.hasOwn(templates, templateName)
    ? templates[templateName]
    : undefined;
  if (!template) {
    const reason = `no template named "${templateName}"`;
    return fallbackMessage(vars, 'TEMPLATE_NOT_FOUND', reason);
  }

  try {
    const compiled = compiledFor(templateName, template);
    return {
      subject: compiled.subject(vars),
      summary: compiled.summary(vars),
      body: compiled.description(vars),
    };
  } catch (error) {
    const reason = `template "${templateName}": ${describe(error)}`;
    return fallbackMessage(vars, 'TEMPLATE_RENDER_FAILED', reason);
  }
}

function compiledFor(name: string, source: TemplateConfig): CompiledTemplate {
  const hit = cache.get(name);
  if (hit && sameSource(hit.source, source)) return hit.compiled;
  const compiled = compileTemplate(source);
  cache.set(name, { source: { ...source }, compiled });
  return compiled;
}

function sameSource(a: TemplateConfig, b: TemplateConfig): boolean {
  return (
    a.subject === b.subject &&
    a.summary === b.summary &&
    a.description === b.description
  );
}

/** First 200 characters of the error on one line; parse errors span many. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : 'unknown error';
  return message.replace(/\s+/g, ' ').trim().slice(0, 200);
}
