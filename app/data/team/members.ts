// The team's member list (issue 21): signed by the lead, checked on every
// device before anything is wrapped to a key in it. A list is accepted only
// when
// - it is well-formed and names this device's team;
// - its signature verifies against the lead key pinned on this device (at
//   team creation, or from the invite code at join), and the lead it names
//   holds that same key (an unknown signer is refused);
// - its version is not lower than the last verified one here, and a list of
//   the same version is the very same list (a replayed old list or a forked
//   one is refused).
// The last verified list is cached encrypted in `meta` ("teamMembers"), so
// a device offline, or facing a refused list, still knows whom it verified.
import { z } from 'zod';

import {
  leadLinkSchema,
  MAX_LEAD_LINKS,
  memberListDocSchema,
  memberListSchema,
  type LeadLink,
  type MemberList,
  type P256PublicJwk,
  type TeamConfig,
} from '../../../schema/team';
import { couchRequest, SyncError } from '../sync/remote';
import { assertTeamAccountUsable, noteTeamRefusal, TeamAccountRefused } from './account-refusal';
import { loadTeamConfig, saveTeamConfig, teamCreds } from './config';
import { TeamError, type TeamErrorCode } from './errors';
import { TEAM_MEMBERS_KEY } from './has-team';
import type { Identity } from './identity';
import { followLeadChain, leadKeyAfter } from './lead-chain';
import { canonicalJson, signJson, verifyJson } from './seal';
import { deleteMeta, readSealedMeta, writeSealedMeta } from './sealed-meta';

export const MEMBER_LIST_ID = 'member-list';

const cachedSchema = z.object({
  list: memberListSchema,
  sig: z.base64().max(200),
  chain: z.array(leadLinkSchema).max(MAX_LEAD_LINKS).optional(),
});
const CACHE_ROW = { key: TEAM_MEMBERS_KEY, kind: 'team-members', schema: cachedSchema };
// Set when a verified list no longer names this device's member after one that did: the lead removed them.
const REMOVED_ROW = {
  key: 'teamRemoved',
  kind: 'team-removed',
  schema: z.object({ version: z.number().int().min(1), at: z.iso.datetime() }),
};

/**
 * Checks a server document against the pinned lead key (followed along any
 * lead hand-over chain, lead-chain.ts) and the last verified list; resolves
 * with the list, the lead key now trusted and the hand-over chain to keep, or
 * rejects with TeamError ('team.list.invalid', 'team.list.wrongTeam',
 * 'team.list.signature', 'team.list.rollback').
 */
export async function verifyMemberListDoc(
  doc: unknown,
  config: Pick<TeamConfig, 'team' | 'leadEcdsa'>,
  lastVerified?: MemberList,
): Promise<{ list: MemberList; sig: string; leadEcdsa: P256PublicJwk; chain: LeadLink[] }> {
  const parsed = memberListDocSchema.safeParse(doc);
  if (!parsed.success) throw new TeamError('team.list.invalid');
  const { list, sig } = parsed.data;
  if (list.team !== config.team) throw new TeamError('team.list.wrongTeam');
  const chain = parsed.data.chain ?? [];
  // The very list this device verified last (e.g. the hand-over it signed itself): nothing new to trust.
  if (lastVerified && canonicalJson(list) === canonicalJson(lastVerified)) {
    return { list: lastVerified, sig, leadEcdsa: config.leadEcdsa, chain };
  }
  const trusted = await followLeadChain(config.team, config.leadEcdsa, chain, lastVerified?.version ?? 0);
  if (!(await verifyJson(trusted, list, sig))) throw new TeamError('team.list.signature');
  const leadEcdsa = leadKeyAfter(list, trusted);
  if (!leadEcdsa) throw new TeamError('team.list.signature');
  if (lastVerified) {
    if (list.version < lastVerified.version) throw new TeamError('team.list.rollback');
    if (list.version === lastVerified.version && canonicalJson(list) !== canonicalJson(lastVerified)) {
      throw new TeamError('team.list.rollback');
    }
  }
  // This list is itself a hand-over: it joins the chain later lists carry.
  const handedOver = canonicalJson(leadEcdsa) !== canonicalJson(trusted);
  const kept = handedOver ? [...chain, { list, sig }] : chain;
  return { list, sig, leadEcdsa, chain: kept.slice(-MAX_LEAD_LINKS) };
}

export interface MembersCheck {
  /** The verified list: fresh from the server, or the last verified one (offline, or the server's was refused). */
  list?: MemberList;
  /** Why the server's list was not taken (a refused list, or a server error). */
  problem?: TeamErrorCode | SyncError['code'];
  /** True when the server could not be reached: `list` is the cached one. */
  offline?: boolean;
  /** True when a verified list took this device's member off after one that named them (removed by the lead). */
  removed?: boolean;
}

/** The last verified list on this device, without asking the server. */
export async function cachedMembers(): Promise<MemberList | undefined> {
  return (await readSealedMeta(CACHE_ROW))?.list;
}

