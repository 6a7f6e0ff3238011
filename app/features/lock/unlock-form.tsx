import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { getUnlockRetryAt, unlock } from '../../data/vault';
import { nl } from '../../i18n/core';
import { PassphraseField } from '../../ui/passphrase-pair';
import { SubmitRow } from '../../ui/submit-row';
import { errorCode, retryAtOf } from '../../data/errors';
import { throttledText } from '../../ui/vault-errors';
import { handOverEarlyPassphrase, takeEarlyPassphrase } from './early-passphrase';

/**
 * Unlock with the passphrase; a wrong one is throttled with a growing delay.
 * `pending`: it is not yet known whether a vault exists; the form is usable
 * (as index.html's prerendered copy is) and a submit waits for the answer.
 */
export function UnlockForm({
  onForgot,
  pending = false,
  focusOnMount = false,
}: {
  onForgot: () => void;
  pending?: boolean;
  /** Focus the passphrase field on mount (back from the recovery form; never on a first load). */
  focusOnMount?: boolean;
}) {
  const [passphrase, setPassphrase] = useState('');
  const form = useRef<HTMLFormElement>(null);
  // Hydration keeps the field's DOM value: what was typed into index.html's
  // prerendered lock screen before the JS took over becomes the state here.
  // While the vault's presence is unknown, what is typed is also handed to
  // the setup form in case this is a first run (early-passphrase.ts); the
  // setup form takes it as it first renders. Dropped once a vault is known.
  function handOver(input: HTMLInputElement | null | undefined) {
    if (pending && input) handOverEarlyPassphrase({ text: input.value, focused: document.activeElement === input });
  }
  useLayoutEffect(() => {
    const input = form.current?.querySelector('input');
    if (input && input.value !== '') setPassphrase(input.value);
    handOver(input);
    // Mount only: adopt what hydration kept in the field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (!pending) takeEarlyPassphrase();
  }, [pending]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);

  // A wait from earlier wrong attempts still applies after a reload, and is said.
  useEffect(() => {
    let live = true;
    void getUnlockRetryAt().then((at) => {
      if (live && at && at.getTime() > Date.now()) {
        setRetryAt(at.getTime());
        setError(throttledText(at.getTime()));
      }
    });
    return () => {
      live = false;
    };
  }, []);

  // The error is an alert: it says the wait once (no countdown a screen reader would read every
  // second) and, when the wait is over, that the passphrase may be tried again (a review: it said
  // "klopt niet" then, also after a reload where nothing had been submitted).
  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setTimeout(
      () => {
        setRetryAt(null);
        setError((shown) => (shown === null ? null : nl.lock.waitOver));
      },
      Math.max(0, retryAt - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [retryAt]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    if (passphrase === '') {
      setError(nl.lock.passphraseRequired);
      form.current?.querySelector('input')?.focus();
      return;
    }
    // Usable before the device is checked (as index.html shows it): unlock once it is known.
    if (pending) {
      setAutoSubmit(true);
      return;
    }
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
        setError(throttledText(at));
      } else if (code === 'vault.wrongPassphrase') {
        const waits = at !== null && at > Date.now();
        setError(waits ? throttledText(at) : nl.lock.wrongPassphrase);
        if (waits) setRetryAt(at);
      } else {
        setError(nl.lock.genericError);
      }
      setBusy(false);
      // Ready to type the passphrase again (the button kept focus while busy).
      const input = form.current?.querySelector('input');
      input?.focus();
      input?.select();
    }
  }

  // A passphrase submitted while pending is submitted once the vault is known.
  const [autoSubmit, setAutoSubmit] = useState(false);
  const submitRef = useRef(submit);
  submitRef.current = submit;
  useEffect(() => {
    if (!autoSubmit || pending) return;
    setAutoSubmit(false);
    void submitRef.current();
  }, [autoSubmit, pending]);

  // method="dialog": a submit before the JS has taken over goes nowhere (and the CSP has form-action 'none').
  return (
    <form ref={form} method="dialog" onSubmit={submit} noValidate className="card">
      <p>{nl.lock.unlockIntro}</p>
      <PassphraseField
        label={nl.lock.passphrase}
        value={passphrase}
        onChange={(event) => {
          setPassphrase(event.target.value);
          handOver(event.target);
        }}
        onFocus={(event) => handOver(event.target)}
        autoFocus={focusOnMount}
        onBlur={(event) => handOver(event.target)}
        error={error}
      />
      <SubmitRow busy={busy} label={nl.lock.unlock} busyLabel={nl.lock.unlocking} disabled={retryAt !== null}>
        <button type="button" className="link-button" onClick={onForgot}>
          {nl.lock.forgot}
        </button>
      </SubmitRow>
    </form>
  );
}
