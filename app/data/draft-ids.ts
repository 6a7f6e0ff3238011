// Draft ids that do not name their case (issue 18 item 4). A form's draft
// of a case is stored as `<form>:<random uuid>` and found again through the
// case's own draft rows ([caseId+kind] index), so the id column carries
// nothing joinable; the case link stays only in the `caseId` column, which
// erase needs. Drafts without a case (the new-case form) keep the form name.
import { db } from './db';

/** Dexie-only read (safe inside liveQuery): the stored id of `form`'s draft for `caseId`, if any. */
export async function findCaseDraftId(form: string, caseId: string): Promise<string | undefined> {
  const ids = await db.records.where('[caseId+kind]').equals([caseId, 'draft']).primaryKeys();
  return ids.find((id) => id.startsWith(`${form}:`));
}
