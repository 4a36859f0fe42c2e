/** Facts every incident has, from its workspace: always known, always confirmed. */
export const BUILT_IN_FACTS = ["city", "attack_time", "timezone", "lang"] as const;
