// Issue 18 item 3: per-case keys (wrapping, storage, use) and crypto-shredding.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { makeCase, makeDraft, makeNote, makeParty } from '../../schema/factories';
import {
  BUNDLE_FROM,
  CaseKeyMissingError,
  caseKeyById,
  getCachedCaseKey,
  readWrappedKey,
  wrappedKeysOf,
} from './case-key-store';
import { holdsCaseKey } from './case-key-lookup';
import { newWrappedCaseKey, unwrapCaseKey, wrapCaseKey } from './case-keys';
import { decryptRecord } from './crypto';
import { db } from './db';
import type { CaseKeyBundleRow, RecordRow } from './db';
import { openRecordRow } from './records-io';
import { setDataKey } from './session';
import { appendAudit, eraseCase, getRecord, listRecords, saveRecords } from './store';
import { resetDatabase } from './test-utils';

/** A random AES-GCM-256 key that can be exported (only so it can be wrapped here). */
function extractableKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]) as Promise<CryptoKey>;
}

async function vaultKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

let key: CryptoKey;
beforeEach(async () => {
  await resetDatabase();
  key = await vaultKey();
  setDataKey(key);
});

describe('wrapping a case key', () => {
  it('unwraps only with the same vault key and key id', async () => {
    const caseKey = await extractableKey();
    const wrapped = await wrapCaseKey(key, caseKey, 'key-a');
    const back = await unwrapCaseKey(key, wrapped, 'key-a', true);
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', back));
    expect(raw).toEqual(new Uint8Array(await crypto.subtle.exportKey('raw', caseKey)));
    await expect(unwrapCaseKey(key, wrapped, 'key-b')).rejects.toThrow();
    await expect(unwrapCaseKey(await vaultKey(), wrapped, 'key-a')).rejects.toThrow();
    // Non-extractable unless asked for.
    expect((await unwrapCaseKey(key, wrapped, 'key-a')).extractable).toBe(false);
  });
});

describe('a new case key', () => {
  it('is sealed like a wrapped generated key: it unwraps to the same key, only with the same vault key and id', async () => {
    const made = await newWrappedCaseKey(key, 'key-a');
    expect(made.key.extractable).toBe(false);
    expect(made.wrapped.iv.byteLength).toBe(12);
    // 32 key bytes + 16 bytes of GCM tag, as wrapCaseKey gives for a generated key.
    const generated = await wrapCaseKey(key, await extractableKey(), 'key-b');
    expect(made.wrapped.wrapped.byteLength).toBe(generated.wrapped.byteLength);
    expect(made.wrapped.wrapped.byteLength).toBe(48);
    const back = await unwrapCaseKey(key, made.wrapped, 'key-a');
    const iv = new Uint8Array(12);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, made.key, new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, back, sealed))).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    await expect(unwrapCaseKey(key, made.wrapped, 'key-b')).rejects.toThrow();
    await expect(unwrapCaseKey(await vaultKey(), made.wrapped, 'key-a')).rejects.toThrow();
    // Two new keys differ.
    const other = await unwrapCaseKey(key, (await newWrappedCaseKey(key, 'key-a')).wrapped, 'key-a', true);
    const raw = new Uint8Array(
      await crypto.subtle.exportKey('raw', await unwrapCaseKey(key, made.wrapped, 'key-a', true)),
    );
    expect(new Uint8Array(await crypto.subtle.exportKey('raw', other))).not.toEqual(raw);
  });
});

