/** The design names the phone channel both `phone_call` and `phone`. */
const ALIASES: Readonly<Record<string, string>> = { phone_call: 'phone' };

export function normaliseChannel(name: string): string {
  return ALIASES[name] ?? name;
}

/** Aliases resolved, each channel once, in the order first written. */
export function normaliseChannels(names: readonly string[]): string[] {
  return [...new Set(names.map(normaliseChannel))];
}

/**
 * Tiers with aliases resolved; a channel already in an earlier tier is
 * dropped from later ones, and tiers left empty are dropped.
 */
export function normaliseTiers(tiers: readonly string[][]): string[][] {
  const seen = new Set<string>();
  return tiers
    .map((tier) =>
      normaliseChannels(tier).filter((name) => {
        if (seen.has(name)) return false;
        seen.add(name);
        return true;
      }),
    )
    .filter((tier) => tier.length > 0);
}
