// Reads of the logbook: the case list (from the encrypted case index) and
// one case with all its parts (its own records). Dexie reads come first and
// decryption after, so the same code serves liveQuery (decryption wrapped in
// Dexie.waitFor, see live.ts) and plain async callers (tests, exports,
// backup); rows are decrypted in parallel batches.
import { Dexie } from 'dexie';

import { compareAssessmentsNewestFirst } from '../../schema/latest-flag';
import type { CaseListItem } from '../../schema/case-list';
import type { StoredRecord } from '../../schema/records';
import type { FlagAssessment } from '../../schema/records/assessment';
import type { RecordKind } from '../../schema/records/base';
import type { Case } from '../../schema/records/case';
import type { ConsentRecord } from '../../schema/records/consent';
import type { FollowUp } from '../../schema/records/follow-up';
import type { Note } from '../../schema/records/note';
import type { Party } from '../../schema/records/party';
import type { Referral } from '../../schema/records/referral';
import type { StepCheck } from '../../schema/records/step';
import type { Takedown } from '../../schema/records/takedown';
import type { Evidence } from '../../schema/records/evidence';
import type { Police } from '../../schema/records/police';
import type { Informed } from '../../schema/records/informed';
import type { Grooming } from '../../schema/records/grooming';
import type { Conversation } from '../../schema/records/conversation';
import { db } from './db';
import type { RecordRow } from './db';
import { VaultLockedError } from './errors';
import { ensureIndex, readIndexLive } from './index/case-index';
import { caseListOf } from './index/index-reads';
import { openRecordRow } from './records-io';
import type { RecordResult } from './records-io';
import { getDataKey, requireDataKey } from './session';

export type { CaseListItem } from '../../schema/case-list';

export interface CaseDetail {
  case: Case;
  /** In the order they were added. */
  parties: Party[];
  /** In the order they were recorded. */
  consents: ConsentRecord[];
  /** Newest first (by assessment date, then by time recorded). */
  assessments: FlagAssessment[];
  /** Chronological (by `at`, then by time recorded); corrections included, the old notes too. */
  notes: Note[];
  /** By due date. */
  followUps: FollowUp[];
  /** By referral date. */
  referrals: Referral[];
  /** One per (planId, stepId): the latest. */
  steps: StepCheck[];
  /**
   * Older records of a step that carry a note of their own: two devices (or tabs) that each
   * checked the step first made a record each, and replication brought both. The step shows
   * their notes until the worker saves the step's note, which takes them in (setStepCheck).
   */
  stepOthers: StepCheck[];
  /** Steps to take the material offline, oldest first (history included). */
  takedowns: Takedown[];
  /** Whether evidence exists and who holds it, oldest first (history included). */
  evidence: Evidence[];
  /** Police complaint considered, advised or made, oldest first (history included). */
  police: Police[];
  /** Other schools and CLBs informed, by date. */
  informed: Informed[];
  /** Grooming phases observed, oldest first (history included). */
  grooming: Grooming[];
  /** Conversations held, by date. */
  conversations: Conversation[];
  /** Parts of this case that cannot be decrypted or validated. */
  damaged: Array<{ id: string; kind: string }>;
}

const DECRYPT_BATCH = 256;

type Wrap = <T>(work: Promise<T>) => Promise<T>;
const plain: Wrap = (work) => work;
const forLiveQuery: Wrap = (work) => Dexie.waitFor(work);

/** Decrypts rows (WebCrypto only, no Dexie calls), a batch at a time. */
async function openBatched(key: CryptoKey, rows: readonly RecordRow[]): Promise<RecordResult[]> {
  const out: RecordResult[] = [];
  for (let i = 0; i < rows.length; i += DECRYPT_BATCH) {
    out.push(...(await Promise.all(rows.slice(i, i + DECRYPT_BATCH).map((row) => openRecordRow(key, row)))));
  }
  return out;
}

function okOfKind<K extends RecordKind>(
  results: readonly RecordResult[],
  kind: K,
): Array<Extract<StoredRecord, { kind: K }>> {
  const out: Array<Extract<StoredRecord, { kind: K }>> = [];
  for (const r of results) if (r.ok && r.record.kind === kind) out.push(r.record as Extract<StoredRecord, { kind: K }>);
  return out;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** In the order they were added; same millisecond: by pseudonym ("Jongere A" before "Jongere B"). */
function compareParties(a: Party, b: Party): number {
  return byText(a.createdAt, b.createdAt) || a.pseudonym.localeCompare(b.pseudonym, 'nl', { numeric: true });
}

// ---------------------------------------------------------------------------
// Case list: from the encrypted case index (index/), decrypted once per unlock
// ---------------------------------------------------------------------------

/**
 * Every case as a list item (unordered; see schema/case-list.ts to filter and
 * sort). A case that cannot be decrypted is listed as `{ ok: false }`;
 * damaged parts of a case are left out of its item. Rebuilds a stale index
 * first. Offline: works. Fails with VaultLockedError, also when the vault
 * locks while reading.
 */
export async function readCaseList(): Promise<CaseListItem[]> {
  const index = await ensureIndex(requireDataKey());
  if (!index) throw new VaultLockedError();
  return caseListOf(index);
}

/** Querier for liveQuery: the case list; undefined while locked or while the index is rebuilt. */
export async function readCaseListLive(): Promise<CaseListItem[] | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const index = await readIndexLive(key);
  return index && getDataKey() === key ? caseListOf(index) : undefined;
}

