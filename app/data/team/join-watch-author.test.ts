// Issue 21 (join-watch.ts, refreshNoteAuthor): the note author comes from this
// device's team configuration and its last verified member list; not in the
// list, or in no team: none. Leaving the team clears it.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { generateDataKey } from '../crypto';
import { currentNoteAuthor, setNoteAuthor } from '../note-author';
import { setDataKey } from '../session';
import { refreshNoteAuthor } from './join-watch';

const ME = 'm-anna-0123456789abcdef';
const team = vi.hoisted(() => ({
  config: undefined as { memberId: string } | undefined,
  members: [] as Array<{ id: string; name: string }>,
}));
vi.mock('./config', () => ({
  loadTeamConfig: async () => team.config,
  clearTeamConfig: async () => {
    team.config = undefined;
  },
}));
vi.mock('./members', () => ({
  cachedMembers: async () => (team.config ? { members: team.members } : undefined),
  forgetCachedMembers: async () => undefined,
}));

afterEach(() => {
  setNoteAuthor(null);
  setDataKey(null);
  team.config = undefined;
  team.members = [];
});

describe('refreshNoteAuthor', () => {
  it("takes this member's id and name from the verified list", async () => {
    setDataKey(await generateDataKey());
    team.config = { memberId: ME };
    team.members = [
      { id: 'm-lead-0123456789abcdef', name: 'Lies' },
      { id: ME, name: 'Anna Peeters' },
    ];
    await refreshNoteAuthor();
    expect(currentNoteAuthor()).toEqual({ id: ME, name: 'Anna Peeters' });
  });

  it('sets none while a join request waits (not in the list), and clears it when taken off the list', async () => {
    setDataKey(await generateDataKey());
    team.config = { memberId: ME };
    team.members = [{ id: 'm-lead-0123456789abcdef', name: 'Lies' }];
    await refreshNoteAuthor();
    expect(currentNoteAuthor()).toBeUndefined();
    setNoteAuthor({ id: ME, name: 'Anna' });
    await refreshNoteAuthor();
    expect(currentNoteAuthor()).toBeUndefined();
  });

  it('sets none outside a team', async () => {
    setDataKey(await generateDataKey());
    setNoteAuthor({ id: ME, name: 'Anna' });
    await refreshNoteAuthor();
    expect(currentNoteAuthor()).toBeUndefined();
  });

  it('is cleared when the device leaves the team', async () => {
    setDataKey(await generateDataKey());
    team.config = { memberId: ME };
    team.members = [{ id: ME, name: 'Anna' }];
    await refreshNoteAuthor();
    expect(currentNoteAuthor()).toEqual({ id: ME, name: 'Anna' });
    const { leaveTeamOnThisDevice } = await import('./team');
    await leaveTeamOnThisDevice();
    expect(currentNoteAuthor()).toBeUndefined();
  });
});
