// The lead's panels in Instellingen → Team (team-section.tsx): invite codes
// (one-time, for a role) and the join requests waiting to be admitted.
import { useEffect, useId, useRef, useState } from 'react';
import { teamRoles, type TeamRole } from '../../../schema/team';
import {
  acceptJoinRequest,
  cancelInvite,
  createInvite,
  declineJoinRequest,
  listOpenInvites,
  type InviteOffer,
  type InviteSummary,
  type JoinRequest,
} from '../../data/team/team';
import { errorCode } from '../../data/errors';
import { team as t, teamRoleLabels } from '../../i18n/nl/team';
import { RadioGroup } from '../../ui/choice-group';
import { OneTimeCode } from '../../ui/one-time-code';
import { StatusLines, dateTime, roleOptions, teamErrorText, useSubmit } from './team-common';
import { Button } from '../../ui/button';
import { firstControl, useFocusAfterSwap } from '../../ui/focus';

/** Why withdrawing or refusing failed: no connection to the team server, or the server's own answer. */
function failureReason(caught: unknown, needsServer: string): string {
  const code = errorCode(caught);
  return code === 'sync.offline' || code === 'sync.unreachable' ? needsServer : teamErrorText(caught);
}

/**
 * The lead creates an invite code for a role, copies or withdraws it; the codes made earlier on this
 * device that are still open are listed by role and expiry (never the code), each to withdraw.
 */
