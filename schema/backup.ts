// The `.baken` backup: envelope and payload schemas, limits, structural checks
// on untrusted JSON, and the pure merge rules. The byte layout and the crypto
// live in app/data/backup.ts; SECURITY.md describes the file format.
//
// Payload (the JSON inside the AES-GCM ciphertext):
//   { type: 'baken-backup-payload', version: 1, createdAt, scope: 'logbook' | 'cases',
//     schemaVersions: { <kind>: <version> }, records: [...], audit: [...],
//     caseReferences?: { <year>: <last number handed out> } }
// `records` holds every record except audit events and drafts; `audit` holds
// the audit log (whole-logbook backups only).
import { z } from 'zod';

import { caseReferenceCounterSchema } from './case-rules';
import { currentSchemaVersion } from './records';
import { kindSchema, recordIdSchema, timestampSchema } from './records/base';
import type { StoredRecord } from './records';
import type { Case, FactsVersion } from './records/case';
import type { RecordKind } from './records/base';

export const BACKUP_TYPE = 'baken-backup';
export const BACKUP_PAYLOAD_TYPE = 'baken-backup-payload';
/** Payload version this Baken writes and reads. Bump with a restore step for older files. */
export const BACKUP_VERSION = 1;
/** Envelope version this Baken writes: 2 = Argon2id + HKDF. Version 1 (PBKDF2) files are still read. */
export const BACKUP_ENVELOPE_VERSION = 2;

/** Size limits for an import; anything above is refused before (or instead of) reading further. */
export const backupLimits = {
  /** The whole file. 1,000 cases with parts make about 5 MB. */
  maxFileBytes: 64 * 1024 * 1024,
  /** The plaintext header (JSON). */
  maxHeaderBytes: 4096,
  /** Records plus audit events in one file. */
  maxRecords: 250_000,
  /** Nesting of the payload JSON; real records need 6. */
  maxDepth: 24,
  /**
   * KDF cost we are willing to run for a file (a tampered header could ask for
   * days or gigabytes). The same ceilings as app/data/crypto.ts kdfLimits,
   * which checks them again before deriving.
   */
  maxIterations: 10_000_000,
  maxArgon2MemoryKiB: 256 * 1024,
  maxArgon2Iterations: 16,
  maxArgon2Parallelism: 4,
} as const;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * What "Back-up maken" hands to exportBackup: the passphrase that protects the
 * file (the current one, or a one-time one for a transfer) and, for some cases
 * only, their ids. The passphrase rules themselves are the form's and the vault's.
 */
export const backupExportForm = z.object({
  protection: z.object({ kind: z.enum(['current', 'transfer']), passphrase: z.string().min(1) }),
  caseIds: z.array(recordIdSchema).min(1).optional(),
});
export type BackupExportInput = z.infer<typeof backupExportForm>;

/** Just enough to tell a Baken backup and its version apart before trusting anything else. */
export const backupProbeSchema = z.object({
  type: z.literal(BACKUP_TYPE),
  version: z.int().min(1),
});

const cipherSchema = z.strictObject({ name: z.literal('AES-GCM'), iv: base64.length(16) });

/** The plaintext header of version 1 (read only): PBKDF2 parameters. */
export const backupHeaderV1Schema = z.strictObject({
  type: z.literal(BACKUP_TYPE),
  version: z.literal(1),
  kdf: z.strictObject({
    name: z.string().max(20),
    hash: z.string().max(20),
    iterations: z.int().min(1).max(backupLimits.maxIterations),
    salt: base64.min(16).max(88),
  }),
  cipher: cipherSchema,
  /** SHA-256 of the second half of the PBKDF2 output: tells a wrong passphrase from a damaged file. */
  check: base64.length(44),
});

/** The plaintext header of version 2: only the envelope and the Argon2id parameters. */
export const backupHeaderV2Schema = z.strictObject({
  type: z.literal(BACKUP_TYPE),
  version: z.literal(2),
  kdf: z.strictObject({
    name: z.literal('Argon2id'),
    memoryKiB: z.int().min(1).max(backupLimits.maxArgon2MemoryKiB),
    iterations: z.int().min(1).max(backupLimits.maxArgon2Iterations),
    parallelism: z.int().min(1).max(backupLimits.maxArgon2Parallelism),
    salt: base64.min(16).max(88),
  }),
  cipher: cipherSchema,
  /** HKDF output from the one Argon2id derivation: tells a wrong passphrase from a damaged file. */
  check: base64.length(44),
});

export const backupHeaderSchema = z.discriminatedUnion('version', [backupHeaderV1Schema, backupHeaderV2Schema]);
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const backupScopeSchema = z.enum(['logbook', 'cases']);
export type BackupScope = z.infer<typeof backupScopeSchema>;

