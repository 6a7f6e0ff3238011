// Instellingen → Team when the team server refused this device's team account
// (app/data/team/account-refusal.ts): a calm status line saying what happened
// and what to do, and a form to enter the team password again, which checks it
// once and restarts the team loops (account-reentry.ts). Nothing shows while
// the account is accepted; the status line then says when a new password was saved.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { TeamConfig } from '../../data/team/config';
import { reenterTeamPassword } from '../../data/team/account-reentry';
import { useTeamRefusal } from '../../data/team/account-refusal';
import { teamAccount as t } from '../../i18n/nl/team-account';
import { TextField } from '../../ui/field';
import { focusAfterFrame } from '../../ui/focus';
import { LiveText } from '../../ui/live-text';
import { textValue } from '../../ui/use-operation-form';
import { teamErrorText } from './team-common';
import { Button } from '../../ui/button';

export function TeamAccountPanel({ config, onChanged }: { config: TeamConfig; onChanged: (c: TeamConfig) => void }) {
  const refusal = useTeamRefusal();
  const headingId = useId();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (value === '' || busy) return;
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      const updated = await reenterTeamPassword(value);
      // The form goes once the password works: focus goes to the Team heading, not to the page.
      const within = formRef.current;
      setValue('');
      setSaved(t.saved);
      onChanged(updated);
      // The Team section (team-section.tsx, id "team") keeps its heading focusable for this.
      focusAfterFrame(() => document.querySelector<HTMLElement>('#team > h2'), within);
    } catch (caught) {
      // Nothing stored changed; the typed password stays so it can be corrected.
      setError(teamErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {/* One polite line, always in the page: the refusal while it lasts, then the confirmation. */}
      <LiveText role="status" className="settings-status" message={refusal ? t.notice[refusal] : saved} />
      {refusal ? (
        <form
          ref={formRef}
          className="card settings-form"
          aria-labelledby={headingId}
          noValidate
          onSubmit={(e) => void submit(e)}
        >
          <h3 id={headingId}>{t.formTitle}</h3>
          <p>{t.formIntro(config.account)}</p>
          <TextField
            label={t.password}
            type="password"
            autoComplete="current-password"
            {...textValue(value, setValue)}
            disabled={busy}
            error={error}
          />
          <div className="button-row">
            <Button type="submit" className="button button--primary" disabled={busy || value === ''}>
              {t.submit}
            </Button>
          </div>
        </form>
      ) : null}
    </>
  );
}
