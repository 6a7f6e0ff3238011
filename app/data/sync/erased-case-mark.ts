// The write side of the list of erased cases (erased-cases.ts says what it is):
// sealing one row, for the erasure's own transaction. Kept apart and tiny
// because store.ts (on every device, sync or not) imports it.
import { encryptRecord } from '../crypto';
import type { MetaRow } from '../db';

export const ERASED_PREFIX = 'erased:';

export const erasedCaseHeader = (key: string) => ({ kind: 'erased-case', id: key, schemaVersion: 1 });

/** Seals one erased case id into its meta row; put it in the erasure's own transaction. */
export async function sealErasedCase(key: CryptoKey, caseId: string): Promise<MetaRow> {
  const rowKey = `${ERASED_PREFIX}${crypto.randomUUID()}`;
  const { iv, data } = await encryptRecord(key, erasedCaseHeader(rowKey), { caseId });
  return { key: rowKey, value: { iv, data } };
}
