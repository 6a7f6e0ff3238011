// An edit form sends only what the worker changed, with the value each changed
// field had when the form opened. The operation then keeps a change made
// meanwhile elsewhere (another tab, another device) to any other field, and
// refuses to overwrite one made to the same field (`record.changedMeanwhile`),
// so no saved word is silently undone.

/** Equal as stored values (records are plain JSON; object keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((key) => sameValue(ra[key], rb[key]));
}

/**
 * The fields of `input` that differ from `base` (the record as the form opened it), and `base`'s
 * value of each of them. A key of `input` holding undefined removes that field.
 */
export function changesFrom<B extends object, I extends object>(
  base: B,
  input: I,
): { patch: Partial<I>; expected: Record<string, unknown> } {
  const patch: Partial<I> = {};
  const expected: Record<string, unknown> = {};
  for (const key of Object.keys(input) as Array<keyof I & string>) {
    const was = (base as Record<string, unknown>)[key];
    if (sameValue(input[key], was)) continue;
    patch[key] = input[key];
    expected[key] = was;
  }
  return { patch, expected };
}

/** The first field whose stored value is no longer what the form started from, if any. */
export function changedMeanwhile(stored: object, expected: Record<string, unknown> | undefined): string | undefined {
  if (!expected) return undefined;
  return Object.keys(expected).find((key) => !sameValue((stored as Record<string, unknown>)[key], expected[key]));
}