export function InvitePanel({ requests }: { requests: JoinRequest[] | null }) {
  const headingId = useId();
  const openId = useId();
  const [role, setRole] = useState<TeamRole>('medewerker');
  const [offer, setOffer] = useState<InviteOffer | null>(null);
  const [notice, setNotice] = useState('');
  /** The invite being withdrawn (its hex), if any. */
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState<InviteSummary[]>([]);
  const [listRound, setListRound] = useState(0);
  const { busy, error, submit } = useSubmit(async () => {
    setNotice('');
    setFailure(null);
    setOffer(await createInvite(role));
  });
  // Back from the code to the form (another code, withdrawn, used): focus goes to the chosen role.
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const openHeading = useRef<HTMLHeadingElement>(null);
  const focusAfter = useFocusAfterSwap(offer);
  // A listed invite withdrawn: its button left with it, focus goes to the list (or the panel, when empty).
  const focusAfterList = useFocusAfterSwap(open);
  // Read again after a code was made, withdrawn, used or admitted (local only: works offline).
  useEffect(() => {
    let live = true;
    void listOpenInvites().then(
      (invites) => live && setOpen(invites),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [offer, requests, listRound]);
  const closeOffer = (message: string) => {
    focusAfter(
      () => section.current?.querySelector<HTMLElement>('input:checked') ?? firstControl(section.current),
      () => section.current,
    );
    setOffer(null);
    setFailure(null);
    setNotice(message);
  };
  /** Withdraws on the server first (cancelInvite): offline the invite stays (code or line), and still works. */
  async function withdraw(invite: { hex: string; expiresAt: Date }, done: () => void) {
    setWithdrawing(invite.hex);
    setFailure(null);
    setNotice('');
    try {
      await cancelInvite(invite.hex);
      done();
    } catch (caught) {
      setFailure(t.inviteNotCancelled(failureReason(caught, t.cancelNeedsServer), dateTime.format(invite.expiresAt)));
    } finally {
      setWithdrawing(null);
    }
  }
  const withdrawListed = (invite: InviteSummary) =>
    withdraw(invite, () => {
      focusAfterList(
        () => openHeading.current ?? heading.current,
        () => section.current,
      );
      setNotice(t.inviteCancelled);
      setListRound((n) => n + 1);
    });
  // The code on screen has its own button; a used code is under "Aanvragen".
  const listed = open.filter((i) => i.hex !== offer?.hex && !requests?.some((r) => r.hex === i.hex));
  // A code someone joined with is no longer valid: once its request is listed, the code goes.
  const usedBy = offer ? requests?.find((request) => request.hex === offer.hex) : undefined;
  if (usedBy) closeOffer(t.inviteUsed(usedBy.member.name));
  return (
    <section className="card settings-form" aria-labelledby={headingId} ref={section}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t.inviteTitle}
      </h3>
      <p>{t.inviteIntro}</p>
      {offer ? (
        <OneTimeCode
          label={t.inviteCode}
          code={offer.code}
          expiry={t.inviteFor(teamRoleLabels[offer.role], dateTime.format(offer.expiresAt))}
          copyLabel={t.inviteCopy}
          onCopied={(copied) => setNotice(copied ? t.inviteCopied : '')}
        >
          <Button type="button" className="button" disabled={withdrawing !== null} onClick={() => closeOffer('')}>
            {t.inviteAnother}
          </Button>
          <Button
            type="button"
            className="button"
            disabled={withdrawing !== null}
            onClick={() => void withdraw(offer, () => closeOffer(t.inviteCancelled))}
          >
            {withdrawing === offer.hex ? t.inviteCancelBusy : t.inviteCancel}
          </Button>
        </OneTimeCode>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <RadioGroup
            name="team-invite-role"
            legend={t.inviteRole}
            inline
            options={roleOptions(teamRoles)}
            value={role}
            onChange={setRole}
          />
          <div className="button-row">
            <Button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t.inviteBusy : t.inviteCreate}
            </Button>
          </div>
        </form>
      )}
      <StatusLines error={error ?? failure} notice={notice} />
      {listed.length > 0 ? (
        <>
          <h4 id={openId} ref={openHeading} tabIndex={-1}>
            {t.openTitle}
          </h4>
          <p>{t.openIntro}</p>
          <ul className="team-members" aria-labelledby={openId}>
            {listed.map((invite) => {
              const role = teamRoleLabels[invite.role];
              const until = dateTime.format(invite.expiresAt);
              return (
                <li key={invite.hex}>
                  {t.openLine(role, until)}{' '}
                  <Button
                    type="button"
                    className="button button--small"
                    disabled={withdrawing !== null}
                    aria-label={t.openWithdraw(role, until)}
                    onClick={() => void withdrawListed(invite)}
                  >
                    {withdrawing === invite.hex ? t.inviteCancelBusy : t.openWithdrawShort}
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The lead admits or declines the people who joined with a code. */
export function RequestsPanel({
  requests,
  onChanged,
}: {
  requests: JoinRequest[] | null;
  onChanged: (notice: string) => void;
}) {
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The request's buttons leave with it: focus goes to this panel's heading.
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusAfter = useFocusAfterSwap(requests);
  async function act(request: JoinRequest, admit: boolean) {
    setBusy(true);
    setError(null);
    try {
      if (admit) await acceptJoinRequest(request.hex);
      else await declineJoinRequest(request.hex);
      focusAfter(
        () => heading.current,
        () => section.current,
      );
      onChanged(admit ? t.admitted(request.member.name) : t.declined(request.member.name));
    } catch (caught) {
      setError(
        admit ? teamErrorText(caught) : t.notDeclined(request.member.name, failureReason(caught, t.declineNeedsServer)),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card settings-form" aria-labelledby={headingId} ref={section}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t.requestsTitle}
      </h3>
      <p>{t.requestsIntro}</p>
      {requests && requests.length === 0 ? <p>{t.requestsEmpty}</p> : null}
      {requests && requests.length > 0 ? (
        <ul className="team-members" aria-label={t.requestsTitle}>
          {requests.map((request) => (
            <li key={request.hex}>
              <strong>
                {t.requestLine(request.member.name, teamRoleLabels[request.role], request.member.account)}
              </strong>
              <br />
              <span className="team-fingerprint">
                {t.fingerprint}: <code>{request.fingerprint}</code>
              </span>
              <div className="button-row">
                <Button
                  type="button"
                  className="button button--primary button--small"
                  disabled={busy}
                  onClick={() => void act(request, true)}
                >
                  {t.admit(request.member.name)}
                </Button>
                <Button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  onClick={() => void act(request, false)}
                >
                  {t.decline(request.member.name)}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <p role="alert" className="settings-status">
        {error ?? ''}
      </p>
    </section>
  );
}
