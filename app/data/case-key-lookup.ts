// Whether this device holds a case key, for team sharing (issue 21). Apart from
// case-key-store.ts so only the team chunk carries it (issue 19, JS size).
import { readWrappedKey } from './case-key-store';

/** Whether this device holds any of `keyIds` (read now, outside any running transaction). */
export async function holdsCaseKey(...keyIds: string[]): Promise<boolean> {
  const held = await Promise.all(keyIds.map(readWrappedKey));
  return held.some((key) => key !== undefined);
}
