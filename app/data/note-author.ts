// Who writes notes on this device (issue 21): in a team, the member id and the
// name this member has in the verified member list; null in a personal
// logbook. Held in memory only, for this unlock: the team start-up fills it
// (refreshNoteAuthor in team/join-watch.ts, a lazy team chunk) and it is cleared at lock
// and when the device leaves the team. Tiny on purpose: the note operations
// read it synchronously without loading any team code.
import type { NoteAuthor } from '../../schema/records/note';
import { getDataKey, subscribeVault } from './session';

let current: { owner: CryptoKey; author: NoteAuthor } | null = null;

subscribeVault(() => {
  if (current && current.owner !== getDataKey()) current = null;
});

/** The author to stamp on a note written now, or undefined (locked, or not in a team). */
export function currentNoteAuthor(): NoteAuthor | undefined {
  return current && current.owner === getDataKey() ? current.author : undefined;
}

/** Sets (or clears, with null) the author for this unlock; ignored while locked. */
export function setNoteAuthor(author: NoteAuthor | null): void {
  const owner = getDataKey();
  current = author && owner ? { owner, author: { id: author.id, name: author.name } } : null;
}
