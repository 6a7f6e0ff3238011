// Where sharing (helper F) and coordination (helper G) hook into the team
// life cycle without E's code importing theirs. Each adds one import and one
// push here (or pushes from a module the team code already imports):
// - teamCreatedHooks: run on the lead's device right after the signed member
//   list v1 is published (G: createCoordinationKey()).
// - memberRemovedHooks: run on the lead's device right after a person was
//   taken off the list and the new list (version + 1) was published; each
//   hook re-keys what the removed person held (F: the cases shared with them;
//   G: the coordination and figures keys). A failing hook does not undo the
//   removal; removeMember() reports which hooks failed.
// - memberAdmittedHooks: run on the lead's device right after a join request
//   was admitted and the new list (version + 1) was published (G: grant the
//   coordination and figures keys to the new member and run a round at once,
//   so the coordinator's team view names them right away). A failing hook
//   does not undo the admission; the next round grants what is missing.
import type { Member, MemberList, TeamConfig } from '../../../schema/team';
import { shareOnMemberRemoved } from './share-removal';

export type TeamCreatedHook = (config: TeamConfig, list: MemberList) => Promise<void>;
export type MemberRemovedHook = (removed: Member, list: MemberList, config: TeamConfig) => Promise<void>;
export type MemberAdmittedHook = (admitted: Member, list: MemberList, config: TeamConfig) => Promise<void>;

export const teamCreatedHooks: TeamCreatedHook[] = [];
// F: re-key the cases shared with the removed person.
export const memberRemovedHooks: MemberRemovedHook[] = [shareOnMemberRemoved];
export const memberAdmittedHooks: MemberAdmittedHook[] = [];
