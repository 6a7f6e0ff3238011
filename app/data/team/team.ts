// Creating a team, inviting people and joining (issue 21).
//
// The lead creates the team: this device's identity goes into member list v1
// as the lead, signed by the lead's own key, which the lead's device pins.
//
// An invite is a one-time code (120 random bits, 24 Crockford base32
// characters, like a pairing code). From the code, HKDF-SHA-256 derives a
// document id and an AES-GCM key. The lead's device stores, sealed under that
// key, `invite-<id>` in the members database: the team, the role, the lead's
// member id and signing key, and the expiry (24 hours). The server sees a
// random id and ciphertext; it cannot read the invite nor swap the lead key
// in it (it does not have the code). So the invitee pins the lead's key from
// the code.
//
// The invitee enters team id, account, password, their name and the code:
// their device makes its identity and stores `join-<id>` (sealed under the
// same key): their member id, name, account and public keys, signed with
// their own signing key. CouchDB accepts only one create of that id, so a
// code works once. The lead's device (team screen open, or join-watch.ts in
// the background, which only counts) finds the request
// among its open invites, checks the seal, the signature and the expiry, and
// the lead admits the person (after comparing fingerprints if they wish):
// the role comes from the lead's own invite record, never from the request.
// The list gets version + 1, is signed and published; the invite and the
// request are deleted from the server.
import { z } from 'zod';

import {
  memberSchema,
  p256PublicJwkSchema,
  teamDbNames,
  teamIdSchema,
  teamRoleSchema,
  type Member,
  type MemberList,
  type TeamConfig,
  type TeamRole,
} from '../../../schema/team';
import { randomBytes, utf8, type Bytes } from '../crypto';
import { setNoteAuthor } from '../note-author';
import { fromBase64, toBase64 } from '../sync/codec';
import { formatCode, parsePairingCode } from '../sync/pairing';
import { couchRequest, SyncError, type SyncCredentials } from '../sync/remote';
import { assertTeamAccountUsable } from './account-refusal';
import { assertServerTeamRole } from './account-roles';
import { clearTeamConfig, loadTeamConfig, saveTeamConfig, teamCreds } from './config';
import { TeamError } from './errors';
import './coord-hooks';
import { memberAdmittedHooks, memberRemovedHooks, teamCreatedHooks } from './hooks';
import { loadOrCreateIdentity } from './identity';
import { cachedMembers, checkMembers, forgetCachedMembers, MEMBER_LIST_ID, publishMemberList } from './members';
import { keyFingerprint, signJson, verifyJson } from './seal';
import { deleteMeta, readSealedMeta, writeSealedMeta } from './sealed-meta';

export const INVITE_TTL_MS = 24 * 60 * 60_000;

const invitePayloadSchema = z.object({
  team: teamIdSchema,
  role: teamRoleSchema,
  leadId: z.string(),
  leadEcdsa: p256PublicJwkSchema,
  expiresAt: z.number().int().positive(),
});

const joinMemberSchema = memberSchema.omit({ role: true, addedAt: true });
const joinPayloadSchema = z.object({ member: joinMemberSchema, sig: z.base64().max(200) });
export type JoinMember = z.infer<typeof joinMemberSchema>;

const openInviteSchema = z.object({
  hex: z.string().regex(/^[0-9a-f]{32}$/),
  secret: z.base64(),
  role: teamRoleSchema,
  expiresAt: z.number().int().positive(),
});
export type OpenInvite = z.infer<typeof openInviteSchema>;
const INVITES_ROW = {
  key: 'teamInvites',
  kind: 'team-invites',
  schema: z.object({ invites: z.array(openInviteSchema) }),
};

interface SealedDoc {
  _id: string;
  _rev?: string;
  iv: string;
  ct: string;
}

const inviteId = (hex: string) => `invite-${hex}`;
const joinId = (hex: string) => `join-${hex}`;

