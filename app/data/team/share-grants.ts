// Grants (issue 21, sharing a case): a case key sealed to one member's ECDH
// key, signed by the sharer, stored as `grant-<keyId>-<memberId>` in the team's
// cases database. A grant is made ONLY for a member of the verified member list
// (never an auditor) and used ONLY after checking: the shape, that it is meant
// for me, that the sharer is in the verified list (not an auditor) and signed
// it, and that the box opens under its own team, key and recipient (AAD).
import { grantAad, grantBodySchema, grantDocSchema, grantId, grantSecretSchema } from '../../../schema/team-share';
import type { GrantDoc } from '../../../schema/team-share';
import type { Member, MemberList } from '../../../schema/team';
import { fromBase64, toBase64 } from '../sync/codec';
import type { Identity } from './identity';
import { openBox, sealTo, signJson, verifyJson } from './seal';

/** What sharing needs to know about the team: its id, my identity and the VERIFIED member list. */
export interface ShareTeam {
  team: string;
  identity: Identity;
  members: MemberList;
}

/** Roles a case may be shared with: never the auditor (figures only). */
export function canReceiveCases(member: Member): boolean {
  return member.role === 'medewerker' || member.role === 'coordinator';
}

export function memberOf(team: ShareTeam, memberId: string): Member | undefined {
  return team.members.members.find((m) => m.id === memberId);
}

export class GrantRefusedError extends Error {
  constructor(readonly reason: 'not-a-member' | 'auditor') {
    super(`Grant refused: ${reason}`);
    this.name = 'GrantRefusedError';
  }
}

/** Seals `rawKey` (32 bytes) of case `caseId` to member `to` and signs the grant. */
export async function makeGrant(
  team: ShareTeam,
  to: string,
  keyId: string,
  rawKey: Uint8Array,
  caseId: string,
): Promise<GrantDoc> {
  const member = memberOf(team, to);
  if (!member) throw new GrantRefusedError('not-a-member');
  if (!canReceiveCases(member)) throw new GrantRefusedError('auditor');
  const secret = new TextEncoder().encode(JSON.stringify({ key: toBase64(rawKey), caseId }));
  try {
    const box = await sealTo(member.ecdh, secret, grantAad(team.team, keyId, to));
    const body = grantBodySchema.parse({ _id: grantId(keyId, to), k: keyId, to, from: team.identity.memberId, box });
    return { ...body, sig: await signJson(team.identity.ecdsaPrivate, body) };
  } finally {
    secret.fill(0);
  }
}

/** Whether a grant document is well formed and signed by a member of the verified list (not an auditor). */
export async function grantIsSigned(team: ShareTeam, raw: unknown): Promise<GrantDoc | null> {
  const parsed = grantDocSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { _rev: _r, sig, ...body } = parsed.data;
  const from = memberOf(team, body.from);
  if (!from || !canReceiveCases(from)) return null;
  return (await verifyJson(from.ecdsa, body, sig)) ? parsed.data : null;
}

export interface OpenedGrant {
  keyId: string;
  caseId: string;
  /** The raw case key: the caller wraps it under the vault key and wipes it. */
  rawKey: Uint8Array;
  from: string;
}

/** Checks a received grant and opens it; null (never throws) when anything does not hold. */
export async function openGrant(team: ShareTeam, raw: unknown): Promise<OpenedGrant | null> {
  const grant = await grantIsSigned(team, raw);
  if (!grant || grant.to !== team.identity.memberId) return null;
  try {
    const plain = await openBox(team.identity.ecdhPrivate, grant.box, grantAad(team.team, grant.k, grant.to));
    const secret = grantSecretSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)));
    plain.fill(0);
    const rawKey = fromBase64(secret.key);
    if (rawKey.byteLength !== 32) return null;
    return { keyId: grant.k, caseId: secret.caseId, rawKey, from: grant.from };
  } catch {
    return null;
  }
}
