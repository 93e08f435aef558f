/** Escalation levels, most severe first. Persisted ids never change. */
export const LEVEL_IDS = [
  'L0_CRITICAL',
  'L1_IMMEDIATE',
  'L2_URGENT',
  'L3_STANDARD',
] as const;

export type LevelId = (typeof LEVEL_IDS)[number];

/** `L0`, `L0_CRITICAL` and the config key `l0_critical` all name L0. */
export function parseLevel(text: string): LevelId | undefined {
  const upper = text.trim().toUpperCase();
  return LEVEL_IDS.find((id) => id === upper || id.split('_')[0] === upper);
}

/** The short label used in metrics: `L0`. */
export function levelLabel(level: LevelId): string {
  return level.split('_')[0];
}

/** Lower rank is more severe. */
export function levelRank(level: LevelId): number {
  return LEVEL_IDS.indexOf(level);
}

export function mostSevere(levels: readonly LevelId[]): LevelId | undefined {
  return [...levels].sort((a, b) => levelRank(a) - levelRank(b))[0];
}