// ---------------------------------------------------------------------------
// One case with all its parts
// ---------------------------------------------------------------------------

function buildDetail(caseId: string, results: readonly RecordResult[]): CaseDetail | null {
  const damaged: Array<{ id: string; kind: string }> = [];
  let kase: Case | undefined;
  for (const r of results) {
    if (!r.ok) {
      if (r.id === caseId) return null;
      damaged.push({ id: r.id, kind: r.kind });
    } else if (r.record.kind === 'case' && r.record.id === caseId) kase = r.record;
  }
  if (!kase) return null;
  const stepRecords = okOfKind(results, 'step');
  const latestSteps = new Map<string, StepCheck>();
  for (const s of stepRecords) {
    const k = `${s.planId}|${s.stepId}`;
    const seen = latestSteps.get(k);
    if (!seen || s.updatedAt > seen.updatedAt) latestSteps.set(k, s);
  }
  const stepOthers = stepRecords.filter((s) => {
    const latest = latestSteps.get(`${s.planId}|${s.stepId}`);
    return latest !== s && s.note !== undefined && s.note !== latest?.note;
  });
  return {
    case: kase,
    parties: okOfKind(results, 'party').sort(compareParties),
    consents: okOfKind(results, 'consent').sort((a, b) => byText(a.createdAt, b.createdAt)),
    assessments: okOfKind(results, 'assessment').sort(compareAssessmentsNewestFirst),
    notes: sortNotes(okOfKind(results, 'note')),
    followUps: okOfKind(results, 'followup').sort((a, b) => byText(a.due, b.due) || byText(a.createdAt, b.createdAt)),
    referrals: okOfKind(results, 'referral').sort(
      (a, b) => byText(a.referredOn, b.referredOn) || byText(a.createdAt, b.createdAt),
    ),
    steps: [...latestSteps.values()].sort((a, b) => byText(a.planId, b.planId) || byText(a.stepId, b.stepId)),
    stepOthers: stepOthers.sort((a, b) => byText(a.updatedAt, b.updatedAt)),
    takedowns: okOfKind(results, 'takedown').sort((a, b) => byText(a.on, b.on) || byText(a.createdAt, b.createdAt)),
    evidence: okOfKind(results, 'evidence').sort((a, b) => byText(a.on, b.on) || byText(a.createdAt, b.createdAt)),
    police: okOfKind(results, 'police').sort((a, b) => byText(a.on, b.on) || byText(a.createdAt, b.createdAt)),
    informed: okOfKind(results, 'informed').sort((a, b) => byText(a.on, b.on) || byText(a.createdAt, b.createdAt)),
    conversations: okOfKind(results, 'conversation').sort(
      (a, b) => byText(a.on, b.on) || byText(a.createdAt, b.createdAt),
    ),
    grooming: okOfKind(results, 'grooming').sort(
      (a, b) => byText(a.observedOn, b.observedOn) || byText(a.createdAt, b.createdAt),
    ),
    damaged,
  };
}

/**
 * Chronological by `at`, then by time recorded; a correction keeps the `at`
 * of the note it corrects and always comes right after it in the order.
 */
function sortNotes(notes: Note[]): Note[] {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const depth = (note: Note): number => {
    let d = 0;
    for (let n: Note | undefined = note; n?.supersedes !== undefined && d <= notes.length; d++) {
      n = byId.get(n.supersedes);
    }
    return d;
  };
  const depths = new Map(notes.map((n) => [n.id, depth(n)]));
  return notes.sort(
    (a, b) =>
      byText(a.at, b.at) || (depths.get(a.id) ?? 0) - (depths.get(b.id) ?? 0) || byText(a.createdAt, b.createdAt),
  );
}

async function caseDetail(key: CryptoKey, caseId: string, wrap: Wrap): Promise<CaseDetail | null | undefined> {
  // Drafts belong to the case (erased with it) but are read through useDraft.
  const rows = (await db.records.where('caseId').equals(caseId).toArray()).filter((row) => row.kind !== 'draft');
  if (!rows.some((row) => row.id === caseId && row.kind === 'case')) return getDataKey() === key ? null : undefined;
  const results = await wrap(openBatched(key, rows));
  return getDataKey() === key ? buildDetail(caseId, results) : undefined;
}

/**
 * One case with all its parts, or null when there is no such case or the
 * case record itself cannot be decrypted (the list reports that case as
 * "beschadigd"). Damaged parts are listed in `damaged`, the rest stays
 * usable. Offline: works. Fails with VaultLockedError.
 */
export async function readCaseDetail(caseId: string): Promise<CaseDetail | null> {
  const detail = await caseDetail(requireDataKey(), caseId, plain);
  if (detail === undefined) throw new VaultLockedError();
  return detail;
}

/** Querier for liveQuery: one case; null when absent, undefined while locked. */
export async function readCaseDetailLive(caseId: string): Promise<CaseDetail | null | undefined> {
  const key = getDataKey();
  return key ? caseDetail(key, caseId, forLiveQuery) : undefined;
}

/**
 * Whether a case has sync conflict items waiting for a choice. The conflicts table is counted first,
 * so the sync code loads only on a device that has such items for this case.
 */
export async function caseHasOpenConflicts(caseId: string): Promise<boolean> {
  if ((await db.conflicts.where('caseId').equals(caseId).count()) === 0) return false;
  return (await import('./sync/conflicts')).hasOpenConflicts(caseId);
}
