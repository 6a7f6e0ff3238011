// Instellingen → Herstelcode: whether this logbook has a recovery code, making
// a new one (the old one stops working) and revoking it, both with the
// current passphrase. A new code is shown once, as at setup; until its storing
// is confirmed the reminder flag stays set (app/data/vault.ts). The code lives
// only in this component's state: never in the URL, title, storage or logs.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { useRecoveryCodeUnconfirmed } from '../../data/settings';
import { confirmRecoveryCode, hasRecoveryCode, replaceRecoveryCode, revokeRecoveryCode } from '../../data/vault';
import { nl } from '../../i18n/catalogue';
import { useSectionFocus } from '../../shell/use-section-focus';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import type { FieldErrors } from '../../ui/form-errors';
import { PassphraseField } from '../../ui/passphrase-pair';
import { RecoveryCodeView } from '../../ui/recovery-code-view';
import { SubmitRow } from '../../ui/submit-row';
import { useOperationForm } from '../../ui/use-operation-form';
import { passphraseFailureText } from './change-passphrase-form';
import { SettingStatus } from './setting-fields';

const t = nl.settings.recovery;
const passphraseForm = z.object({ passphrase: z.string() });
const empty = { passphrase: '' };

/** The link target of the reminder: Instellingen lands here, focus on the heading. */
export const RECOVERY_SECTION_ID = 'herstelcode';

export function RecoveryCodeSection() {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const unconfirmed = useRecoveryCodeUnconfirmed();
  const [exists, setExists] = useState<boolean | null>(null);
  const [code, setCode] = useState<{ value: string; replaced: boolean } | null>(null);
  const [status, setStatus] = useState('');
  const [asking, setAsking] = useState(false);
  const [focusCount, setFocusCount] = useState(0);
  const action = useRef<'make' | 'revoke'>('make');

  useEffect(() => {
    let live = true;
    hasRecoveryCode().then(
      (has) => live && setExists(has),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  // The reminder's link lands here (router.ts requestSectionFocus), as the Team notices land on Team.
  useSectionFocus(RECOVERY_SECTION_ID, heading);
  // After each change, focus goes back to the heading.
  useEffect(() => {
    if (focusCount > 0) heading.current?.focus();
  }, [focusCount]);
  const focusHeading = () => setFocusCount((n) => n + 1);

  const form = useOperationForm({
    initial: empty,
    schema: passphraseForm,
    check: (values): FieldErrors => (values.passphrase === '' ? { passphrase: t.passphraseRequired } : {}),
    run: async ({ passphrase }) => {
      setStatus('');
      if (action.current === 'revoke') {
        await revokeRecoveryCode(passphrase);
        return null;
      }
      return (await replaceRecoveryCode(passphrase)).recoveryCode;
    },
    describe: (caught) => {
      setAsking(false);
      return { fields: { passphrase: passphraseFailureText(caught) }, general: null };
    },
    onDone: (made) => {
      form.reset(empty);
      setAsking(false);
      if (made === null) {
        setExists(false);
        setStatus(`${t.revoked} ${t.revokeBody}`);
        focusHeading();
      } else {
        setCode({ value: made, replaced: exists === true });
        setExists(true);
      }
    },
    fields: ['passphrase'],
  });
  const { busy } = form;

  function make(event: FormEvent) {
    action.current = 'make';
    form.formProps.onSubmit(event);
  }

  function askRevoke() {
    if (busy) return;
    action.current = 'revoke';
    if (form.values.passphrase === '') form.fail({ passphrase: t.passphraseRequired }, null);
    else setAsking(true);
  }

  function confirmStored() {
    void confirmRecoveryCode().catch(() => undefined);
    focusHeading();
  }

  return (
    <section id={RECOVERY_SECTION_ID} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t.title}
      </h2>
      {code ? (
        <RecoveryCodeView
          code={code.value}
          level={3}
          focusOnMount
          doneLabel={t.done}
          onDone={() => {
            confirmStored();
            setCode(null);
            setStatus(code.replaced ? `${t.made} ${t.oldStopped}` : t.made);
          }}
        >
          {code.replaced ? (
            <p>
              <strong>{t.oldStopped}</strong>
            </p>
          ) : null}
        </RecoveryCodeView>
      ) : (
        <form {...form.formProps} onSubmit={make} className="card settings-form">
          {exists === null ? null : <p>{exists ? t.has : `${t.none} ${nl.lock.lossWarning}`}</p>}
          {unconfirmed && exists ? (
            <div className="callout">
              <p>{t.unconfirmed}</p>
              <Button type="button" className="button" onClick={confirmStored}>
                {t.storedAnyway}
              </Button>
            </div>
          ) : null}
          <p>{t.intro}</p>
          <PassphraseField label={t.passphrase} disabled={busy} {...form.text('passphrase')} />
          <SubmitRow busy={busy && !asking} label={t.make} busyLabel={nl.settings.security.busy} disabled={busy}>
            {exists ? (
              <Button type="button" className="button button--danger" disabled={busy} onClick={askRevoke}>
                {t.revoke}
              </Button>
            ) : null}
          </SubmitRow>
        </form>
      )}
      <SettingStatus message={status} />
      <ConfirmDialog
        open={asking}
        title={t.revokeTitle}
        confirmLabel={busy ? nl.settings.security.busy : t.revoke}
        cancelLabel={nl.logbook.cancel}
        danger
        busy={busy}
        onConfirm={() => void form.submit()}
        onCancel={() => {
          if (!busy) setAsking(false);
        }}
      >
        <p>
          {t.revokeBody} {nl.lock.lossWarning}
        </p>
      </ConfirmDialog>
    </section>
  );
}