describe('records of a case use its own key', () => {
  it('encrypts every record of a case under one key per case; audit events and loose drafts stay under the vault key', async () => {
    const a = makeCase();
    const b = makeCase();
    await saveRecords([a, makeParty({ caseId: a.id }), makeNote({ caseId: a.id }), b, makeNote({ caseId: b.id })]);
    await saveRecords([makeDraft({ id: 'form-1', caseId: a.id }), makeDraft({ id: 'form-2' })]);
    await appendAudit({ action: 'case.created', caseId: a.id });

    const rows = await db.records.toArray();
    const keyOf = (caseId: string) => new Set(rows.filter((r) => r.caseId === caseId).map((r) => r.k));
    expect([...keyOf(a.id)]).toHaveLength(1);
    expect([...keyOf(b.id)]).toHaveLength(1);
    const [ka] = [...keyOf(a.id)];
    const [kb] = [...keyOf(b.id)];
    expect(ka).toBeTypeOf('string');
    expect(ka).not.toBe(kb);
    expect(rows.find((r) => r.id === 'form-2')?.k).toBeUndefined();
    expect((await db.caseKeys.toArray()).map((r) => r.id).sort()).toEqual([ka, kb].sort());
    expect(Object.keys((await db.audit.toArray())[0] ?? {})).not.toContain('k');

    // A case row is not decryptable with the vault key itself.
    const caseRow = rows.find((r) => r.id === a.id) as RecordRow;
    await expect(decryptRecord(key, { kind: 'case', id: a.id, schemaVersion: caseRow.v }, caseRow)).rejects.toThrow();
    // Every row opens knowing only its own columns.
    for (const row of rows) expect((await openRecordRow(key, row)).ok).toBe(true);
    expect((await listRecords({ kind: 'note', caseId: a.id })).every((r) => r.ok)).toBe(true);
  });

  it('forgets unwrapped case keys at lock and reloads them at the next unlock', async () => {
    const a = makeCase();
    await saveRecords([a]);
    const keyId = (await db.records.get(a.id))?.k as string;
    expect(getCachedCaseKey(keyId)).toBeDefined();
    setDataKey(null);
    expect(getCachedCaseKey(keyId)).toBeUndefined();
    setDataKey(key);
    expect(getCachedCaseKey(keyId)).toBeUndefined();
    expect((await getRecord(a.id, 'case'))?.ok).toBe(true);
    expect(getCachedCaseKey(keyId)).toBeDefined();
  });

  it('a bulk write of new cases (issue 19: one read for which cases have rows) keeps the key of a case whose parts came first', async () => {
    const early = makeCase();
    const other = makeCase();
    // Parts before their case row (as a restore may write them): the first gets a new key.
    await saveRecords([makeParty({ caseId: early.id })]);
    await saveRecords([other, makeNote({ caseId: other.id })]);
    const earlyKey = (await db.records.where('caseId').equals(early.id).first())?.k;
    expect(earlyKey).toBeTypeOf('string');
    const cases = [early, ...Array.from({ length: 299 }, () => makeCase())];
    const where = vi.spyOn(db.records, 'where');
    await saveRecords(cases, { newIds: true });
    // Only the case with rows but no case row was asked for its key one by one.
    expect(where.mock.calls.filter(([index]) => typeof index === 'string' && index === 'caseId')).toHaveLength(1);
    where.mockRestore();
    const rows = await db.records.bulkGet(cases.map((c) => c.id));
    expect(rows[0]?.k).toBe(earlyKey);
    const keys = new Set(rows.map((r) => r?.k));
    expect(keys.size).toBe(300);
    expect(keys.has((await db.records.get(other.id))?.k)).toBe(false);
    // 299 new keys in one bundle row (issue 19), besides the two rows of the earlier writes.
    expect(wrappedKeysOf(await db.caseKeys.toArray()).size).toBe(301);
    expect(await db.caseKeys.count()).toBe(3);
    for (const row of rows) expect((await openRecordRow(key, row as RecordRow)).ok).toBe(true);
  });

  it('a row moved to another case key no longer opens', async () => {
    const a = makeCase();
    const b = makeCase();
    await saveRecords([a, b]);
    const rowA = (await db.records.get(a.id)) as RecordRow;
    const rowB = (await db.records.get(b.id)) as RecordRow;
    expect((await openRecordRow(key, { ...rowA, k: rowB.k as string })).ok).toBe(false);
    expect((await openRecordRow(key, { ...rowA, k: undefined as unknown as string })).ok).toBe(false);
  });
});

