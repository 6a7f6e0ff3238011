// Team shapes (issue 21): the team id, roles, public keys, the signed member
// list and this device's team configuration. Pure zod, no DOM, no WebCrypto.
import { z } from 'zod';

import { memberIdSchema } from './records/base';
import { safeText } from './safe-text';

/** A team id, chosen by the server admin: it names the four team databases (`baken-team-<id>-…`). */
export const teamIdSchema = z.string().regex(/^[a-z][a-z0-9-]{2,40}$/);

export const teamRoles = ['medewerker', 'coordinator', 'auditor'] as const;
export const teamRoleSchema = z.enum(teamRoles);
export type TeamRole = z.infer<typeof teamRoleSchema>;

/** A member id (defined with the record building blocks: a note names its author by it). */
export { memberIdSchema };

const base64url32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * A P-256 public key as JWK. Only the four public members are kept (zod strips
 * the rest, `d` included), so a private key can never travel in a member list.
 */
export const p256PublicJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: base64url32,
  y: base64url32,
});
export type P256PublicJwk = z.infer<typeof p256PublicJwkSchema>;

/** The CouchDB account name a member syncs with (as in the sync settings). */
export const accountSchema = z.string().min(1).max(200);

export const memberSchema = z.object({
  id: memberIdSchema,
  name: safeText({ min: 1, max: 80 }),
  account: accountSchema,
  role: teamRoleSchema,
  ecdh: p256PublicJwkSchema,
  ecdsa: p256PublicJwkSchema,
  addedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof memberSchema>;

export const MAX_MEMBERS = 100;

export const memberListSchema = z
  .object({
    team: teamIdSchema,
    version: z.number().int().min(1),
    leadId: memberIdSchema,
    members: z.array(memberSchema).max(MAX_MEMBERS),
    issuedAt: z.iso.datetime(),
  })
  .superRefine((list, ctx) => {
    const ids = new Set(list.members.map((m) => m.id));
    if (ids.size !== list.members.length) ctx.addIssue({ code: 'custom', message: 'duplicate member id' });
    if (!ids.has(list.leadId)) ctx.addIssue({ code: 'custom', message: 'the lead is not a member' });
  });
export type MemberList = z.infer<typeof memberListSchema>;

/** A signed list of the lead hand-over chain: a list signed by the lead before it, naming the next lead. */
export const leadLinkSchema = z.object({ list: memberListSchema, sig: z.base64().max(200) });
export type LeadLink = z.infer<typeof leadLinkSchema>;
/** At most this many hand-overs are carried along (older devices further behind must rejoin). */
export const MAX_LEAD_LINKS = 20;

/**
 * The server document `_id: 'member-list'` in `baken-team-<id>-members`: the
 * list and the lead's signature; after a lead hand-over also the chain of
 * hand-over lists, oldest first, so a device that pinned an earlier lead can
 * follow the signatures to the current one.
 */
export const memberListDocSchema = z.object({
  _id: z.literal('member-list'),
  _rev: z.string().optional(),
  list: memberListSchema,
  sig: z.base64().max(200),
  chain: z.array(leadLinkSchema).max(MAX_LEAD_LINKS).optional(),
});
export type MemberListDoc = z.infer<typeof memberListDocSchema>;

/** This device's team configuration; device-local (meta, encrypted), never replicated or in a backup. */
export const teamConfigSchema = z.object({
  team: teamIdSchema,
  memberId: memberIdSchema,
  role: teamRoleSchema,
  /** The lead's signing key, pinned at creation (the lead) or at join (from the invite code). */
  leadEcdsa: p256PublicJwkSchema,
  account: accountSchema,
  password: z.string().min(1).max(1000),
});
export type TeamConfig = z.infer<typeof teamConfigSchema>;

/** The four CouchDB databases of a team. */
export function teamDbNames(team: string): { members: string; cases: string; coord: string; figures: string } {
  const prefix = `baken-team-${team}`;
  return {
    members: `${prefix}-members`,
    cases: `${prefix}-cases`,
    coord: `${prefix}-coord`,
    figures: `${prefix}-figures`,
  };
}

/** The CouchDB role name (in `_users`) for a role in a team. */
export function teamServerRole(team: string, role: TeamRole): string {
  return `baken-team-${team}-${role}`;
}

/** This device's identity as stored (encrypted under the vault key): the public keys and the private scalars `d`. */
export const storedIdentitySchema = z.object({
  memberId: memberIdSchema,
  ecdh: p256PublicJwkSchema,
  ecdsa: p256PublicJwkSchema,
  ecdhD: base64url32,
  ecdsaD: base64url32,
});
export type StoredIdentity = z.infer<typeof storedIdentitySchema>;
