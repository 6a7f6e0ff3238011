import { useState } from 'react';
import { nl } from '../../i18n/core';
import { LinkList } from '../../ui/link-list';
import { Page } from '../../shell/page';
import { RecoverForm } from './recover-form';
import { SetupForm } from './setup-form';
import { UnlockForm } from './unlock-form';

/** Content that needs no unlocking: reachable straight from the lock screen. */
function KnowledgeLinks() {
  return (
    <nav className="card" aria-labelledby="zonder-ontgrendelen">
      <h2 id="zonder-ontgrendelen">{nl.lock.withoutUnlocking}</h2>
      <p className="field__hint">{nl.lock.withoutUnlockingIntro}</p>
      <LinkList
        links={[
          { href: '/stappenplan', label: nl.shell.nav.stappenplan },
          { href: '/verwijzingen', label: nl.shell.nav.verwijzingen },
          { href: '/vlaggensysteem', label: nl.shell.extra.vlaggensysteem },
          { href: '/begrippen', label: nl.shell.extra.begrippen },
        ]}
      />
    </nav>
  );
}

export function SetupScreen({ onCreated }: { onCreated: (recoveryCode: string | undefined) => void }) {
  return (
    <Page title={nl.lock.setupTitle} focusHeading={false}>
      <SetupForm onCreated={onCreated} />
      <KnowledgeLinks />
    </Page>
  );
}

export function UnlockScreen() {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  return (
    <Page title={nl.lock.unlockTitle} focusHeading={false}>
      {mode === 'passphrase' ? (
        <UnlockForm onForgot={() => setMode('recovery')} />
      ) : (
        <RecoverForm onBack={() => setMode('passphrase')} />
      )}
      <KnowledgeLinks />
    </Page>
  );
}
