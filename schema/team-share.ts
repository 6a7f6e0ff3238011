// Sharing a case inside a team (issue 21, helper F): the grant document that
// hands a case key to one member, and what its sealed box holds. Pure zod and
// string rules; the crypto is app/data/team/share.ts.
import { z } from 'zod';

import { recordIdSchema } from './records/base';
import { memberIdSchema, p256PublicJwkSchema } from './team';

/** A case key id (case-keys.ts makes random UUIDs). */
export const caseKeyIdSchema = z.uuid();

export const sealedBoxSchema = z.strictObject({
  epk: p256PublicJwkSchema,
  iv: z.base64().max(64),
  ct: z.base64().max(512),
});

/** The grant without its signature: exactly what the sharer signs (canonical JSON). */
export const grantBodySchema = z.strictObject({
  _id: z.string().max(200),
  k: caseKeyIdSchema,
  to: memberIdSchema,
  from: memberIdSchema,
  box: sealedBoxSchema,
});
export type GrantBody = z.infer<typeof grantBodySchema>;

/** A grant as stored in `baken-team-<id>-cases`; CouchDB's _rev rides along unsigned. */
export const grantDocSchema = grantBodySchema
  .extend({ _rev: z.string().optional(), sig: z.base64().max(200) })
  .refine((g) => g._id === grantId(g.k, g.to), { message: 'grant id does not name its key and member' });
export type GrantDoc = z.infer<typeof grantDocSchema>;

/** What the box opens to: the raw case key and the case it belongs to (hidden from the server). */
export const grantSecretSchema = z.strictObject({
  key: z.base64().length(44),
  caseId: recordIdSchema,
});
export type GrantSecret = z.infer<typeof grantSecretSchema>;

export const GRANT_PREFIX = 'grant-';

export function grantId(keyId: string, memberId: string): string {
  return `${GRANT_PREFIX}${keyId}-${memberId}`;
}

/** The AAD of a grant's box: the team, the key and the recipient, so a box cannot be moved. */
export function grantAad(team: string, keyId: string, memberId: string): string {
  return `baken/team-grant/v1|${team}|${keyId}|${memberId}`;
}

/** The key id and member id of a grant document id (a UUID is always 36 characters). */
export function parseGrantId(id: string): { keyId: string; memberId: string } | null {
  if (!id.startsWith(GRANT_PREFIX)) return null;
  const keyId = id.slice(GRANT_PREFIX.length, GRANT_PREFIX.length + 36);
  const memberId = id.slice(GRANT_PREFIX.length + 37);
  if (!caseKeyIdSchema.safeParse(keyId).success || !memberIdSchema.safeParse(memberId).success) return null;
  return id === grantId(keyId, memberId) ? { keyId, memberId } : null;
}

/**
 * This device's view of its shared cases (stored encrypted under the vault
 * key): per case the key ids received or granted for it, and whether my own
 * access was withdrawn by a colleague.
 */
export const sharedCasesSchema = z.record(
  recordIdSchema,
  z.strictObject({
    keys: z.array(caseKeyIdSchema).max(50),
    withdrawn: z.boolean().optional(),
    /** Who shared the case with me (absent: I shared it; I am its owner). Only the owner erases it for all. */
    owner: memberIdSchema.optional(),
  }),
);
export type SharedCase = SharedCases[string];

/** The owner's signed notice that a shared case is erased for every holder (names only its key id). */
export const ERASE_PREFIX = 'erase-';
export const eraseNoticeSchema = z.strictObject({
  _id: z.string().max(200),
  _rev: z.string().optional(),
  k: caseKeyIdSchema,
  by: memberIdSchema,
  sig: z.base64().max(200),
});
export type EraseNotice = z.infer<typeof eraseNoticeSchema>;

/** What the owner signs: the team too, so a notice cannot be moved to another team's database. */
export function eraseNoticeBody(team: string, n: Pick<EraseNotice, '_id' | 'k' | 'by'>) {
  return { team, _id: n._id, k: n.k, by: n.by };
}
export type SharedCases = z.infer<typeof sharedCasesSchema>;
