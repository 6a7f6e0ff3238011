// "Toegang" (issue 21): who in the team can open this case, share it with a
// colleague, withdraw a colleague's access (re-key). A lazy chunk, loaded only
// on a device that belongs to a team. Kept apart from "Toestemming": sharing
// inside the team is not a consent-based share to an outside recipient.
import { useRef, useState } from 'react';

import type { Member } from '../../../schema/team';
import type { CaseDetail } from '../../data/case-hooks';
import { useCaseAccess } from '../../data/team/share-hooks';
import type { AccessEntry } from '../../data/team/share';
import { teamAccount } from '../../i18n/nl/team-account';
import { teamShare as t } from '../../i18n/nl/team-share';
import { Link } from '../../shell/link';
import { navigate } from '../../shell/router';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { SelectField } from '../../ui/select-field';
import { setFlash } from './flash';
import { CaseSection } from './section';
import { Button } from '../../ui/button';
import { focusAfterFrame } from '../../ui/focus';

function label(member: Member): string {
  return t.entry(member.name, t.roles[member.role]);
}

function entryText(entry: AccessEntry): string {
  if (!entry.member) return t.notInList;
  return entry.me ? `${label(entry.member)} — ${t.you}` : label(entry.member);
}

export function TeamAccessSection({ detail }: { detail: CaseDetail }) {
  const caseId = detail.case.id;
  const { access, withdrawnFromMe, share, withdraw, eraseRole, owner, erase } = useCaseAccess(caseId);
  const [erasing, setErasing] = useState(false);
  const [pick, setPick] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<AccessEntry | null>(null);
  // After a share or a withdrawal focus goes to the list it changed (the form or the button may be gone).
  const who = useRef<HTMLHeadingElement>(null);
  // A confirmed withdrawal: the dialog gives focus to "Wie heeft toegang", not to the button that leaves the list.
  const withdrew = useRef(false);

  const nameOf = (entry: AccessEntry | Member | undefined): string =>
    entry && 'name' in entry ? entry.name : (entry?.member?.name ?? t.notInList);

  async function onShare() {
    if (access.status !== 'ready' || pick === '') return;
    const member = access.candidates.find((m) => m.id === pick);
    setBusy(true);
    setError(null);
    try {
      await share(pick);
      setStatus(t.shared(nameOf(member)));
      setPick('');
      focusAfterFrame(() => who.current);
    } catch {
      setError(t.shareFailed);
    } finally {
      setBusy(false);
    }
  }

  async function onWithdraw() {
    const entry = confirming;
    if (!entry) return;
    setBusy(true);
    setError(null);
    try {
      await withdraw(entry.memberId);
      setStatus(t.withdrawn(nameOf(entry)));
      withdrew.current = true;
    } catch {
      setError(t.withdrawFailed);
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  }

  async function onErase() {
    setBusy(true);
    setError(null);
    try {
      const done = await erase();
      setFlash(done === 'owner' ? t.erasedAll : t.erasedMine);
      navigate('/');
    } catch {
      setError(t.eraseFailed);
      setBusy(false);
      setErasing(false);
    }
  }

  const ownerName = access.status === 'ready' ? nameOf(access.access.find((a) => a.memberId === owner)) : t.notInList;

  return (
    <CaseSection id="toegang" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      {access.status === 'ready' && access.access.some((a) => !a.me && a.from !== access.me) ? (
        <p className="field__hint">{t.othersShared}</p>
      ) : null}
      {withdrawnFromMe ? <p className="callout callout--danger">{t.withdrawnFromMe}</p> : null}
      <p role="status" className="saved-status">
        {status}
      </p>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      {access.status === 'loading' ? <p>{t.loading}</p> : null}
      {access.status === 'unavailable' ? <p>{t.unavailable}</p> : null}
      {access.status === 'notMember' ? (
        <p>
          {t.notMember} <Link href="/instellingen#team">{t.toTeamSettings}</Link>
        </p>
      ) : null}
      {access.status === 'auditor' ? <p>{t.auditor}</p> : null}
      {access.status === 'offline' ? <p>{t.offline}</p> : null}
      {access.status === 'forbidden' ? <p>{teamAccount.forbidden}</p> : null}
      {access.status === 'refused' ? (
        <p>
          {teamAccount.short[access.refusal]} <Link href="/instellingen">{teamAccount.caseAction}</Link>
        </p>
      ) : null}
      {access.status === 'ready' ? (
        <>
          <h3 ref={who} tabIndex={-1}>
            {t.whoTitle}
          </h3>
          {access.access.filter((a) => !a.me).length === 0 ? <p>{t.onlyYou}</p> : null}
          <ul className="record-list">
            {access.access.map((entry) => (
              <li key={entry.memberId} className="record-card">
                <p>{entryText(entry)}</p>
                {entry.me || entry.from !== access.me ? null : (
                  <Button
                    type="button"
                    className="button button--danger"
                    disabled={busy}
                    onClick={() => {
                      withdrew.current = false;
                      setConfirming(entry);
                    }}
                  >
                    {t.withdrawButton(nameOf(entry))}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {access.candidates.length === 0 ? (
            <p>{t.shareNone}</p>
          ) : (
            <form
              autoComplete="off"
              onSubmit={(event) => {
                event.preventDefault();
                void onShare();
              }}
            >
              <SelectField
                label={t.shareLabel}
                placeholder={t.sharePick}
                value={pick}
                onChange={(event) => setPick(event.target.value)}
                options={access.candidates.map((m) => ({ value: m.id, label: label(m) }))}
              />
              <Button type="submit" className="button button--primary" disabled={busy || pick === ''}>
                {t.shareButton}
              </Button>
            </form>
          )}
        </>
      ) : null}
      {access.status === 'ready' && eraseRole !== null ? (
        <>
          <h3>{t.eraseTitle}</h3>
          <p className="field__hint">{eraseRole === 'owner' ? t.eraseOwnerIntro : t.eraseHolderIntro(ownerName)}</p>
          <Button type="button" className="button button--danger" disabled={busy} onClick={() => setErasing(true)}>
            {eraseRole === 'owner' ? t.eraseOwnerButton : t.eraseHolderButton}
          </Button>
        </>
      ) : null}
      <ConfirmDialog
        open={erasing}
        title={eraseRole === 'owner' ? t.eraseOwnerConfirmTitle : t.eraseHolderConfirmTitle}
        confirmLabel={t.eraseConfirm}
        cancelLabel={t.cancel}
        danger
        busy={busy}
        onConfirm={() => void onErase()}
        onCancel={() => setErasing(false)}
      >
        <p>{eraseRole === 'owner' ? t.eraseOwnerExplain : t.eraseHolderExplain(ownerName)}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming !== null}
        title={t.withdrawConfirmTitle(nameOf(confirming ?? undefined))}
        confirmLabel={t.withdrawConfirm}
        cancelLabel={t.cancel}
        danger
        busy={busy}
        onConfirm={() => void onWithdraw()}
        onCancel={() => setConfirming(null)}
        returnFocus={() => (withdrew.current ? who.current : null)}
      >
        <p>{t.withdrawExplain(nameOf(confirming ?? undefined))}</p>
      </ConfirmDialog>
    </CaseSection>
  );
}
