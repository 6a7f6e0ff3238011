import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useVaultState } from '../../data/vault-hooks';
import { confirmRecoveryCode } from '../../data/vault';
import { nl } from '../../i18n/core';
import { Page } from '../../shell/page';
import { requestPageFocus } from '../../shell/router';
import { SetupScreen, UnlockScreen } from './lock-screen';
import { RecoveryCodeView } from '../../ui/recovery-code-view';

/**
 * Shows its children only while the logbook is unlocked. On lock, the
 * children unmount, so every decrypted value leaves the screen and memory.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const vault = useVaultState();
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  // Unlocked from the lock screen (or set up): the page that replaces the
  // form takes focus on its heading. A layout effect runs before the page's
  // own (passive) focus effect in the same commit.
  const previous = useRef(vault);
  useLayoutEffect(() => {
    if (vault === 'unlocked' && (previous.current === 'locked' || previous.current === 'none')) requestPageFocus();
    previous.current = vault;
  }, [vault]);

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