describe('crypto-shredding', () => {
  it('after erase, the old ciphertext of the case cannot be decrypted, not even with the vault key', async () => {
    const a = makeCase({ description: 'MARKER-SHRED' });
    const other = makeCase();
    await saveRecords([
      a,
      makeParty({ caseId: a.id, realName: 'MARKER-SHRED-naam' }),
      makeNote({ caseId: a.id }),
      other,
    ]);
    const before = await db.records.where('caseId').equals(a.id).toArray();
    const keyId = before[0]?.k as string;
    // Captured before erase: the wrapped key as a copy of the profile would hold it then.
    expect(await db.caseKeys.get(keyId)).toBeDefined();

    expect(await eraseCase(a.id)).toEqual({ erased: before.length });

    expect(await db.caseKeys.get(keyId)).toBeUndefined();
    expect(await db.records.where('caseId').equals(a.id).count()).toBe(0);
    expect(getCachedCaseKey(keyId)).toBeUndefined();
    await expect(caseKeyById(key, keyId)).rejects.toThrow();
    const remaining = await db.caseKeys.toArray();
    for (const row of before) {
      const header = { kind: row.kind, id: row.id, schemaVersion: row.v };
      await expect(decryptRecord(key, header, row)).rejects.toThrow();
      for (const wrapped of remaining) {
        const other = await unwrapCaseKey(key, wrapped, wrapped.id);
        await expect(decryptRecord(other, header, row)).rejects.toThrow();
      }
      expect((await openRecordRow(key, row)).ok).toBe(false);
    }
    // The other case is untouched.
    expect((await getRecord(other.id, 'case'))?.ok).toBe(true);
  });

  it('deletes the wrapped key before the rows, in the same transaction', async () => {
    const a = makeCase();
    await saveRecords([a, makeNote({ caseId: a.id })]);
    const order: string[] = [];
    const onKey = () => void order.push('key');
    const onRow = () => void order.push('row');
    db.caseKeys.hook('deleting', onKey);
    db.records.hook('deleting', onRow);
    try {
      await eraseCase(a.id);
    } finally {
      db.caseKeys.hook('deleting').unsubscribe(onKey);
      db.records.hook('deleting').unsubscribe(onRow);
    }
    expect(order[0]).toBe('key');
    expect(order.filter((o) => o === 'row')).toHaveLength(2);
  });
});

