// Who shared each case this device received from a colleague (the `owner` of
// its entry in the shared-cases row, share.ts), with that person's name from
// the last verified member list (members.ts). Case numbers are handed out per
// worker, so a received case may carry the same number as one of mine: the
// screens name it with who shared it. Reads the two sealed meta rows only; no
// network. Loaded lazily by shared-from-hooks.ts, only on a device in a team.
import { z } from 'zod';

import { readSealedMeta } from './sealed-meta';

/**
 * The row share.ts's loadSharedCases reads (same key and AAD kind), read for
 * display only: just each entry's `owner` (schema/team-share.ts's
 * sharedCasesSchema validates it whole when share.ts reads or writes it).
 */
export const SHARED_CASES_ROW = {
  key: 'teamSharedCases',
  kind: 'team-shared-cases',
  schema: z.record(z.string(), z.object({ owner: z.string().optional() })),
};
/** The names in members.ts's cached verified list ("teamMembers"); only id and name are read. */
export const MEMBER_NAMES_ROW = {
  key: 'teamMembers',
  kind: 'team-members',
  schema: z.object({ list: z.object({ members: z.array(z.object({ id: z.string(), name: z.string() })) }) }),
};

/** Case id → the name of who shared it with me; null when that person is not in the verified list here. */
export type SharedFrom = ReadonlyMap<string, string | null>;

/** Every case I received from a colleague (not the ones I shared). Needs the vault unlocked. */
export async function readSharedFrom(): Promise<SharedFrom> {
  const shared = await readSealedMeta(SHARED_CASES_ROW);
  if (!shared) return new Map();
  const members = (await readSealedMeta(MEMBER_NAMES_ROW))?.list.members ?? [];
  const names = new Map(members.map((m) => [m.id, m.name]));
  const out = new Map<string, string | null>();
  for (const [caseId, entry] of Object.entries(shared)) {
    if (entry.owner !== undefined) out.set(caseId, names.get(entry.owner) ?? null);
  }
  return out;
}
