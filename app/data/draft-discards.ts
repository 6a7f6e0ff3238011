// Drafts whose record was saved but whose discard failed: the vault locked (another tab, the idle
// timer, the hidden-app lock) between the save and forgetting the draft. A review saw the saved text
// come back after the unlock as "Je onafgewerkte invoer is teruggezet", inviting a second, duplicate
// save. Held in this tab's memory (a lock keeps the page); drafts.ts retries them at the next unlock,
// and until then readDraftLive treats such a draft as absent.
import type { DraftFields } from './drafts';

interface PendingDiscard {
  id: string;
  caseId: string | undefined;
  /** Only a draft holding exactly these fields (what this tab last stored); undefined: any. */
  onlyIf: DraftFields | null | undefined;
}

const pending = new Map<string, PendingDiscard>();
const slotOf = (id: string, caseId: string | undefined): string => `${id}|${caseId ?? ''}`;

export function rememberDiscard(discard: PendingDiscard): void {
  pending.set(slotOf(discard.id, discard.caseId), discard);
}

export function forgetDiscard(id: string, caseId: string | undefined): void {
  pending.delete(slotOf(id, caseId));
}

export function pendingDiscards(): PendingDiscard[] {
  return [...pending.values()];
}

export const sameFields = (a: DraftFields, b: DraftFields): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);

/** Whether this stored draft is one a failed discard still has to remove (then it is not restored). */
export function isDiscardPending(id: string, caseId: string | undefined, fields: DraftFields): boolean {
  const discard = pending.get(slotOf(id, caseId));
  if (!discard) return false;
  const { onlyIf } = discard;
  return onlyIf === undefined || (onlyIf !== null && sameFields(onlyIf, fields));
}