async function deriveInvite(secret: Bytes): Promise<{ hex: string; key: CryptoKey }> {
  const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const params = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: utf8('baken/invite/v1'), info: utf8(info) });
  const idBits = new Uint8Array(await crypto.subtle.deriveBits(params('id'), base, 128));
  const key = await crypto.subtle.deriveKey(params('key'), base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  return { hex: Array.from(idBits, (b) => b.toString(16).padStart(2, '0')).join(''), key };
}

async function sealDoc(key: CryptoKey, id: string, team: string, value: unknown): Promise<SealedDoc> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(`baken/team-doc/v1|${team}|${id}`) },
    key,
    utf8(JSON.stringify(value)),
  );
  return { _id: id, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

async function openDoc(key: CryptoKey, doc: SealedDoc, team: string): Promise<unknown> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(doc.iv), additionalData: utf8(`baken/team-doc/v1|${team}|${doc._id}`) },
    key,
    fromBase64(doc.ct),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}

async function getOrUndefined<T>(creds: SyncCredentials, id: string): Promise<T | undefined> {
  try {
    return await couchRequest<T>(creds, 'GET', id);
  } catch (error) {
    if (error instanceof SyncError && error.code === 'sync.notFound') return undefined;
    throw error;
  }
}

/** Deletes a server document; one already gone counts as deleted. Rejects with SyncError otherwise. */
async function removeDoc(creds: SyncCredentials, id: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const doc = await getOrUndefined<SealedDoc>(creds, id);
    if (!doc?._rev) return;
    try {
      await couchRequest(creds, 'DELETE', `${id}?rev=${encodeURIComponent(doc._rev)}`);
      return;
    } catch (error) {
      if (error instanceof SyncError && error.code === 'sync.notFound') return;
      // Deleted or changed in between: read it again.
      if (!(error instanceof SyncError && error.code === 'sync.conflict') || attempt >= 2) throw error;
    }
  }
}

async function deleteDoc(creds: SyncCredentials, id: string): Promise<void> {
  // Best effort (after an admission, or a join request once its invite is gone): an unusable leftover
  // (sealed, expired) harms no one.
  await removeDoc(creds, id).catch(() => undefined);
}

async function requireConfig(): Promise<TeamConfig> {
  const config = await loadTeamConfig();
  if (!config) throw new TeamError('team.none');
  // While the server refuses the team account, nothing is sent with it (account-refusal.ts).
  assertTeamAccountUsable();
  return config;
}

async function requireLeadList(config: TeamConfig): Promise<MemberList> {
  const { list, problem, offline } = await checkMembers();
  if (offline) throw new SyncError('sync.offline');
  if (problem?.startsWith('sync.')) throw new SyncError(problem as SyncError['code']);
  if (!list) throw new TeamError((problem as TeamError['code'] | undefined) ?? 'team.list.missing');
  if (list.leadId !== config.memberId) throw new TeamError('team.notLead');
  // A refused server list (changed, replayed, missing) does not block the lead: the lead's own last
  // verified list is the truth, and the next publish replaces the server's copy with a newer signed one.
  return list;
}

/**
 * The lead's device: creates the team's member list v1 with this person as the
 * lead. Fails with TeamError('team.exists') when the team already has a list
 * made by someone else, or SyncError (account, role, network).
 */
