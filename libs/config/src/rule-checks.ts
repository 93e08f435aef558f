import type { ConfigContext } from './config-context';
import { didYouMean } from './did-you-mean';
import type { RawConfig, RawRule } from './raw-config.types';
import { RULE_BLOCKS, rawRuleBlock, type RuleBlock } from './rule-blocks';
import type { KeyPath } from './yaml-source';

/** The template a rule names, or its block's default, must be defined. */
export function checkTemplate(
  context: ConfigContext,
  path: KeyPath,
  rule: RawRule,
  block: RuleBlock,
  templateNames: ReadonlySet<string>,
): void {
  const template = rule.template ?? block.defaultTemplate;
  if (templateNames.has(template)) return;
  const hint = didYouMean(template, templateNames);
  if (rule.template !== undefined) {
    const detail = `unknown template "${template}"${hint}`;
    context.report('CONFIG_TEMPLATE', [...path, 'template'], detail);
    return;
  }
  const detail =
    `its default template "${template}" is not in notification_templates;` +
    ' define it there or name another with template:';
  context.report('CONFIG_TEMPLATE', path, detail, 'key');
}

/** Rule names identify reasons and metrics, so they are unique file-wide. */
export function checkUniqueNames(context: ConfigContext, raw: RawConfig): void {
  const firstBlock = new Map<string, string>();
  for (const block of RULE_BLOCKS) {
    for (const name of Object.keys(rawRuleBlock(raw, block))) {
      const earlier = firstBlock.get(name);
      if (earlier === undefined) {
        firstBlock.set(name, block.path.join('.'));
        continue;
      }
      const detail = `rule name "${name}" is already used in ${earlier}`;
      context.report('CONFIG_INVALID', [...block.path, name], detail, 'key');
    }
  }
}