/** The payload envelope; each record is validated on its own afterwards (restoreRecord). */
export const backupPayloadSchema = z.strictObject({
  type: z.literal(BACKUP_PAYLOAD_TYPE),
  version: z.literal(BACKUP_VERSION),
  createdAt: timestampSchema,
  scope: backupScopeSchema,
  schemaVersions: z.record(z.string().regex(/^[a-z]{1,30}$/), z.int().min(1)),
  records: z.array(z.unknown()).max(backupLimits.maxRecords),
  audit: z.array(z.unknown()).max(backupLimits.maxRecords),
  /** Whole logbook only: the last case number handed out per year, so the new device never reuses one. */
  caseReferences: caseReferenceCounterSchema.shape.years.optional(),
});
export type BackupPayload = z.infer<typeof backupPayloadSchema>;

/** Record schema versions this Baken writes; a file naming a kind or version we do not know is from a newer Baken. */
export function isFromNewerBaken(schemaVersions: Record<string, number>): boolean {
  for (const [kind, version] of Object.entries(schemaVersions)) {
    const known = kindSchema.safeParse(kind);
    if (!known.success) return true;
    if (version > currentSchemaVersion[known.data]) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Structural checks on untrusted JSON (before and after JSON.parse)
// ---------------------------------------------------------------------------

/**
 * The deepest nesting of `[`/`{` in JSON text, counted outside strings; stops
 * early once `limit` is passed. Linear, no recursion, so hostile nesting
 * cannot exhaust the stack before JSON.parse or the validators see it.
 */
export function jsonNestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** Keys that mean nothing in Baken data and only ever serve prototype tricks. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key in a parsed JSON value, or null. Iterative. */
export function findForbiddenKey(value: unknown): string | null {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '$' }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || item.v === null || typeof item.v !== 'object') continue;
    if (Array.isArray(item.v)) {
      item.v.forEach((child: unknown, i) => stack.push({ v: child, path: `${item.path}[${i}]` }));
      continue;
    }
    for (const key of Object.keys(item.v)) {
      if (FORBIDDEN_KEYS.has(key)) return `${item.path}.${key}`;
      stack.push({ v: (item.v as Record<string, unknown>)[key], path: `${item.path}.${key}` });
    }
  }
  return null;
}

/** JSON with sorted keys, so two records compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

// ---------------------------------------------------------------------------
// Which records belong to a backup, and their integrity inside one file
// ---------------------------------------------------------------------------

/** Kinds that never go into a backup: drafts are half-filled forms tied to this device. */
export const kindsNotBackedUp: ReadonlySet<RecordKind> = new Set<RecordKind>(['draft']);

/** The case a record belongs to (a case belongs to itself). */
export function caseIdOf(record: StoredRecord): string | undefined {
  if (record.kind === 'case') return record.id;
  return 'caseId' in record ? record.caseId : undefined;
}

export type PayloadProblem =
  { problem: 'duplicateId'; id: string } | { problem: 'orphan'; id: string } | { problem: 'wrongSection'; id: string };

/**
 * Checks validated records of one file hang together: ids unique, audit events
 * only in `audit`, no drafts, and every record's case in the file.
 */
