import { useEffect, useRef, useState, type FormEvent } from 'react';
import { getUnlockRetryAt, unlock } from '../../data/vault';
import { nl } from '../../i18n/core';
import { PassphraseField } from '../../ui/passphrase-pair';
import { SubmitRow } from '../../ui/submit-row';
import { errorCode, retryAtOf } from '../../data/errors';
import { throttledText } from '../../ui/vault-errors';
import { takeStaticPassphrase } from './static-lock';

/** Unlock with the passphrase; a wrong one is throttled with a growing delay. */
export function UnlockForm({ onForgot, pending = false }: { onForgot: () => void; pending?: boolean }) {
  // What was typed into index.html's lock screen before the JS took over.
  const [carried] = useState(takeStaticPassphrase);
  const [passphrase, setPassphrase] = useState(carried?.passphrase ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  // A wait from earlier wrong attempts still applies after a reload.
  useEffect(() => {
    let live = true;
    void getUnlockRetryAt().then((at) => {
      if (live && at) setRetryAt(at.getTime());
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= retryAt) {
        setRetryAt(null);
        setError(null);
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [retryAt]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy || pending || passphrase === '') return;
    setBusy(true);
    setError(null);
    try {
      await unlock(passphrase);
      setPassphrase('');
    } catch (caught) {
      const code = errorCode(caught);
      const at = retryAtOf(caught);
      if (code === 'vault.throttled' && at !== null) {
        setRetryAt(at);
        setNow(Date.now());
      } else if (code === 'vault.wrongPassphrase') {
        setError(nl.lock.wrongPassphrase);
        if (at !== null && at > Date.now()) setRetryAt(at);
      } else {
        setError(nl.lock.genericError);
      }
      setBusy(false);
    }
  }

  // A passphrase submitted on the static lock screen is submitted once the vault is known.
  const [autoSubmit, setAutoSubmit] = useState(carried?.submitted === true);
  const submitRef = useRef(submit);
  submitRef.current = submit;
  useEffect(() => {
    if (!autoSubmit || pending) return;
    setAutoSubmit(false);
    void submitRef.current();
  }, [autoSubmit, pending]);

  const message = retryAt !== null ? throttledText(retryAt, now) : error;

  return (
    <form onSubmit={submit} noValidate className="card">
      <p>{nl.lock.unlockIntro}</p>
      <PassphraseField
        label={nl.lock.passphrase}
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
        error={message}
        disabled={pending}
        autoFocus={carried?.focused === true}
      />
      <SubmitRow
        busy={busy}
        label={nl.lock.unlock}
        busyLabel={nl.lock.unlocking}
        disabled={pending || retryAt !== null}
      >
        <button type="button" className="link-button" onClick={onForgot}>
          {nl.lock.forgot}
        </button>
      </SubmitRow>
    </form>
  );
}
