// Registers coordination in the team life cycle (E's hooks.ts): the lead's
// device makes the coordination and figures keys when the team is created,
// and rotates both when a member is removed. Imported for its effect by team.ts.
import { createCoordinationKey, rotateCoordinationKeys } from './coord-sync';
import { memberRemovedHooks, teamCreatedHooks } from './hooks';

teamCreatedHooks.push(createCoordinationKey);
memberRemovedHooks.push((_removed, list, config) => rotateCoordinationKeys(config, list));
