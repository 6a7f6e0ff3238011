// Join requests picked up in the background on the lead's device (issue 21):
// while unlocked and in a team, the coordination loop (coord-autostart.ts)
// asks every half minute, only when the lead has open invites, which join
// requests wait (the same checks as the Team screen: seal, signature, open
// invite). It never admits anyone: the lead admits or refuses each request in
// Instellingen → Team. Which requests wait (invite ids only, no names) is a
// sealed `meta` row ("teamJoinWaiting") so the app can say how many wait.
// On the device of someone who joined, ownAdmission() tells the loop when the
// lead has admitted them, so their first round runs at once.
// refreshNoteAuthor() reads the same list for the note author (issue 21).
import { z } from 'zod';

import { setNoteAuthor } from '../note-author';
import { getDataKey } from '../session';
import { loadTeamConfig } from './config';
import { cachedMembers, checkMembers } from './members';
import { readSealedMeta, writeSealedMeta } from './sealed-meta';
import { isAdmitted, listOpenInvites, pendingJoinRequests } from './team';

const WAITING_ROW = {
  key: 'teamJoinWaiting',
  kind: 'team-join-waiting',
  schema: z.object({ hexes: z.array(z.string().regex(/^[0-9a-f]{32}$/)).max(500) }),
};

async function setWaiting(hexes: string[]): Promise<void> {
  const before = (await readSealedMeta(WAITING_ROW))?.hexes ?? [];
  if (before.length === hexes.length && before.every((h, i) => h === hexes[i])) return;
  await writeSealedMeta(WAITING_ROW, { hexes });
}

/**
 * The lead's device: reads the join requests waiting for the lead and notes
 * how many wait; on any other device it notes none. Nothing is admitted.
 * Offline or refused by the server: rejects with SyncError and keeps the last count.
 */
export async function pickUpJoinRequests(): Promise<number> {
  const config = await loadTeamConfig();
  const list = config ? await cachedMembers() : undefined;
  if (!config || list?.leadId !== config.memberId || (await listOpenInvites()).length === 0) {
    await setWaiting([]);
    return 0;
  }
  const hexes = (await pendingJoinRequests()).map((r) => r.hex).sort();
  await setWaiting(hexes);
  return hexes.length;
}

/** How many join requests wait for the lead: those picked up whose invite is still open (admitted or refused ones drop out at once). */
export async function countWaitingJoinRequests(): Promise<number> {
  const waiting = (await readSealedMeta(WAITING_ROW))?.hexes ?? [];
  if (waiting.length === 0) return 0;
  const open = new Set((await listOpenInvites()).map((i) => i.hex));
  return waiting.filter((h) => open.has(h)).length;
}

/**
 * Whether this device's member is in the verified member list: 'admitted', 'waiting' (a join request
 * waits for the lead) or 'out' (in no team, or taken off the list). While waiting, `askServer` fetches
 * and verifies the server's list (it is cached when it verifies); otherwise only the cached list is read.
 */
export async function ownAdmission(askServer: boolean): Promise<'admitted' | 'waiting' | 'out'> {
  const config = await loadTeamConfig();
  if (!config) return 'out';
  if (await isAdmitted(config)) return 'admitted';
  if (!askServer) return 'waiting';
  const check = await checkMembers();
  if (check.removed) return 'out';
  return check.list?.members.some((m) => m.id === config.memberId) ? 'admitted' : 'waiting';
}

/**
 * Fills the note author (../note-author.ts) from this device's team
 * configuration and its last verified member list: this member's id and the
 * name the list gives them. Not in the list (a join request still waits, or
 * taken off the list) or in no team: no author. Run by the coordination loop
 * (coord-autostart.ts) when it starts and whenever the cached list changes.
 */
export async function refreshNoteAuthor(): Promise<void> {
  const key = getDataKey();
  const config = await loadTeamConfig();
  const me = config && (await cachedMembers())?.members.find((m) => m.id === config.memberId);
  if (key && getDataKey() === key) setNoteAuthor(me ? { id: me.id, name: me.name } : null);
}
