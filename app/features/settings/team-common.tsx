// Small pieces shared by the team settings panels (team-section.tsx and the
// team-*.tsx files beside it): the date format, error texts, role options,
// the submit state, the status lines and a key fingerprint.
import { useEffect, useState } from 'react';
import type { TeamRole } from '../../../schema/team';
import { errorCode } from '../../data/errors';
import { keyFingerprint } from '../../data/team/seal';
import { team as t, teamRoleLabels } from '../../i18n/nl/team';
import { LiveText } from '../../ui/live-text';

export const dateTime = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'short' });
export const timeOnly = new Intl.DateTimeFormat('nl-BE', { timeStyle: 'short' });

/** The Dutch text for a team error code (app/data/team/errors.ts), or the generic one. */
export function teamErrorText(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  // The server lacks the account's team role (app/data/team/account-roles.ts): name the role it needs.
  const { role, serverRole } = (error ?? {}) as { role?: unknown; serverRole?: unknown };
  if (
    code === 'team.role.missing' &&
    typeof role === 'string' &&
    role in teamRoleLabels &&
    typeof serverRole === 'string'
  )
    return t.roleMissing(teamRoleLabels[role as TeamRole], serverRole);
  return typeof code === 'string' && code in t.errors ? t.errors[code as keyof typeof t.errors] : t.errors.generic;
}

export const roleOptions = <R extends TeamRole>(roles: readonly R[]) =>
  roles.map((value) => ({ value, label: teamRoleLabels[value] }));

/** Busy and error state around one team action; a failure becomes its Dutch text. */
export function useSubmit(run: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; code: string | null } | null>(null);
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await run();
    } catch (caught) {
      setFailure({ text: teamErrorText(caught), code: errorCode(caught) });
    } finally {
      setBusy(false);
    }
  };
  /** The failure's error code (e.g. 'team.invite.unknown'), so a form can show it on its field. */
  return { busy, error: failure?.text ?? null, errorCode: failure?.code ?? null, submit };
}

/** The announced error (alert) and notice (status) lines under a panel. */
export function StatusLines({ error, notice }: { error: string | null; notice: string }) {
  return (
    <>
      <LiveText role="alert" className="settings-status" message={error} />
      <LiveText role="status" className="settings-status" message={notice} />
    </>
  );
}

/** A member's key fingerprint, computed after render. */
export function Fingerprint({ jwk, label }: { jwk: JsonWebKey; label: string }) {
  const [text, setText] = useState('');
  useEffect(() => {
    let live = true;
    void keyFingerprint(jwk).then((fp) => {
      if (live) setText(fp);
    });
    return () => {
      live = false;
    };
  }, [jwk]);
  return (
    <span className="team-fingerprint">
      {label}: <code>{text}</code>
    </span>
  );
}
