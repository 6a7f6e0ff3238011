// A team refresh ("Teamoverzicht bijwerken", in Opvolging and under
// Teamcijfers): useTeamRefresh runs it, and this says what came of it:
// updated, no key yet, not (or no longer) in the team, or why it failed, with
// the cause where it is known. `hasLast`: an overview from an earlier refresh
// is on the page, so "van de laatste keer" is true.
import { useEffect, useRef, useState } from 'react';
import type { CoordRoundResult } from '../data/team/coord-sync';
import { refreshCoord } from '../data/team/coord-view';
import { refusalOf } from '../data/team/account-refusal';
import { isTeamForbidden } from '../data/team/errors';
import { teamAccount } from '../i18n/nl/team-account';
import { teamCoord } from '../i18n/nl/team-coord';

const t = teamCoord;

const codeOf = (e: unknown): unknown =>
  typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;

function teamRefreshText(result: CoordRoundResult | undefined, time: string): string {
  // No team context: this device's identity is not (or no longer) on the signed member list.
  if (result === undefined) return t.notMember;
  return result.hasKey ? t.updatedAt(time) : t.noKey;
}

function teamRefreshFailure(e: unknown, hasLast: boolean): string {
  const refused = refusalOf(e);
  if (refused) return teamAccount.short[refused];
  // A refusal of a team database (403): the account lacks a role on the server, not a network problem.
  if (isTeamForbidden(e)) return teamAccount.forbidden;
  const code = codeOf(e);
  if (code === 'sync.offline' || navigator.onLine === false) return hasLast ? t.offline : t.offlineFirst;
  if (code === 'sync.unreachable') return hasLast ? t.unreachable : t.unreachableFirst;
  return hasLast ? t.failed : t.failedFirst;
}

/**
 * A team refresh, run once when the panel opens and again by its button: busy
 * while it runs, then what it says. `hasLast` as for teamRefreshFailure.
 */
export function useTeamRefresh(hasLast: boolean): { busy: boolean; message: string; run: () => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  // Read when a refresh fails, so a failure after the first overview says "van de laatste keer".
  const last = useRef(hasLast);
  last.current = hasLast;
  async function run() {
    setBusy(true);
    try {
      const result = await refreshCoord();
      const time = new Date().toLocaleTimeString('nl-BE', { hour: '2-digit', minute: '2-digit' });
      setMessage(teamRefreshText(result, time));
    } catch (e) {
      // A refused team account says so and where to fix it (no request is retried).
      setMessage(teamRefreshFailure(e, last.current));
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    void run();
    // Once per visit; the button refreshes again.
  }, []);
  return { busy, message, run };
}
