import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useVaultSnapshot, useVaultState } from '../../data/vault-hooks';
import { confirmRecoveryCode, getVaultSnapshot, subscribeVault } from '../../data/vault';
import { nl } from '../../i18n/core';
import { Page } from '../../shell/page';
import { useNoticesSettled } from '../../shell/notices-settled';
import { requestPageFocus } from '../../shell/router';
import { SetupScreen, UnlockScreen } from './lock-screen';
import { RecoveryCodeView } from '../../ui/recovery-code-view';

// The recovery code shown once after setup lives outside the gate: every screen has its own gate
// (app.tsx keys the route), so a tap on the main menu while the code was on screen lost it for good (a
// new-user review). Now any locked screen shows it until the worker confirms it. Page memory only, and
// gone as soon as Baken locks.
let pendingCode: string | null = null;
subscribeVault(() => {
  if (getVaultSnapshot().status !== 'unlocked') pendingCode = null;
});

/**
 * Shows its children only while the logbook is unlocked. On lock, the
 * children unmount, so every decrypted value leaves the screen and memory.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const vault = useVaultState();
  const { epoch } = useVaultSnapshot();
  // One copy of the code, `pendingCode`; read only while unlocked (it is cleared at lock, so the next
  // unlock shows the logbook and the reminder in it, never the code again).
  const recoveryCode = vault === 'unlocked' ? pendingCode : null;
  const [, rerender] = useState(0);
  const setRecoveryCode = (code: string | null): void => {
    pendingCode = code;
    rerender((n) => n + 1);
  };
  // Right after an unlock the screen waits (briefly) for the notices above it to decide, so they
  // do not appear after it and move what is about to be tapped (notices-settled.ts).
  const waiting = !useNoticesSettled(epoch, vault === 'unlocked' && !recoveryCode);
  // Unlocked from the lock screen (or set up): the page that replaces the
  // form takes focus on its heading. A layout effect runs before the page's
  // own (passive) focus effect in the same commit. While the screen waits,
  // the form stays (and `previous` keeps naming it).
  const previous = useRef(vault);
  useLayoutEffect(() => {
    if (vault === 'unlocked' && waiting && previous.current !== 'unlocked') return;
    if (vault === 'unlocked' && (previous.current === 'locked' || previous.current === 'none')) requestPageFocus();
    previous.current = vault;
  }, [vault, waiting]);

  if (vault === 'unlocked' && waiting && previous.current !== 'unlocked') {
    // The same element as before the unlock, so nothing remounts or flashes. A gate that already
    // shows the logbook (or mounted unlocked) never hides it again.
    if (previous.current === 'none') return <SetupScreen onCreated={(code) => setRecoveryCode(code ?? null)} />;
    return <UnlockScreen />;
  }
  if (vault === 'loading') {
    // The lock screen index.html shows (prerendered from this very branch), usable at once.
    return <UnlockScreen pending />;
  }
  if (vault === 'none') {
    return <SetupScreen onCreated={(code) => setRecoveryCode(code ?? null)} />;
  }
  if (vault === 'locked') {
    return <UnlockScreen />;
  }
  if (recoveryCode) {
    return (
      <Page title={nl.lock.recoveryTitle}>
        <RecoveryCodeView
          code={recoveryCode}
          level={null}
          onDone={() => {
            // Clears the reminder flag createVault() set; if that fails, the reminder comes back later.
            void confirmRecoveryCode().catch(() => undefined);
            requestPageFocus();
            setRecoveryCode(null);
          }}
        />
      </Page>
    );
  }
  return <>{children}</>;
}