export async function createTeam(input: {
  team: string;
  account: string;
  password: string;
  name: string;
  role: Exclude<TeamRole, 'auditor'>;
}): Promise<TeamConfig> {
  const identity = await loadOrCreateIdentity();
  const config: TeamConfig = {
    team: input.team,
    memberId: identity.memberId,
    role: input.role,
    leadEcdsa: identity.ecdsa,
    account: input.account.trim(),
    password: input.password,
  };
  const lead: Member = memberSchema.parse({
    id: identity.memberId,
    name: input.name.trim(),
    account: config.account,
    role: input.role,
    ecdh: identity.ecdh,
    ecdsa: identity.ecdsa,
    addedAt: new Date().toISOString(),
  });
  // The server must give the account the role the lead takes, or every later round is refused (403).
  const roleCheck = { team: config.team, account: config.account, password: config.password, role: input.role };
  let existing: unknown;
  try {
    existing = await getOrUndefined<{ list?: unknown }>(teamCreds(config, 'members'), MEMBER_LIST_ID);
  } catch (error) {
    // No role in this team at all: say which role the account needs.
    if (error instanceof SyncError && error.code === 'sync.forbidden') await assertServerTeamRole(roleCheck);
    throw error;
  }
  if (existing) throw new TeamError('team.exists');
  await assertServerTeamRole(roleCheck);
  const list: MemberList = { team: config.team, version: 1, leadId: lead.id, members: [lead], issuedAt: lead.addedAt };
  await saveTeamConfig(config);
  try {
    await publishMemberList(config, identity, list);
  } catch (error) {
    await clearTeamConfig();
    if (error instanceof SyncError && error.code === 'sync.conflict') throw new TeamError('team.exists');
    throw error;
  }
  for (const hook of teamCreatedHooks) await hook(config, list);
  return config;
}

async function openInvites(): Promise<OpenInvite[]> {
  return (await readSealedMeta(INVITES_ROW))?.invites ?? [];
}

async function saveInvites(invites: OpenInvite[]): Promise<void> {
  await writeSealedMeta(INVITES_ROW, { invites });
}

export interface InviteOffer {
  code: string;
  role: TeamRole;
  expiresAt: Date;
  hex: string;
}

/** The lead's device: a one-time invite code for `role`, valid 24 hours. */
export async function createInvite(role: TeamRole): Promise<InviteOffer> {
  const config = await requireConfig();
  const identity = await loadOrCreateIdentity();
  await requireLeadList(config);
  const secret = randomBytes(15);
  const { hex, key } = await deriveInvite(secret);
  const expiresAt = Date.now() + INVITE_TTL_MS;
  const payload = { team: config.team, role, leadId: identity.memberId, leadEcdsa: identity.ecdsa, expiresAt };
  const doc = await sealDoc(key, inviteId(hex), config.team, invitePayloadSchema.parse(payload));
  await couchRequest(teamCreds(config, 'members'), 'PUT', doc._id, doc);
  const now = Date.now();
  const kept = (await openInvites()).filter((i) => i.expiresAt > now);
  await saveInvites([...kept, { hex, secret: toBase64(secret), role, expiresAt }]);
  return { code: formatCode(secret), role, expiresAt: new Date(expiresAt), hex };
}

async function liveInvites(): Promise<OpenInvite[]> {
  const now = Date.now();
  return (await openInvites()).filter((i) => i.expiresAt > now);
}

/** An open invite as the lead's screen may show it: never its code (the secret stays in the sealed row). */
export interface InviteSummary {
  hex: string;
  role: TeamRole;
  expiresAt: Date;
}

/** The lead's device: the invites made here and not yet admitted, withdrawn or expired (local, works offline). */
export async function listOpenInvites(): Promise<InviteSummary[]> {
  return (await liveInvites()).map(({ hex, role, expiresAt }) => ({ hex, role, expiresAt: new Date(expiresAt) }));
}

/**
 * The lead's device: withdraws an invite, so its code no longer works. The invite and any join request
 * are deleted on the server first (one already gone counts as deleted), and only then forgotten here.
 * Rejects with SyncError (offline, unreachable, refused) when the server did not confirm: the invite then
 * stays open here and on the server, and its code still works until it is withdrawn or expires.
 */
export async function cancelInvite(hex: string): Promise<void> {
  const config = await requireConfig();
  const creds = teamCreds(config, 'members');
  // The invite first: without it the code is refused. Once it is gone the withdrawal has happened, so a
  // failed delete of the request (sealed, useless without the invite) no longer says otherwise.
  await removeDoc(creds, inviteId(hex));
  await deleteDoc(creds, joinId(hex));
  await saveInvites((await openInvites()).filter((i) => i.hex !== hex));
}

export interface JoinRequest {
  hex: string;
  role: TeamRole;
  member: JoinMember;
  /** Fingerprint of the person's signing key, to compare with what their screen shows. */
  fingerprint: string;
}

