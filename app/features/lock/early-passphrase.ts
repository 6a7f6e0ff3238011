// First run with index.html's prerendered lock screen (issue 19 item 2): the
// HTML can only hold the unlock form, so someone may type into it before the
// app knows there is no logbook yet. When the unlock form then gives way to
// the setup form, what was typed (and the focus) moves to the setup form's
// "Wachtwoordzin" field in the same commit, instead of being lost mid-word.
// Held in memory only, between one unmount and the next mount.

export interface EarlyPassphrase {
  text: string;
  focused: boolean;
}

let handed: EarlyPassphrase | null = null;

/** The unlock form leaves while the vault's presence was still unknown. */
export function handOverEarlyPassphrase(early: EarlyPassphrase): void {
  handed = early.text === '' && !early.focused ? null : early;
}

/** Once: what the unlock form handed over, if anything. */
export function takeEarlyPassphrase(): EarlyPassphrase | null {
  const early = handed;
  handed = null;
  return early;
}
