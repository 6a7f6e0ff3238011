// React side of sharing a case (the case page's "Toegang" section): who has
// access (from the signed grants on the server, online only), who it can be
// shared with (medewerkers and coördinatoren of the verified list), whether a
// colleague withdrew my own access, and the two actions.
import { useCallback, useEffect, useState } from 'react';

import type { Member } from '../../../schema/team';
import { useVaultQuery } from '../use-vault-query';
import { db } from '../db';
import { loadSharedCases, readAccess, shareCase, withdrawAccess } from './share';
import type { AccessEntry, Withdrawn } from './share';
import { noteTeamRefusal, refusalOf, useTeamRefusal } from './account-refusal';
import type { TeamRefusal } from './account-refusal';
import { isTeamForbidden } from './errors';
import { canReceiveCases } from './share-grants';
import { eraseRoleOfEntry, eraseSharedCase } from './share-erase';
import type { EraseRole } from './share-erase';
import { autostartShareSync, loadShareContext, shareContextState } from './share-runtime';

export type CaseAccess =
  | { status: 'loading' }
  /** No usable team context: no verified member list on this device. */
  | { status: 'unavailable' }
  /** The verified member list does not name me (not admitted yet, or removed). */
  | { status: 'notMember' }
  /** An auditor never receives or shares cases. */
  | { status: 'auditor' }
  /** The server could not be reached or failed. */
  | { status: 'offline' }
  /** The server refused the team's cases database (403): a role setting on the server, not the connection. */
  | { status: 'forbidden' }
  /** The team server refused the account (wrong or changed password, or a lockout): nothing is retried. */
  | { status: 'refused'; refusal: TeamRefusal }
  | { status: 'ready'; me: string; access: AccessEntry[]; candidates: Member[] };

/** How soon "Toegang" reads again after a failure: soon for the connection, rarely for a server setting. */
const RETRY_OFFLINE_MS = 5_000;
const RETRY_FORBIDDEN_MS = 60_000;

/**
 * What "Toegang" shows after a failed read, and when to read again (null: not by itself). A refused
 * password or a lockout is never retried (CouchDB counts every failed login); a 403 on the database is a
 * role the server admin must fix, so it is not hammered either.
 */
export function accessAfterFailure(e: unknown): { access: CaseAccess; retryMs: number | null } {
  const refusal = refusalOf(e);
  if (refusal) return { access: { status: 'refused', refusal }, retryMs: null };
  if (isTeamForbidden(e)) return { access: { status: 'forbidden' }, retryMs: RETRY_FORBIDDEN_MS };
  return { access: { status: 'offline' }, retryMs: RETRY_OFFLINE_MS };
}

export function useCaseAccess(caseId: string): {
  access: CaseAccess;
  withdrawnFromMe: boolean;
  share: (memberId: string) => Promise<void>;
  withdraw: (memberId: string) => Promise<Withdrawn>;
  /** What erasing through "Toegang" does: for everyone (owner) or my copy only (holder); null: not shared. */
  eraseRole: EraseRole | null;
  /** Member id of who shared the case with me (holder only). */
  owner: string | undefined;
  erase: () => Promise<EraseRole>;
} {
  const [access, setAccess] = useState<CaseAccess>({ status: 'loading' });
  const [round, setRound] = useState(0);
  // Noted or cleared (the password entered again under Instellingen → Team): read again.
  const refusal = useTeamRefusal();
  // Re-read when the shared-cases row changes (a pull may have marked my access withdrawn).
  const shared = useVaultQuery(async () => {
    await db.meta.get('teamSharedCases');
    return (await loadSharedCases())[caseId];
  }, [caseId]);

  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      const state = await shareContextState().catch(() => ({ reason: 'unavailable' as const }));
      if (!('ctx' in state)) {
        if (live) setAccess({ status: state.reason });
        return;
      }
      const ctx = state.ctx;
      if (refusal) {
        if (live) setAccess({ status: 'refused', refusal });
        return;
      }
      try {
        const list = await readAccess(ctx, caseId);
        const has = new Set(list.map((a) => a.memberId));
        const candidates = ctx.members.members.filter(
          (m) => m.id !== ctx.identity.memberId && !has.has(m.id) && canReceiveCases(m),
        );
        if (live) setAccess({ status: 'ready', me: ctx.identity.memberId, access: list, candidates });
      } catch (e) {
        if (!live) return;
        noteTeamRefusal(e);
        const { access: failed, retryMs } = accessAfterFailure(e);
        setAccess(failed);
        // Try again while the page stays open: the connection often comes back (school visit, basement room).
        if (retryMs !== null) retry = setTimeout(() => setRound((n) => n + 1), retryMs);
      }
    })();
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [caseId, round, refusal]);

  const run = useCallback(
    async <T>(action: (ctx: NonNullable<Awaited<ReturnType<typeof loadShareContext>>>) => Promise<T>): Promise<T> => {
      const ctx = await loadShareContext();
      if (!ctx) throw new Error('no team');
      const result = await action(ctx);
      setRound((n) => n + 1);
      // Starts the rounds if this device joined the team during this unlock; else runs one now.
      void autostartShareSync();
      return result;
    },
    [],
  );

  return {
    access,
    withdrawnFromMe: shared?.withdrawn === true,
    share: (memberId) => run((ctx) => shareCase(ctx, caseId, memberId)),
    withdraw: (memberId) => run((ctx) => withdrawAccess(ctx, caseId, memberId)),
    eraseRole: eraseRoleOfEntry(shared),
    owner: shared?.owner,
    erase: () => run((ctx) => eraseSharedCase(ctx, caseId)),
  };
}