async function readJoinRequest(config: TeamConfig, invite: OpenInvite): Promise<JoinRequest | undefined> {
  const doc = await getOrUndefined<SealedDoc>(teamCreds(config, 'members'), joinId(invite.hex));
  if (!doc) return undefined;
  const { key } = await deriveInvite(fromBase64(invite.secret));
  try {
    const { member, sig } = joinPayloadSchema.parse(await openDoc(key, doc, config.team));
    const signed = { team: config.team, invite: invite.hex, member };
    if (!(await verifyJson(member.ecdsa, signed, sig))) return undefined;
    return { hex: invite.hex, role: invite.role, member, fingerprint: await keyFingerprint(member.ecdsa) };
  } catch {
    return undefined; // not sealed with this invite's key, or malformed: ignored
  }
}

/** The lead's device: join requests waiting for the lead (valid seal and signature, invite still open). */
export async function pendingJoinRequests(): Promise<JoinRequest[]> {
  const config = await requireConfig();
  const out: JoinRequest[] = [];
  for (const invite of await liveInvites()) {
    const request = await readJoinRequest(config, invite);
    if (request) out.push(request);
  }
  return out;
}

async function publishChange(config: TeamConfig, change: (list: MemberList) => MemberList): Promise<MemberList> {
  const identity = await loadOrCreateIdentity();
  for (let attempt = 0; ; attempt++) {
    const current = await requireLeadList(config);
    const next = change(current);
    try {
      await publishMemberList(config, identity, next);
      return next;
    } catch (error) {
      if (!(error instanceof SyncError && error.code === 'sync.conflict') || attempt >= 2) throw error;
    }
  }
}

/** The lead's device: admits the person of a join request with the invite's role; the list gets version + 1. */
export async function acceptJoinRequest(hex: string): Promise<MemberList> {
  const config = await requireConfig();
  const invite = (await liveInvites()).find((i) => i.hex === hex);
  if (!invite) throw new TeamError('team.invite.expired');
  const request = await readJoinRequest(config, invite);
  if (!request) throw new TeamError('team.join.invalid');
  const member: Member = memberSchema.parse({
    ...request.member,
    role: invite.role,
    addedAt: new Date().toISOString(),
  });
  const list = await publishChange(config, (current) => {
    if (current.members.some((m) => m.id === member.id)) throw new TeamError('team.join.invalid');
    return {
      ...current,
      version: current.version + 1,
      members: [...current.members, member],
      issuedAt: member.addedAt,
    };
  });
  await saveInvites((await openInvites()).filter((i) => i.hex !== hex));
  await deleteDoc(teamCreds(config, 'members'), inviteId(hex));
  await deleteDoc(teamCreds(config, 'members'), joinId(hex));
  // Keys for the new member at once (coord-hooks.ts); a failure leaves it to the next round, which grants
  // to every entitled member without a grant. The admission itself stands.
  for (const hook of memberAdmittedHooks) {
    try {
      await hook(member, list, config);
    } catch {
      // The background round tries again.
    }
  }
  return list;
}

/**
 * The lead's device: refuses a join request (the code then no longer works). Like cancelInvite, it needs
 * the server: offline it rejects and the request stays.
 */
export function declineJoinRequest(hex: string): Promise<void> {
  return cancelInvite(hex);
}

/**
 * The invitee's device: reads the invite, pins the lead's key from it, stores
 * the join request and this device's team configuration. The person is in the
 * team once the lead admits them (the verified list then names them).
 * Fails with TeamError (code invalid, unknown, used, expired, other team) or
 * SyncError (account, role, network).
 */
