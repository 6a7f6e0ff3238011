// The team's signed member list in Instellingen → Team (team-section.tsx):
// version and date, each member's role and key fingerprint, the lead's and
// this device's marks, and the lead's remove and hand-over buttons.
import { useId } from 'react';
import type { Member } from '../../../schema/team';
import type { TeamConfig } from '../../data/team/config';
import type { MembersCheck } from '../../data/team/members';
import { team as t, teamRoleLabels } from '../../i18n/nl/team';
import { teamLead } from '../../i18n/nl/team-lead';
import { Fingerprint, dateTime, teamErrorText } from './team-common';

const refusedAccount = new Set<string>(['sync.unauthorized', 'sync.lockedOut']);

/** The signed member list: names, roles, fingerprints, and for the lead a remove button per colleague. */
export function MembersPanel(props: {
  config: TeamConfig;
  check: MembersCheck | null;
  isLead: boolean;
  onRemove: (member: Member) => void;
  onHandOver: (member: Member) => void;
}) {
  const headingId = useId();
  const { check, config } = props;
  const list = check?.list;
  return (
    <section className="card settings-form" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} data-focus="team-members">
        {t.membersTitle}
      </h3>
      <p>{t.membersIntro}</p>
      {check === null ? <p>{t.membersLoading}</p> : null}
      {/* A refused account is told (with what to do) by team-account-panel.tsx, not twice. */}
      {check?.problem && !refusedAccount.has(check.problem) ? (
        <p role="alert" className="settings-status team-problem">
          {teamErrorText({ code: check.problem })}
        </p>
      ) : null}
      {check?.offline ? <p>{t.membersOffline}</p> : null}
      {list ? (
        <>
          <p>{t.membersVersion(list.version, dateTime.format(new Date(list.issuedAt)))}</p>
          <ul className="team-members" aria-label={t.membersTitle}>
            {list.members.map((member) => (
              <li key={member.id}>
                <strong>{t.memberLine(member.name, teamRoleLabels[member.role], member.account)}</strong>
                {member.id === list.leadId ? ` (${t.leadMark})` : ''}
                {member.id === config.memberId ? ` (${t.youMark})` : ''}
                <br />
                <Fingerprint jwk={member.ecdsa} label={t.fingerprint} />
                {props.isLead && member.id !== config.memberId ? (
                  <div className="button-row">
                    <button type="button" className="button button--small" onClick={() => props.onRemove(member)}>
                      {t.remove(member.name)}
                    </button>
                    {member.role !== 'auditor' ? (
                      <button type="button" className="button button--small" onClick={() => props.onHandOver(member)}>
                        {teamLead.handOver(member.name)}
                      </button>
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
