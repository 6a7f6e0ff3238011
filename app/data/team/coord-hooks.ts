// Registers coordination in the team life cycle (E's hooks.ts): the lead's
// device makes the coordination and figures keys when the team is created,
// grants them to a member the moment the lead admits them (and runs a round
// at once, so the coordinator's team view names the new member without
// waiting for the next background round), and rotates both when a member is
// removed. Imported for its effect by team.ts.
import { runCoordNow } from './coord-autostart';
import { createCoordinationKey, rotateCoordinationKeys } from './coord-sync';
import { memberAdmittedHooks, memberRemovedHooks, teamCreatedHooks } from './hooks';

teamCreatedHooks.push(createCoordinationKey);
memberAdmittedHooks.push(async (_admitted, list, config) => {
  // ensureTeamKey grants the newest generation to every entitled member of the new list who lacks it.
  await createCoordinationKey(config, list);
  runCoordNow();
});
memberRemovedHooks.push((_removed, list, config) => rotateCoordinationKeys(config, list));
