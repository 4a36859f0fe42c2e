/** "Did you mean …?" for ids and keys a person typed. */

/** Levenshtein distance: insertions, deletions and substitutions each count 1. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** The closest candidate, if close enough to be a typo. */
export function didYouMean(typed: string, candidates: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  const starting = candidates.filter((id) => lower.length >= 3 && id.startsWith(lower));
  if (starting.length === 1) return starting[0];
  let best: { id: string; d: number } | undefined;
  for (const id of candidates) {
    const d = editDistance(lower, id);
    if (!best || d < best.d) best = { id, d };
  }
  return best && best.d <= Math.max(2, Math.floor(typed.length / 3)) ? best.id : undefined;
}