describe('key bundles (issue 19, bulk write)', () => {
  const bundles = async (): Promise<CaseKeyBundleRow[]> =>
    (await db.caseKeys.toArray()).filter((row): row is CaseKeyBundleRow => 'ids' in row);

  it('below BUNDLE_FROM new cases, every key keeps a row of its own', async () => {
    await saveRecords(
      Array.from({ length: BUNDLE_FROM - 1 }, () => makeCase()),
      { newIds: true },
    );
    expect(await db.caseKeys.count()).toBe(BUNDLE_FROM - 1);
    expect(await bundles()).toEqual([]);
  });

  it('a write of many new cases stores their keys 500 to a bundle row; each opens after a new unlock', async () => {
    const cases = Array.from({ length: 1200 }, () => makeCase());
    await saveRecords([...cases, makeNote({ caseId: cases[0]!.id })], { newIds: true });
    const stored = await bundles();
    expect(stored.map((b) => b.ids.length).sort()).toEqual([200, 500, 500]);
    expect(await db.caseKeys.count()).toBe(3);
    // Each key is sealed as in a row of its own: under the vault key, bound to its own id.
    const keyIds = new Set((await db.records.bulkGet(cases.map((c) => c.id))).map((r) => r?.k));
    expect(new Set(wrappedKeysOf(stored).keys())).toEqual(keyIds);
    const [first] = stored;
    const wrapped = wrappedKeysOf([first!]);
    const [id0, id1] = first!.ids;
    await expect(unwrapCaseKey(key, wrapped.get(id0!)!, id0!)).resolves.toBeDefined();
    await expect(unwrapCaseKey(key, wrapped.get(id0!)!, id1!)).rejects.toThrow();
    // A new unlock has no key cached: every case and the note open from the bundles.
    setDataKey(null);
    setDataKey(key);
    const opened = await listRecords({ kind: 'case' });
    expect(opened.filter((r) => r.ok)).toHaveLength(1200);
    expect((await listRecords({ kind: 'note', caseId: cases[0]!.id }))[0]?.ok).toBe(true);
    expect(await holdsCaseKey(id0!)).toBe(true);
    expect(await readWrappedKey(id0!)).toEqual(wrapped.get(id0!));
  });

  it('erasing a case zeroes its slot in the bundle; its old ciphertext no longer opens, the others still do', async () => {
    const cases = Array.from({ length: BUNDLE_FROM }, () => makeCase({ description: 'MARKER-BUNDLE' }));
    await saveRecords(cases, { newIds: true });
    const [gone, kept] = cases;
    const oldRow = (await db.records.get(gone!.id)) as RecordRow;
    const keyId = oldRow.k as string;
    const [before] = await bundles();
    const slot = before!.ids.indexOf(keyId);
    expect(slot).toBeGreaterThanOrEqual(0);

    await eraseCase(gone!.id);

    const [after] = await bundles();
    expect(after!.ids[slot]).toBe('');
    expect(after!.ids.filter((id) => id !== '')).toHaveLength(BUNDLE_FROM - 1);
    expect(after!.iv.subarray(slot * 12, slot * 12 + 12).every((b) => b === 0)).toBe(true);
    expect(after!.wrapped.subarray(slot * 48, slot * 48 + 48).every((b) => b === 0)).toBe(true);
    expect(await holdsCaseKey(keyId)).toBe(false);
    expect(await readWrappedKey(keyId)).toBeUndefined();
    await expect(caseKeyById(key, keyId)).rejects.toBeInstanceOf(CaseKeyMissingError);
    expect((await openRecordRow(key, oldRow)).ok).toBe(false);
    // A new unlock reads the bundle again: the erased key is not in it, the others are.
    setDataKey(null);
    setDataKey(key);
    await expect(caseKeyById(key, keyId)).rejects.toBeInstanceOf(CaseKeyMissingError);
    expect((await getRecord(kept!.id, 'case'))?.ok).toBe(true);
  });

  it('a key another tab erased from a bundle is not found here, although this tab read the bundles before', async () => {
    const cases = Array.from({ length: BUNDLE_FROM }, () => makeCase());
    await saveRecords(cases, { newIds: true });
    setDataKey(null);
    setDataKey(key);
    const [first, second] = cases;
    expect((await getRecord(first!.id, 'case'))?.ok).toBe(true);
    // Another tab's erase: the slot zeroed and the id removed in the stored bundle.
    const keyId = (await db.records.get(second!.id))?.k as string;
    const [bundle] = await bundles();
    const slot = bundle!.ids.indexOf(keyId);
    bundle!.ids[slot] = '';
    bundle!.wrapped.fill(0, slot * 48, slot * 48 + 48);
    await db.caseKeys.put(bundle!);
    await expect(caseKeyById(key, keyId)).rejects.toBeInstanceOf(CaseKeyMissingError);
    expect((await getRecord(cases[2]!.id, 'case'))?.ok).toBe(true);
  });

  it('once the bundles are known, a bundled key is read from its bundle alone (issue 19: one read less)', async () => {
    const cases = Array.from({ length: BUNDLE_FROM }, () => makeCase());
    await saveRecords(cases, { newIds: true });
    setDataKey(null);
    setDataKey(key);
    const [first, second] = cases;
    expect((await getRecord(first!.id, 'case'))?.ok).toBe(true);
    const keyId = (await db.records.get(second!.id))?.k as string;
    const get = vi.spyOn(db.caseKeys, 'get');
    const wrapped = await readWrappedKey(keyId);
    expect(get).toHaveBeenCalledTimes(1);
    expect(wrapped).toEqual(wrappedKeysOf(await bundles()).get(keyId));
    expect((await getRecord(second!.id, 'case'))?.ok).toBe(true);
    get.mockRestore();
  });

  it('erasing the last case of a bundle deletes the bundle row', async () => {
    const cases = Array.from({ length: BUNDLE_FROM }, () => makeCase());
    await saveRecords(cases, { newIds: true });
    for (const c of cases) await eraseCase(c.id);
    expect(await db.caseKeys.count()).toBe(0);
    expect(await db.records.count()).toBe(0);
  });
});
