// One `meta` row encrypted under the vault data key (AAD: its kind and key),
// validated with zod after every decrypt and before every write: the team
// config, the verified member list and the lead's open invites. Device-local:
// never replicated, never in a backup.
import { Dexie } from 'dexie';
import type { z } from 'zod';

import { decryptRecord, encryptRecord, type Sealed } from '../crypto';
import { db } from '../db';
import { toStorageError } from '../errors';
import { requireDataKey } from '../session';

export interface SealedMetaRow<S extends z.ZodType> {
  key: string;
  kind: string;
  schema: S;
}

export function asSealed(value: unknown): Sealed | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { iv, data } = value as { iv?: unknown; data?: unknown };
  return iv instanceof Uint8Array && data instanceof Uint8Array ? (value as Sealed) : undefined;
}

const header = (row: SealedMetaRow<z.ZodType>) => ({ kind: row.kind, id: row.key, schemaVersion: 1 });

/** The row's value; undefined when absent or when it does not decrypt or validate. Needs the vault unlocked. */
export async function readSealedMeta<S extends z.ZodType>(row: SealedMetaRow<S>): Promise<z.infer<S> | undefined> {
  const key = requireDataKey();
  const sealed = asSealed((await Dexie.ignoreTransaction(() => db.meta.get(row.key)))?.value);
  if (!sealed) return undefined;
  try {
    const parsed = row.schema.safeParse(await decryptRecord(key, header(row), sealed));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Validates, encrypts and stores the row (replacing it). Throws ZodError or a storage error. */
export async function writeSealedMeta<S extends z.ZodType>(row: SealedMetaRow<S>, value: z.infer<S>): Promise<void> {
  const valid = row.schema.parse(value);
  const sealed = await encryptRecord(requireDataKey(), header(row), valid);
  try {
    await db.meta.put({ key: row.key, value: sealed });
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function deleteMeta(key: string): Promise<void> {
  try {
    await db.meta.delete(key);
  } catch (error) {
    throw toStorageError(error);
  }
}
