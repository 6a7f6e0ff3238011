// Readable case references (`2026-014`). The last number handed out per year
// is kept in the `meta` table under "caseReferences", encrypted with the data
// key (AAD kind "case-reference-counter"), so it reveals nothing on disk.
// Why a counter and not "highest reference in use + 1": a number must never be
// handed out twice, not even after its case was erased. The counter is per
// device and not synced, so a reservation also starts above the highest
// reference of the year among the cases this device holds (the case index),
// cases pulled from the worker's other devices included. Why in `meta` and not
// as a record: reserving a number is a compare-and-swap on one row, which
// needs its own small transaction (WebCrypto cannot run inside one).
import {
  MAX_REFERENCE_SEQUENCE,
  caseReferenceCounterSchema,
  formatCaseReference,
  highestSequences,
} from '../../schema/case-rules';
import type { CaseReferenceCounter } from '../../schema/case-rules';
import { decryptRecord, encryptRecord } from './crypto';
import type { Bytes, Sealed } from './crypto';
import { db } from './db';
import { StorageFailedError, VaultLockedError, toStorageError } from './errors';
import { ensureIndex, entriesOf } from './index/case-index';
import { requireDataKey } from './session';

const COUNTER_KEY = 'caseReferences';
const COUNTER_HEADER = { kind: 'case-reference-counter', id: COUNTER_KEY, schemaVersion: 1 } as const;
const MAX_ATTEMPTS = 20;

function asSealed(value: unknown): Sealed | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { iv, data } = value as { iv?: unknown; data?: unknown };
  return iv instanceof Uint8Array && data instanceof Uint8Array ? { iv: iv as Bytes, data: data as Bytes } : undefined;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Decrypted counter; an unreadable one counts as empty (the scan below then sets the floor). */
async function openCounter(key: CryptoKey, sealed: Sealed | undefined): Promise<CaseReferenceCounter> {
  if (!sealed) return { years: {} };
  try {
    const parsed = caseReferenceCounterSchema.safeParse(await decryptRecord(key, COUNTER_HEADER, sealed));
    return parsed.success ? parsed.data : { years: {} };
  } catch {
    return { years: {} };
  }
}

/**
 * Highest sequence per year among the cases this device holds, from the case
 * index. A case a colleague shared (team) counts too: it carries its owner's
 * number, and a new case here then never takes a number already in this
 * device's case list (the numbers may jump; a gap is harmless, a clash is not).
 */
async function sequencesInUse(key: CryptoKey): Promise<Record<string, number>> {
  const index = await ensureIndex(key);
  if (!index) throw new VaultLockedError();
  const references: string[] = [];
  for (const [, entry] of entriesOf(index)) if (entry.c) references.push(entry.c.reference);
  return highestSequences(references);
}

/**
 * Read-modify-write of the counter as a compare-and-swap on the row's IV (a
 * fresh random IV per write), retried when another call or tab got there
 * first. `change` may be called more than once.
 */
async function updateCounter<T>(
  change: (counter: CaseReferenceCounter, key: CryptoKey) => Promise<{ next: CaseReferenceCounter; result: T }>,
): Promise<T> {
  const key = requireDataKey();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = asSealed((await db.meta.get(COUNTER_KEY))?.value);
    const { next, result } = await change(await openCounter(key, before), key);
    const sealed = await encryptRecord(key, COUNTER_HEADER, next);
    let swapped: boolean;
    try {
      swapped = await db.transaction('rw', db.meta, async () => {
        const current = asSealed((await db.meta.get(COUNTER_KEY))?.value);
        if (!sameBytes(current?.iv, before?.iv)) return false;
        await db.meta.put({ key: COUNTER_KEY, value: sealed });
        return true;
      });
    } catch (e) {
      throw toStorageError(e);
    }
    if (swapped) return result;
  }
  throw new StorageFailedError(new Error('case reference counter stayed busy'));
}

/**
 * Hands out the next reference of `year`, e.g. `2026-015`, and records it as
 * used before the case is written: a failed save leaves a gap, never a
 * duplicate. It is above both the last number this device handed out and the
 * highest reference of that year among the cases stored here (after a restore,
 * or cases synced from the worker's other devices). Two devices that each make
 * a case while offline can still hand out the same number (README, sync).
 * Offline: works. Fails with VaultLockedError, StorageFailedError (also when
 * the year has run out of numbers) or StorageFullError.
 */
export async function reserveCaseReference(year: number): Promise<string> {
  return updateCounter(async (counter, key) => {
    const y = String(year);
    const last = Math.max(counter.years[y] ?? 0, (await sequencesInUse(key))[y] ?? 0);
    const sequence = last + 1;
    if (sequence > MAX_REFERENCE_SEQUENCE) throw new StorageFailedError(new Error(`no references left for ${y}`));
    return { next: { years: { ...counter.years, [y]: sequence } }, result: formatCaseReference(year, sequence) };
  });
}

/** The last number handed out per year, e.g. `{ "2026": 14 }` (for backups). Offline: works. */
export async function readCaseReferenceCounter(): Promise<Record<string, number>> {
  const key = requireDataKey();
  return (await openCounter(key, asSealed((await db.meta.get(COUNTER_KEY))?.value))).years;
}

/**
 * Raises the counter to at least `years` and to the highest reference stored
 * on this device, so no number is handed out twice. Call after importing
 * cases (backup restore). Never lowers it. Offline: works. Fails like
 * reserveCaseReference.
 */
export async function raiseCaseReferenceCounter(years: Readonly<Record<string, number>> = {}): Promise<void> {
  const floor = caseReferenceCounterSchema.parse({ years }).years;
  await updateCounter(async (counter, key) => {
    const merged: Record<string, number> = { ...counter.years };
    for (const source of [floor, await sequencesInUse(key)]) {
      for (const [year, n] of Object.entries(source)) merged[year] = Math.max(merged[year] ?? 0, n);
    }
    return { next: { years: merged }, result: undefined };
  });
}
