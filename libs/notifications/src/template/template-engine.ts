import Handlebars from 'handlebars';
import type { TemplateConfig } from '@qms/config';

type RenderFn = (vars: Record<string, unknown>) => string;

export interface CompiledTemplate {
  subject: RenderFn;
  summary: RenderFn;
  description: RenderFn;
}

/**
 * An isolated Handlebars environment: only the built-in block helpers (each,
 * if, unless, with, lookup). `log` is removed because it writes to the
 * console; no helper that runs user code is ever registered.
 */
const engine = Handlebars.create();
engine.unregisterHelper('log');

/** Plain text out: no HTML escaping; a missing variable renders empty. */
const OPTIONS = { noEscape: true, strict: false } as const;

export function compileTemplate(template: TemplateConfig): CompiledTemplate {
  return {
    subject: engine.compile(template.subject, OPTIONS),
    summary: engine.compile(template.summary, OPTIONS),
    description: engine.compile(template.description, OPTIONS),
  };
}
