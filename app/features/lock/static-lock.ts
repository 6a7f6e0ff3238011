// Take-over of the lock screen that index.html already shows (issue 19 item 2,
// markup from scripts/lock-screen-html.ts). Before React renders into #root,
// this keeps what the person already did there: the passphrase typed so far,
// whether they submitted it, and whether the field had focus. React's first
// render then replaces the static markup in the same frame (flushSync in
// main.tsx), so there is no flash.

interface StaticLockState {
  passphrase: string;
  submitted: boolean;
  focused: boolean;
}

let taken: StaticLockState | null = null;

/** Reads and detaches the static lock screen; call once, before the first render. */
export function captureStaticLock(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('#static-passphrase');
  if (!input) return;
  const form = input.form;
  const state: StaticLockState = {
    passphrase: input.value,
    submitted: false,
    focused: document.activeElement === input,
  };
  // Until the first render commits (synchronously, right after this), a submit still counts.
  form?.addEventListener('submit', () => {
    state.submitted = true;
  });
  taken = state;
}

/** The passphrase typed into the static lock screen (once), and whether it was submitted. */
export function takeStaticPassphrase(): StaticLockState | null {
  const state = taken;
  taken = null;
  return state && state.passphrase !== '' ? state : null;
}
