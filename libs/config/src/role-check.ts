import type { ConfigContext } from './config-context';
import { didYouMean } from './did-you-mean';
import type { RawConfig } from './raw-config.types';
import { RULE_BLOCKS, rawRuleBlock } from './rule-blocks';
import type { KeyPath } from './yaml-source';

/** Where roles are named: rule stakeholders, chains, backup contacts. */
function* namedRoles(raw: RawConfig): Generator<[KeyPath, string[]]> {
  for (const block of RULE_BLOCKS) {
    for (const [name, rule] of Object.entries(rawRuleBlock(raw, block))) {
      const path = [...block.path, name, 'stakeholders'];
      yield [path, rule.stakeholders ?? []];
    }
  }
  for (const [key, level] of Object.entries(raw.levels)) {
    for (const [step, roles] of Object.entries(level.escalation_chain)) {
      yield [['levels', key, 'escalation_chain', step], roles ?? []];
    }
  }
  for (const [id, person] of Object.entries(raw.stakeholders ?? {})) {
    yield [
      ['stakeholders', id, 'backup_contacts'],
      person.backup_contacts ?? [],
    ];
  }
}

/** Reports every role that names no stakeholder, where it is named. */
export function checkRoles(context: ConfigContext, raw: RawConfig): void {
  const known = Object.keys(raw.stakeholders ?? {});
  for (const [path, roles] of namedRoles(raw)) {
    roles.forEach((role, index) => {
      if (known.includes(role)) return;
      const hint = didYouMean(role, known);
      const detail = `unknown role "${role}": no stakeholders entry${hint}`;
      context.report('CONFIG_UNKNOWN_ROLE', [...path, index], detail);
    });
  }
}
