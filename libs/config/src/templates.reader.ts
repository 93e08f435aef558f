import Handlebars from 'handlebars';
import type { ConfigContext } from './config-context';
import type { TemplateConfig } from './config.types';
import type { RawTemplate } from './raw-config.types';
import type { KeyPath, SourcePosition } from './yaml-source';

const FIELDS = ['subject', 'summary', 'description'] as const;

/** Templates by name; each field must compile as Handlebars. */
export function readTemplates(
  context: ConfigContext,
  raw: Record<string, RawTemplate>,
): Record<string, TemplateConfig> {
  const entries = Object.entries(raw).map(([name, template]) => {
    const read = Object.fromEntries(
      FIELDS.map((field) => [field, template[field] ?? '']),
    ) as unknown as TemplateConfig;
    for (const field of FIELDS) {
      const path = ['notification_templates', name, field];
      checkCompiles(context, path, read[field]);
    }
    return [name, read];
  });
  return Object.fromEntries(entries);
}

function checkCompiles(
  context: ConfigContext,
  path: KeyPath,
  text: string,
): void {
  try {
    Handlebars.precompile(text);
  } catch (error) {
    const { inner, reason } = describeFailure(error);
    const at = context.source.positionInString(path, inner);
    context.report(
      'CONFIG_TEMPLATE',
      path,
      `template does not compile: ${reason}`,
      at,
    );
  }
}

/**
 * Handlebars reports parse errors as "Parse error on line N: <excerpt>
 * Expecting ..." and block mismatches with `lineNumber`/`column` (0-based).
 */
function describeFailure(error: unknown): {
  inner: SourcePosition;
  reason: string;
} {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  const parseLine = /^Parse error on line (\d+):/.exec(lines[0])?.[1];
  if (parseLine) {
    const inner = { line: Number(parseLine), column: 1 };
    return { inner, reason: lines[lines.length - 1] };
  }
  const located = error as { lineNumber?: number; column?: number };
  const inner = {
    line: located.lineNumber ?? 1,
    column: (located.column ?? 0) + 1,
  };
  return { inner, reason: lines[0].replace(/ - \d+:\d+$/, '') };
}
