// The lead hands the lead role to a coördinator or medewerker (issue 21): a
// new list (version + 1) naming them as lead, signed by the current lead's
// key, with the earlier hand-overs as its chain (lead-chain.ts). Every device
// that verifies it pins the new lead's key and then refuses lists signed by
// the old lead alone. The old lead's open invites are withdrawn: only the
// lead's device can admit the people who use them.
import { memberListSchema, type MemberList } from '../../../schema/team';
import { SyncError } from '../sync/remote';
import { loadTeamConfig, saveTeamConfig } from './config';
import { TeamError } from './errors';
import { loadOrCreateIdentity } from './identity';
import { cacheOwnList, cachedLeadChain, checkMembers, putMemberListDoc } from './members';
import { signJson } from './seal';
import { cancelInvite, listOpenInvites } from './team';

/**
 * The lead's device: makes `memberId` the team lead. Rejects with TeamError
 * ('team.none', 'team.notLead', 'team.notMember', 'team.self',
 * 'team.handover.role' for an auditor) or SyncError (offline, or
 * 'sync.conflict' when the list changed meanwhile: check and try again).
 */
export async function handOverLead(memberId: string): Promise<MemberList> {
  const config = await loadTeamConfig();
  if (!config) throw new TeamError('team.none');
  if (memberId === config.memberId) throw new TeamError('team.self');
  const { list, offline, problem } = await checkMembers();
  if (offline) throw new SyncError('sync.offline');
  if (problem?.startsWith('sync.')) throw new SyncError(problem as SyncError['code']);
  if (!list) throw new TeamError('team.list.missing');
  if (list.leadId !== config.memberId) throw new TeamError('team.notLead');
  const next = list.members.find((m) => m.id === memberId);
  if (!next) throw new TeamError('team.notMember');
  if (next.role === 'auditor') throw new TeamError('team.handover.role');

  const identity = await loadOrCreateIdentity();
  const handed = memberListSchema.parse({
    ...list,
    version: list.version + 1,
    leadId: memberId,
    issuedAt: new Date().toISOString(),
  });
  const sig = await signJson(identity.ecdsaPrivate, handed);
  const chain = await cachedLeadChain();
  await putMemberListDoc(config, handed, sig, chain);
  // From here on this device, too, trusts only the new lead's key.
  await cacheOwnList(handed, sig, [...chain, { list: handed, sig }]);
  await saveTeamConfig({ ...config, leadEcdsa: next.ecdsa });
  for (const invite of await listOpenInvites()) await cancelInvite(invite.hex).catch(() => undefined);
  return handed;
}
