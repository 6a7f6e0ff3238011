// Pairing a second device (Instellingen → Synchronisatie, sync-section.tsx):
// the passphrase, then a one-time code that is withdrawn from the server when
// it expires, is cancelled or the panel closes.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SyncConfig } from '../../data/sync/config';
import { cancelPairing, createPairing, type PairingOffer } from '../../data/sync/pairing';
import { sync as t } from '../../i18n/nl/sync';
import { OneTimeCode } from '../../ui/one-time-code';
import { PassphraseField } from '../../ui/passphrase-pair';
import { textValue } from '../../ui/use-operation-form';
import { syncErrorText } from './sync-errors';
import { Button } from '../../ui/button';
import { firstControl, useFocusAfterSwap } from '../../ui/focus';

const timeOnly = new Intl.DateTimeFormat('nl-BE', { timeStyle: 'short' });

/** Creates the one-time pairing code for another device of the same worker. */
export function SyncPairPanel({ config }: { config: SyncConfig }) {
  const headingId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [offer, setOffer] = useState<PairingOffer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  // A withdrawn or expired code gives the passphrase field back; focus goes there if it was on the code.
  const section = useRef<HTMLElement>(null);
  const focusAfter = useFocusAfterSwap(offer);
  const focusPassphrase = useCallback(
    () =>
      focusAfter(
        () => firstControl(section.current),
        () => section.current,
      ),
    [focusAfter],
  );

  // The offer is withdrawn from the server when it expires or the panel closes.
  useEffect(() => {
    if (!offer) return;
    const wait = Math.max(0, offer.expiresAt.getTime() - Date.now());
    const timer = window.setTimeout(() => {
      void cancelPairing(config, offer.docId);
      focusPassphrase();
      setOffer(null);
      setNotice(t.pairExpired);
    }, wait);
    return () => window.clearTimeout(timer);
  }, [offer, config, focusPassphrase]);
  useEffect(
    () => () => {
      if (offer) void cancelPairing(config, offer.docId);
    },
    [offer, config],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    // An empty passphrase is said at the field (the button is never a silent no-op).
    if (passphrase === '') {
      setError(t.required);
      focusPassphrase();
      return;
    }
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      setOffer(await createPairing(config, passphrase));
      setPassphrase('');
    } catch (caught) {
      setError(syncErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-form" aria-labelledby={headingId} ref={section}>
      <h3 id={headingId}>{t.pairTitle}</h3>
      <p>{t.pairIntro}</p>
      {offer ? (
        <OneTimeCode
          label={t.pairCode}
          code={offer.code}
          expiry={t.pairExpires(timeOnly.format(offer.expiresAt))}
          copyLabel={t.pairCopy}
          onCopied={(copied) => setNotice(copied ? t.pairCopied : '')}
        >
          <Button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              setNotice('');
              void cancelPairing(config, offer.docId).then((gone) => {
                setBusy(false);
                // Not withdrawn: the code stays on screen, with until when it still works.
                if (!gone) return setNotice(t.pairCancelFailed(timeOnly.format(offer.expiresAt)));
                focusPassphrase();
                setOffer(null);
                setNotice(t.pairCancelled);
              });
            }}
          >
            {t.pairCancel}
          </Button>
        </OneTimeCode>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <PassphraseField
            label={t.pairPassphrase}
            {...textValue(passphrase, setPassphrase)}
            disabled={busy}
            error={error}
          />
          <div className="button-row">
            <Button
              type="submit"
              className="button button--primary"
              disabled={busy}
              aria-disabled={busy || passphrase === '' || undefined}
            >
              {busy ? t.pairBusy : t.pairCreate}
            </Button>
          </div>
        </form>
      )}
      <p role="status" className="settings-status">
        {notice}
      </p>
    </section>
  );
}
