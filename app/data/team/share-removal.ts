// Sharing's part of removing a person from the team (E's memberRemovedHooks,
// run on the lead's device after the new list is published): the cases this
// device shared with them are re-keyed at once. Other devices do the same for
// their own shares at their next share round (withdrawDeparted).
import type { MemberRemovedHook } from './hooks';
import { loadIdentity } from './identity';
import { withdrawDeparted } from './share';
import { teamCasesDb } from './share-db';

export const shareOnMemberRemoved: MemberRemovedHook = async (_removed, list, config) => {
  const identity = await loadIdentity();
  if (!identity || config.role === 'auditor') return;
  await withdrawDeparted({
    team: config.team,
    identity,
    members: list,
    server: teamCasesDb(config),
  });
};
