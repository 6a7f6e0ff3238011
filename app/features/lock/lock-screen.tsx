import { lazy, Suspense, useState } from 'react';
import { nl } from '../../i18n/core';
import { Link } from '../../shell/link';
import { Page } from '../../shell/page';
import { pageFocusRequestPending } from '../../shell/router';
import { routes } from '../../shell/routes';
import { RecoverForm } from './recover-form';
import { SetupForm } from './setup-form';
import { UnlockForm } from './unlock-form';

// Every screen that needs no unlocking, in menu order: a worker in a conversation can open the
// conversation guide or the law without unlocking (a review: three of the seven were missing here).
const knowledgeLinks = routes.filter((route) => !route.locked).map((route) => [route.path, route.title] as const);

/** Content that needs no unlocking: reachable straight from the lock screen. */
function KnowledgeLinks() {
  return (
    <nav className="card" aria-labelledby="zonder-ontgrendelen">
      <h2 id="zonder-ontgrendelen">{nl.lock.withoutUnlocking}</h2>
      <p className="field__hint">{nl.lock.withoutUnlockingIntro}</p>
      <ul className="link-list">
        {knowledgeLinks.map(([href, label]) => (
          <li key={href}>
            <Link href={href}>{label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// Joining another device's logbook (issue 20) is its own chunk, off the critical path.
const PairJoinForm = lazy(() => import('./pair-join-form').then((m) => ({ default: m.PairJoinForm })));

export function SetupScreen({ onCreated }: { onCreated: (recoveryCode: string | undefined) => void }) {
  const [pairing, setPairing] = useState(false);
  // Back from pairing: the form that replaced the pressed button takes focus.
  const [returned, setReturned] = useState(false);
  return (
    // Focus stays where it is on a first load (what is typed into index.html's copy is kept);
    // after in-app navigation or locking, the heading takes it.
    <Page title={nl.lock.setupTitle} focusHeading={pageFocusRequestPending()}>
      {pairing ? (
        <Suspense fallback={<p>{nl.lock.loading}</p>}>
          <PairJoinForm
            onBack={() => {
              setPairing(false);
              setReturned(true);
            }}
          />
        </Suspense>
      ) : (
        <>
          <SetupForm onCreated={onCreated} focusOnMount={returned} />
          <div className="card">
            <p>{nl.lock.pairEntryIntro}</p>
            <button type="button" className="button" onClick={() => setPairing(true)}>
              {nl.lock.pairEntry}
            </button>
          </div>
          <p className="card">{nl.lock.restoreHint}</p>
        </>
      )}
      <KnowledgeLinks />
    </Page>
  );
}

/** `pending`: shown while it is not yet known whether a vault exists (a submit waits for it). */
export function UnlockScreen({ pending = false }: { pending?: boolean }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  // Back from the recovery form: the passphrase field takes focus.
  const [returned, setReturned] = useState(false);
  return (
    <Page title={nl.lock.unlockTitle} focusHeading={pageFocusRequestPending()}>
      {mode === 'passphrase' ? (
        <UnlockForm pending={pending} focusOnMount={returned} onForgot={() => setMode('recovery')} />
      ) : (
        <RecoverForm
          onBack={() => {
            setMode('passphrase');
            setReturned(true);
          }}
        />
      )}
      <KnowledgeLinks />
    </Page>
  );
}
