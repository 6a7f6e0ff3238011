// The optional row-level log for an auditor (DOMAIN.md, "What the auditor may
// see"; issue 15): one row per case that became known in the quarter, with a
// keyed-hash pseudonym under a key that is fresh for every export (so rows of
// two exports cannot be linked), the ISO week instead of a date, and only
// enums and counts: no names, schools, free text or exact dates. It is still
// personal data (pseudonymised, not anonymous) and says so in the file. Pure:
// the keyed hash is injected (HMAC-SHA-256 with WebCrypto in app/data).
import { getISOWeek, getISOWeekYear } from 'date-fns';

import { ageBand, depictedAge, caseShares, periodLabel, periodRange } from './audit-aggregates';
import type { AggregateInput, AgeBand, AuditPeriod } from './audit-aggregates';
import { latestFlag } from './latest-flag';
import type { Flag } from './records/assessment';
import type { CaseType } from './records/case';
import { latestTakedowns, takedownStepSchema } from './records/takedown';
import type { TakedownStep } from './records/takedown';

export const PSEUDONYMISED_LOG_TYPE = 'baken-auditor-pseudonymised-log';
export const PSEUDONYMISED_LOG_VERSION = 1;
export const PSEUDONYMISED_DATA_CLASS = 'gepseudonimiseerde-persoonsgegevens';

/** Keyed hash of a case id, lowercase hex; the key lives only for one export. */
export type KeyedHash = (caseId: string) => Promise<string>;

export interface PseudonymisedRow {
  pseudonym: string;
  /** ISO week the case became known, e.g. `2026-W10`. */
  knownWeek: string;
  type: CaseType;
  ageBand: AgeBand;
  flag: Flag | 'geen';
  followUpsDone: number;
  followUpsOverdue: number;
  sharesWithConsent: number;
  sharesWithoutConsent: number;
  takedownDone: TakedownStep[];
}

export interface PseudonymisedLog {
  type: typeof PSEUDONYMISED_LOG_TYPE;
  version: typeof PSEUDONYMISED_LOG_VERSION;
  dataClass: typeof PSEUDONYMISED_DATA_CLASS;
  generatedOn: string;
  period: string;
  rows: PseudonymisedRow[];
}

/** `YYYY-Www` of a YYYY-MM-DD date (ISO 8601 week). */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}

/**
 * The rows for `period`, sorted by pseudonym (so the order says nothing about
 * when cases were logged). `generatedOn` decides which open follow-ups are overdue.
 */
export async function buildPseudonymisedLog(
  cases: readonly AggregateInput[],
  period: AuditPeriod,
  generatedOn: string,
  hash: KeyedHash,
): Promise<PseudonymisedLog> {
  const { from, until } = periodRange(period);
  const rows: PseudonymisedRow[] = [];
  for (const c of cases) {
    if (c.case.knownOn < from || c.case.knownOn >= until) continue;
    const shares = caseShares(c);
    const latest = latestTakedowns(c.takedowns ?? []);
    rows.push({
      pseudonym: await hash(c.case.id),
      knownWeek: isoWeek(c.case.knownOn),
      type: c.case.types[0] ?? 'anders',
      ageBand: ageBand(depictedAge(c.parties)),
      flag: latestFlag(c.assessments) ?? 'geen',
      followUpsDone: c.followUps.filter((f) => f.doneOn !== undefined).length,
      followUpsOverdue: c.followUps.filter((f) => (f.doneOn === undefined ? f.due < generatedOn : f.doneOn > f.due))
        .length,
      sharesWithConsent: shares.filter((b) => b === 'toestemming').length,
      sharesWithoutConsent: shares.filter((b) => b !== 'toestemming').length,
      takedownDone: takedownStepSchema.options.filter((step) => latest.get(step)?.status === 'gedaan'),
    });
  }
  rows.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
  return {
    type: PSEUDONYMISED_LOG_TYPE,
    version: PSEUDONYMISED_LOG_VERSION,
    dataClass: PSEUDONYMISED_DATA_CLASS,
    generatedOn,
    period: periodLabel(period),
    rows,
  };
}

export function pseudonymisedLogToJson(log: PseudonymisedLog): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}
