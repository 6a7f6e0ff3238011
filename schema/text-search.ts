// Accent- and case-insensitive matching, so "creche" finds "crèche" and
// "CLB" finds "clb". Generic: used for the knowledge screens and case search.

/** Lowercase and strip diacritics (NFD, then drop combining marks). */
export function normalizeForSearch(s: string): string {
  // Lowercase first: some uppercase letters decompose into a base + mark (e.g. "İ").
  return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** Normalized, non-empty, whitespace-separated tokens of a query. */
export function queryTokens(query: string): string[] {
  return normalizeForSearch(query)
    .split(/\s+/u)
    .filter((t) => t.length > 0);
}

/** Maps a normalized token to other normalized words that count as a match for it. */
export type SynonymTable = ReadonlyMap<string, readonly string[]>;

/**
 * True when every query token (or one of its synonyms) occurs in at least one
 * haystack (tokens may be found in different haystacks). An empty query
 * matches everything.
 */
export function matchesQuery(haystacks: readonly string[], query: string, synonyms?: SynonymTable): boolean {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return true;
  const normalized = haystacks.map(normalizeForSearch);
  return tokens.every((token) => {
    const alternatives = [token, ...(synonyms?.get(token) ?? [])];
    return alternatives.some((word) => normalized.some((h) => h.includes(word)));
  });
}