export async function joinTeam(input: {
  team: string;
  account: string;
  password: string;
  name: string;
  code: string;
}): Promise<TeamConfig> {
  const team = teamIdSchema.parse(input.team.trim());
  let secret: Bytes;
  try {
    secret = parsePairingCode(input.code);
  } catch {
    throw new TeamError('team.invite.invalidCode');
  }
  const { hex, key } = await deriveInvite(secret);
  secret.fill(0);
  const creds = { db: teamDbNames(team).members, account: input.account.trim(), password: input.password };
  const doc = await getOrUndefined<SealedDoc>(creds, inviteId(hex));
  if (!doc) {
    // A mistyped team id is not a bad code: without its members database there is no such team.
    const teamExists = await couchRequest(creds, 'GET', '').then(
      () => true,
      (error: unknown) => !(error instanceof SyncError && error.code === 'sync.notFound'),
    );
    throw new TeamError(teamExists ? 'team.invite.unknown' : 'team.unknown');
  }
  let invite: z.infer<typeof invitePayloadSchema>;
  try {
    invite = invitePayloadSchema.parse(await openDoc(key, doc, team));
  } catch {
    throw new TeamError('team.invite.wrongTeam'); // sealed for another team's AAD (or not an invite)
  }
  if (invite.team !== team) throw new TeamError('team.invite.wrongTeam');
  if (Date.now() > invite.expiresAt) throw new TeamError('team.invite.expired');
  const identity = await loadOrCreateIdentity();
  const member: JoinMember = joinMemberSchema.parse({
    id: identity.memberId,
    name: input.name.trim(),
    account: creds.account,
    ecdh: identity.ecdh,
    ecdsa: identity.ecdsa,
  });
  // A used code says so first; then the server must give the account the invite's role, or joining would
  // seem to work and every later round would be refused (403). Checked before the request is stored, so
  // the code still works once the server admin has given the role.
  if (await getOrUndefined<SealedDoc>(creds, joinId(hex))) throw new TeamError('team.invite.used');
  await assertServerTeamRole({ team, account: creds.account, password: creds.password, role: invite.role });
  const sig = await signJson(identity.ecdsaPrivate, { team, invite: hex, member });
  const config: TeamConfig = {
    team,
    memberId: identity.memberId,
    role: invite.role,
    leadEcdsa: invite.leadEcdsa,
    account: creds.account,
    password: input.password,
  };
  try {
    await couchRequest(creds, 'PUT', joinId(hex), await sealDoc(key, joinId(hex), team, { member, sig }));
  } catch (error) {
    if (error instanceof SyncError && error.code === 'sync.conflict') throw new TeamError('team.invite.used');
    throw error;
  }
  await forgetCachedMembers();
  await saveTeamConfig(config);
  return config;
}

export interface RemovalResult {
  list: MemberList;
  removed: Member;
  /** Hooks (re-keying by sharing and coordination) that failed; the removal itself stands. */
  failedHooks: number;
}

/**
 * The lead's device: takes a person off the list (version + 1) and runs the
 * re-keying hooks (hooks.ts). Does not end their server access: that is the
 * server admin's job (README).
 */
export async function removeMember(memberId: string): Promise<RemovalResult> {
  const config = await requireConfig();
  if (memberId === config.memberId) throw new TeamError('team.self');
  let removed: Member | undefined;
  const list = await publishChange(config, (current) => {
    removed = current.members.find((m) => m.id === memberId);
    if (!removed) throw new TeamError('team.notMember');
    return {
      ...current,
      version: current.version + 1,
      members: current.members.filter((m) => m.id !== memberId),
      issuedAt: new Date().toISOString(),
    };
  });
  if (!removed) throw new TeamError('team.notMember');
  let failedHooks = 0;
  for (const hook of memberRemovedHooks) {
    try {
      await hook(removed, list, config);
    } catch {
      failedHooks++;
    }
  }
  return { list, removed, failedHooks };
}

/** This device leaves the team locally: forgets the configuration, the cached list and open invites. */
export async function leaveTeamOnThisDevice(): Promise<void> {
  setNoteAuthor(null);
  await clearTeamConfig();
  await forgetCachedMembers();
  await deleteMeta(INVITES_ROW.key);
}

/** Whether this device is in the verified list (false while a join request waits for the lead). */
export async function isAdmitted(config: TeamConfig): Promise<boolean> {
  return Boolean((await cachedMembers())?.members.some((m) => m.id === config.memberId));
}
