import { useState, type ReactNode } from 'react';
import { useVaultState } from '../../data/vault-hooks';
import { nl } from '../../i18n/core';
import { Page } from '../../shell/page';
import { SetupScreen, UnlockScreen } from './lock-screen';
import { RecoveryCodeView } from './recovery-code-view';

/**
 * Shows its children only while the logbook is unlocked. On lock, the
 * children unmount, so every decrypted value leaves the screen and memory.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const vault = useVaultState();
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);

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
        <RecoveryCodeView code={recoveryCode} onDone={() => setRecoveryCode(null)} />
      </Page>
    );
  }
  return <>{children}</>;
}