const names = (list: MemberList | undefined, memberId: string) => Boolean(list?.members.some((m) => m.id === memberId));

async function fetchAndVerify(config: TeamConfig): Promise<MembersCheck> {
  const cached = await cachedMembers();
  const removed = async (list: MemberList | undefined) =>
    !names(list, config.memberId) && (await readSealedMeta(REMOVED_ROW)) !== undefined;
  let doc: unknown;
  try {
    // While the server refuses the account, no request (each would count towards a lockout).
    assertTeamAccountUsable();
    doc = await couchRequest(teamCreds(config, 'members'), 'GET', MEMBER_LIST_ID);
  } catch (error) {
    noteTeamRefusal(error);
    if (error instanceof TeamAccountRefused)
      return { list: cached, removed: await removed(cached), problem: error.code };
    if (!(error instanceof SyncError)) throw error;
    const base = { list: cached, removed: await removed(cached) };
    if (error.code === 'sync.offline' || error.code === 'sync.unreachable') return { ...base, offline: true };
    return { ...base, problem: error.code === 'sync.notFound' ? 'team.list.missing' : error.code };
  }
  try {
    const { list, sig, leadEcdsa, chain } = await verifyMemberListDoc(doc, config, cached);
    if (names(cached, config.memberId) && !names(list, config.memberId)) {
      await writeSealedMeta(REMOVED_ROW, { version: list.version, at: list.issuedAt });
    }
    if (!cached || list.version > cached.version) await writeSealedMeta(CACHE_ROW, { list, sig, chain });
    // A lead hand-over: pin the new lead's key; a list signed by the old lead alone is refused from now on.
    if (canonicalJson(leadEcdsa) !== canonicalJson(config.leadEcdsa)) await saveTeamConfig({ ...config, leadEcdsa });
    return { list, removed: await removed(list) };
  } catch (error) {
    if (error instanceof TeamError) return { list: cached, problem: error.code, removed: await removed(cached) };
    throw error;
  }
}

/** Fetches and verifies the server's list, for screens that say what went wrong. Empty when in no team. */
export async function checkMembers(): Promise<MembersCheck> {
  const config = await loadTeamConfig();
  return config ? fetchAndVerify(config) : {};
}

/**
 * The verified member list for wrapping keys: the server's when it verifies,
 * else the last verified one on this device; undefined when in no team or
 * nothing was ever verified. Wrap keys ONLY to members of this list.
 */
export async function loadVerifiedMembers(): Promise<MemberList | undefined> {
  return (await checkMembers()).list;
}

/**
 * The lead's device: signs and stores a new list on the server (replacing the
 * current revision), then caches it as verified. Rejects with SyncError
 * ('sync.conflict' when another device changed the list meanwhile: re-read
 * and retry).
 */
export async function publishMemberList(config: TeamConfig, identity: Identity, list: MemberList): Promise<void> {
  const valid = memberListSchema.parse(list);
  if (valid.leadId !== identity.memberId) throw new TeamError('team.notLead');
  const sig = await signJson(identity.ecdsaPrivate, valid);
  // The hand-over chain travels with every list, so devices that pinned an earlier lead can follow it.
  const chain = (await readSealedMeta(CACHE_ROW))?.chain ?? [];
  await putMemberListDoc(config, valid, sig, chain);
  await writeSealedMeta(CACHE_ROW, { list: valid, sig, chain });
}

/** Writes the member-list document over the server's current revision (SyncError 'sync.conflict' on a race). */
export async function putMemberListDoc(
  config: TeamConfig,
  list: MemberList,
  sig: string,
  chain: readonly LeadLink[],
): Promise<void> {
  const creds = teamCreds(config, 'members');
  assertTeamAccountUsable();
  let rev: string | undefined;
  try {
    rev = (await couchRequest<{ _rev?: string }>(creds, 'GET', MEMBER_LIST_ID))._rev;
  } catch (error) {
    if (!(error instanceof SyncError && error.code === 'sync.notFound')) throw error;
  }
  await couchRequest(creds, 'PUT', MEMBER_LIST_ID, {
    _id: MEMBER_LIST_ID,
    ...(rev ? { _rev: rev } : {}),
    list,
    sig,
    ...(chain.length > 0 ? { chain } : {}),
  });
}

/** The hand-over chain this device keeps (lead-handover.ts adds to it). */
export async function cachedLeadChain(): Promise<LeadLink[]> {
  return (await readSealedMeta(CACHE_ROW))?.chain ?? [];
}

/** Caches a list this device signed and published itself (a lead hand-over), with its chain. */
export async function cacheOwnList(list: MemberList, sig: string, chain: LeadLink[]): Promise<void> {
  await writeSealedMeta(CACHE_ROW, { list, sig, chain: chain.slice(-MAX_LEAD_LINKS) });
}

/** Forgets the cached list and the removal mark (leaving the team on this device). */
export async function forgetCachedMembers(): Promise<void> {
  await deleteMeta(CACHE_ROW.key);
  await deleteMeta(REMOVED_ROW.key);
}