export function checkPayloadIntegrity(
  records: readonly StoredRecord[],
  audit: readonly StoredRecord[],
): PayloadProblem | null {
  const ids = new Set<string>();
  const cases = new Set<string>();
  for (const r of [...records, ...audit]) {
    if (ids.has(r.id)) return { problem: 'duplicateId', id: r.id };
    ids.add(r.id);
  }
  for (const r of records) {
    if (r.kind === 'audit' || kindsNotBackedUp.has(r.kind)) return { problem: 'wrongSection', id: r.id };
    if (r.kind === 'case') cases.add(r.id);
  }
  for (const r of audit) if (r.kind !== 'audit') return { problem: 'wrongSection', id: r.id };
  for (const r of records) {
    const caseId = caseIdOf(r);
    if (caseId === undefined || !cases.has(caseId)) return { problem: 'orphan', id: r.id };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Merge rules
// ---------------------------------------------------------------------------

/** A record already on the device: readable, or damaged (never overwritten). */
export type LocalRecord = { ok: true; record: StoredRecord } | { ok: false; id: string; kind: string };

/** What the merge did to one case that was already on the device. */
export interface CaseMergeChange {
  caseId: string;
  /** Case fields taken from the backup because its version was newer. */
  caseFields: string[];
  added: Partial<Record<RecordKind, number>>;
  updated: Partial<Record<RecordKind, number>>;
  /** Kept the device's version: it was newer, or the backup held another version of an append-only record. */
  kept: Partial<Record<RecordKind, number>>;
}

export interface MergeCounts {
  casesAdded: number;
  casesUpdated: number;
  recordsAdded: number;
  recordsUpdated: number;
  /** Identical on both sides. */
  recordsSkipped: number;
  /** The device's version stayed (newer, or append-only and different). */
  recordsKept: number;
}

export interface MergePlan {
  /** Records to write, in one transaction. */
  write: StoredRecord[];
  counts: MergeCounts;
  /** Existing cases the merge changed; each gets a note saying what changed. */
  changes: CaseMergeChange[];
}

export class MergeConflictError extends Error {
  constructor(readonly id: string) {
    super(`Record id ${id} is used by a record of another kind on this device.`);
  }
}

/** Records that can change after they are written carry updatedAt; the others are append-only. */
function stampOf(record: StoredRecord): string | undefined {
  return 'updatedAt' in record ? record.updatedAt : undefined;
}

/** Step checks are one per (case, plan, step); two devices may have made the same one with different ids. */
function naturalKey(record: StoredRecord): string | undefined {
  return record.kind === 'step' ? `${record.caseId}|${record.planId}|${record.stepId}` : undefined;
}

function bump(counts: Partial<Record<RecordKind, number>>, kind: RecordKind): void {
  counts[kind] = (counts[kind] ?? 0) + 1;
}

/**
 * Plans merging `incoming` (validated records of a backup, no audit events)
 * into `local` (the device's records by id). Rules:
 * - absent on the device → added;
 * - identical, or differing only in updatedAt/createdAt → skipped;
 * - damaged on the device → the device's row stays (never overwritten);
 * - append-only (no updatedAt: notes, assessments, referrals) and different →
 *   the device's version stays; notes are thus a union by id;
 * - otherwise the newer `updatedAt` wins (a tie keeps the device's version);
 * - a step check with the same case, plan and step under another id updates
 *   the device's record (newer wins) instead of adding a duplicate;
 * - an id used by another kind on the device throws MergeConflictError.
 * Every case already on the device that the merge changed is listed in
 * `changes`, so the caller can add a note to it.
 */
/** How far ahead of this device's clock a merged record's time may be (clocks drift; a file from 2099 must not win). */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/**
 * The id of the first incoming record dated more than a day after `now`
 * (its updatedAt, createdAt or at), or null. A merge refuses such a file:
 * "newer updatedAt wins" would otherwise let a far-future date win forever.
 */
export function findFutureDated(records: readonly StoredRecord[], now: Date): string | null {
  const limit = now.getTime() + MAX_FUTURE_MS;
  for (const record of records) {
    for (const key of ['updatedAt', 'createdAt', 'at'] as const) {
      const value = (record as Partial<Record<typeof key, unknown>>)[key];
      if (typeof value === 'string' && Date.parse(value) > limit) return record.id;
    }
  }
  return null;
}

export function planMerge(local: ReadonlyMap<string, LocalRecord>, incoming: readonly StoredRecord[]): MergePlan {
  const write: StoredRecord[] = [];
  const counts: MergeCounts = {
    casesAdded: 0,
    casesUpdated: 0,
    recordsAdded: 0,
    recordsUpdated: 0,
    recordsSkipped: 0,
    recordsKept: 0,
  };
  const changes = new Map<string, CaseMergeChange>();
  const localCaseIds = new Set<string>();
  const byNaturalKey = new Map<string, StoredRecord>();
  for (const entry of local.values()) {
    if (!entry.ok) continue;
    if (entry.record.kind === 'case') localCaseIds.add(entry.record.id);
    const key = naturalKey(entry.record);
    if (key !== undefined) byNaturalKey.set(key, entry.record);
  }
  const changeOf = (record: StoredRecord): CaseMergeChange | undefined => {
    const caseId = caseIdOf(record);
    if (caseId === undefined || !localCaseIds.has(caseId)) return undefined;
    let change = changes.get(caseId);
    if (!change) {
      change = { caseId, caseFields: [], added: {}, updated: {}, kept: {} };
      changes.set(caseId, change);
    }
    return change;
  };

  for (const record of incoming) {
    let existing = local.get(record.id);
    let target = record;
    if (!existing) {
      const key = naturalKey(record);
      const twin = key === undefined ? undefined : byNaturalKey.get(key);
      if (twin) {
        existing = { ok: true, record: twin };
        target = { ...record, id: twin.id } as StoredRecord;
      }
    }
    if (!existing) {
      write.push(record);
      if (record.kind === 'case') counts.casesAdded++;
      else {
        counts.recordsAdded++;
        const change = changeOf(record);
        if (change) bump(change.added, record.kind);
      }
      continue;
    }
    if (!existing.ok) {
      if (existing.kind !== record.kind) throw new MergeConflictError(record.id);
      counts.recordsKept++;
      const change = changeOf(record);
      if (change) bump(change.kept, record.kind);
      continue;
    }
    const mine = existing.record;
    if (mine.kind !== record.kind) throw new MergeConflictError(record.id);
    // A case keeps its number on this device (a merge may have renumbered it here: app/data/backup.ts).
    if (mine.kind === 'case' && target.kind === 'case') target = { ...target, reference: mine.reference };
    // Identical, or differing only in their stamps (e.g. a case touched by a new note): nothing to take over.
    if (canonicalJson(mine) === canonicalJson(target) || changedFields(mine, target).length === 0) {
      counts.recordsSkipped++;
      continue;
    }
    const theirsAt = stampOf(target);
    const mineAt = stampOf(mine);
    if (theirsAt === undefined || mineAt === undefined || theirsAt <= mineAt) {
      // This device's case wins, but the backup's other description of the facts is kept with it.
      const kept = mine.kind === 'case' && target.kind === 'case' ? withFactsOf(mine, target) : mine;
      if (kept !== mine) {
        write.push(kept);
        counts.casesUpdated++;
        const change = changeOf(mine);
        if (change) change.caseFields = changedFields(mine, kept);
        continue;
      }
      counts.recordsKept++;
      const change = changeOf(mine);
      if (change) bump(change.kept, record.kind);
      continue;
    }
    // The backup's case wins; this device's own description of the facts goes to its earlier versions.
    if (mine.kind === 'case' && target.kind === 'case') target = withFactsOf(target, mine);
    write.push(target);
    if (target.kind === 'case') {
      counts.casesUpdated++;
      const change = changeOf(mine);
      if (change) change.caseFields = changedFields(mine, target);
    } else {
      counts.recordsUpdated++;
      const change = changeOf(mine);
      if (change) bump(change.updated, record.kind);
    }
  }
  return { write, counts, changes: [...changes.values()] };
}

/** The reason stored with a description a backup merge replaced (stored data, like the merge note). */
export const MERGE_FACTS_REASON = 'Samengevoegd uit een back-up: de andere versie was nieuwer.';

/**
 * `winner` with every earlier description of both versions, and `loser`'s own description among them
 * when it differs (dated at the winner's change): a merge never loses a description of the facts. The
 * loser's versions are appended after the winner's. The same `winner` object when nothing is added. At
 * most the last 200 versions (the schema's bound).
 */
export function withFactsOf(winner: Case, loser: Case): Case {
  const key = (v: FactsVersion): string => `${v.replacedAt}|${v.text}`;
  const history = [...(winner.factsHistory ?? [])];
  const seen = new Set(history.map(key));
  const add = (v: FactsVersion): void => {
    if (!seen.has(key(v))) {
      seen.add(key(v));
      history.push(v);
    }
  };
  for (const v of loser.factsHistory ?? []) add(v);
  const texts = new Set(history.map((v) => v.text));
  if (loser.description !== winner.description && !texts.has(loser.description))
    add({ text: loser.description, replacedAt: winner.updatedAt, reason: MERGE_FACTS_REASON });
  if (history.length === (winner.factsHistory ?? []).length) return winner;
  // Appended, never re-sorted: sync's merge needs the list it last exchanged to stay the list's start.
  return { ...winner, factsHistory: history.slice(-200) };
}

/** Top-level fields that differ between two versions of a record (stamps left out). */
export function changedFields(before: StoredRecord, after: StoredRecord): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((k) => k !== 'updatedAt' && k !== 'createdAt')
    .filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k]))
    .sort();
}

// The merge note's text lives in its own module (stored Dutch, not interface text).
export { isNoteworthy, mergeNoteText, renumberNoteText } from './backup-merge-note';

// ---------------------------------------------------------------------------
// Reminder
// ---------------------------------------------------------------------------

/**
 * Whole days since the last backup, when a reminder is due; null otherwise.
 * Without any backup yet, a reminder is due as soon as the logbook holds a
 * case (`days` is then null: "nog geen back-up").
 */
export function backupReminder(
  input: { lastBackupAt?: string | undefined; reminderDays: number; hasCases: boolean },
  now: Date,
): { days: number | null } | null {
  if (input.lastBackupAt === undefined) return input.hasCases ? { days: null } : null;
  const last = Date.parse(input.lastBackupAt);
  if (Number.isNaN(last)) return input.hasCases ? { days: null } : null;
  const days = Math.floor((now.getTime() - last) / 86_400_000);
  return days >= input.reminderDays ? { days } : null;
}
