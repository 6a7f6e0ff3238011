import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { textErrors } from '../../schema/errors';
import {
  makeAssessment,
  makeAuditEvent,
  makeCase,
  makeConsent,
  makeFollowUp,
  makeNote,
  makeParty,
  makeShareWithoutConsent,
} from '../../schema/factories';
import type { StoredRecord } from '../../schema/records';
import { BUNDLE_FROM } from './case-key-store';
import { db } from './db';
import { AppendOnlyError, InvalidRecordError, RecordConflictError, StorageFullError, VaultLockedError } from './errors';
import {
  appendAudit,
  deleteDraft,
  eraseCase,
  getDraft,
  getRecord,
  listFollowUpsDue,
  listRecords,
  saveDraft,
  saveRecords,
} from './store';
import { TEST_PASSPHRASE, dumpRawDatabase, rawText, resetDatabase } from './test-utils';
import { createVault, lock } from './vault';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear(); // drop the "vault.created" event so counts start at zero
});

afterEach(() => {
  vi.restoreAllMocks();
});

function caseWithParts() {
  const kase = makeCase();
  const caseId = kase.id;
  const party = makeParty({ caseId });
  return {
    kase,
    party,
    parts: [
      party,
      makeConsent({ caseId, partyId: party.id }),
      makeShareWithoutConsent({ caseId, partyId: party.id }),
      makeAssessment({ caseId }),
      makeNote({ caseId }),
      makeFollowUp({ caseId }),
    ] satisfies StoredRecord[],
  };
}

describe('saving and reading records', () => {
  it('reads back every kind of record exactly as saved', async () => {
    const { kase, parts } = caseWithParts();
    await saveRecords([kase, ...parts]);
    for (const record of [kase, ...parts]) {
      expect(await getRecord(record.id)).toEqual({ ok: true, record });
    }
    expect(await listRecords({ kind: 'consent', caseId: kase.id })).toHaveLength(2);
    expect(await getRecord(kase.id, 'note')).toBeUndefined();
    expect(await getRecord(crypto.randomUUID())).toBeUndefined();
  });

  it('lists only the records of the asked case', async () => {
    const a = caseWithParts();
    const b = caseWithParts();
    await saveRecords([a.kase, ...a.parts, b.kase, ...b.parts]);
    const notes = await listRecords({ kind: 'note', caseId: a.kase.id });
    expect(notes).toEqual([{ ok: true, record: a.parts[4] }]);
    expect(await listRecords({ kind: 'case' })).toHaveLength(2);
  });

  it('refuses to read or write while locked', async () => {
    lock();
    await expect(saveRecords([makeCase()])).rejects.toThrow(VaultLockedError);
    await expect(listRecords({ kind: 'case' })).rejects.toThrow(VaultLockedError);
  });

  it('refuses an invalid record with its schema codes and writes nothing of the batch', async () => {
    const good = makeCase();
    const bad = makeCase({ description: 'kijk: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' });
    const error: unknown = await saveRecords([good, bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).issues).toEqual([{ path: ['description'], message: textErrors.imageData }]);
    expect(await db.records.count()).toBe(0);
  });

  it('lists open follow-ups due by a date through the encrypted case index (no plaintext due column)', async () => {
    const caseId = crypto.randomUUID();
    const early = makeFollowUp({ caseId, due: '2026-03-20' });
    const late = makeFollowUp({ caseId, due: '2026-04-20' });
    const done = makeFollowUp({ caseId, due: '2026-03-19', doneOn: '2026-03-19' });
    await saveRecords([early, late, done]);
    expect(await listFollowUpsDue('2026-03-31')).toEqual([{ ok: true, record: early }]);
    for (const id of [early.id, done.id]) expect(Object.keys((await db.records.get(id)) ?? {})).not.toContain('due');
  });
});

describe('writes of new ids (restore, bench)', () => {
  it('stores records without existence reads, and refuses an id that exists after all, writing nothing', async () => {
    const { kase, parts } = caseWithParts();
    await saveRecords([kase, ...parts], { newIds: true });
    expect((await getRecord(kase.id))?.ok).toBe(true);
    const fresh = makeCase();
    const error: unknown = await saveRecords([fresh, { ...kase }], { newIds: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordConflictError);
    expect((error as RecordConflictError).id).toBe(kase.id);
    expect(await getRecord(fresh.id)).toBeUndefined();
    expect(await listFollowUpsDue('9999-12-31')).toHaveLength(1);
  });
});

describe('case rows the caller read (issue 19: caseRows)', () => {
  it('seals with the key the stored case row names when the given row is stale (re-keyed meanwhile)', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    const stored = await db.records.get(kase.id);
    expect(stored?.k).toBeDefined();
    // As if read before another tab's case-key migration: the same case under the vault key.
    const stale = { ...stored!, k: undefined };
    const note = makeNote({ caseId: kase.id });
    await saveRecords([note, { ...kase, description: 'anders' }], { caseRows: new Map([[kase.id, stale]]) });
    expect((await db.records.get(kase.id))?.k).toBe(stored?.k);
    expect((await db.records.get(note.id))?.k).toBe(stored?.k);
    const read = await getRecord(kase.id, 'case');
    expect(read?.ok && read.record.description).toBe('anders');
    expect((await getRecord(note.id, 'note'))?.ok).toBe(true);
  });

  it('uses the given row instead of reading it again', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    const row = await db.records.get(kase.id);
    const bulkGet = vi.spyOn(db.records, 'bulkGet');
    await saveRecords([makeNote({ caseId: kase.id }), kase], { caseRows: new Map([[kase.id, row!]]) });
    // Only the existence read inside the transaction (the note, the case and the audit ids), no sealing read.
    expect(bulkGet).toHaveBeenCalledTimes(1);
  });
});

describe('ids made for this write (issue 19: freshIds)', () => {
  it('still refuses a fresh id that its own table holds, and writes nothing of that batch', async () => {
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    const followUp = makeFollowUp({ caseId: kase.id });
    await saveRecords([kase, note, followUp]);
    const other = makeCase();
    const again = { ...note, text: 'Herschreven' };
    await expect(saveRecords([other, again], { freshIds: new Set([again.id]) })).rejects.toThrow(AppendOnlyError);
    // A kind that is put, not added, is still read first: an id of another kind is refused.
    const error: unknown = await saveRecords([other, makeCase({ id: followUp.id })], {
      freshIds: new Set([followUp.id]),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordConflictError);
    const event = makeAuditEvent();
    await saveRecords([event]);
    await expect(saveRecords([other, { ...event }], { freshIds: new Set([event.id]) })).rejects.toThrow(
      AppendOnlyError,
    );
    expect(await getRecord(other.id)).toBeUndefined();
    expect(await getRecord(note.id)).toEqual({ ok: true, record: note });
  });

  it('reads the other table only for ids that are neither fresh nor a case row just read, and marks each row once', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    const row = await db.records.get(kase.id);
    const genBefore = (await db.sync.get(kase.id))?.gen ?? 0;
    const syncGetOriginal = db.sync.bulkGet.bind(db.sync);
    const recordsPutOriginal = db.records.bulkPut.bind(db.records);
    const note = makeNote({ caseId: kase.id });
    const event = makeAuditEvent({ caseId: kase.id });
    const auditGet = vi.spyOn(db.audit, 'bulkGet');
    const order: string[] = [];
    const syncGet = vi.spyOn(db.sync, 'bulkGet').mockImplementation(function (this: unknown, ...args) {
      order.push('sync.bulkGet');
      return syncGetOriginal.apply(db.sync, args);
    });
    const recordsPut = vi.spyOn(db.records, 'bulkPut');
    recordsPut.mockImplementation((...args) => {
      order.push('records.bulkPut');
      return recordsPutOriginal.apply(db.records, args);
    });
    await saveRecords([note, kase, event], {
      freshIds: new Set([note.id, event.id]),
      caseRows: new Map([[kase.id, row!]]),
    });
    expect(auditGet).not.toHaveBeenCalled();
    // The case row's sync row is read once, with the write's other reads (before any write).
    expect(syncGet).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['sync.bulkGet', 'records.bulkPut']);
    expect((await db.sync.get(kase.id))?.gen).toBe(genBefore + 1);
    expect((await db.sync.get(note.id))?.pending).toBe(1);
    expect((await db.sync.get(event.id))?.pending).toBe(1);
    expect(await getRecord(note.id)).toEqual({ ok: true, record: note });
  });
});

describe('append-only records', () => {
  it('refuses to overwrite a note and writes nothing of that batch', async () => {
    const note = makeNote();
    await saveRecords([note]);
    const other = makeCase();
    await expect(saveRecords([other, { ...note, text: 'Herschreven' }])).rejects.toThrow(AppendOnlyError);
    expect(await getRecord(note.id)).toEqual({ ok: true, record: note });
    expect(await getRecord(other.id)).toBeUndefined();
  });

  it('adds a correcting note that supersedes the old one', async () => {
    const note = makeNote();
    const correction = makeNote({ caseId: note.caseId, supersedes: note.id, reason: 'Datum verbeterd' });
    await saveRecords([note]);
    await saveRecords([correction]);
    expect(await listRecords({ kind: 'note', caseId: note.caseId })).toHaveLength(2);
  });

  it('refuses to overwrite an audit event, or reuse an id for another kind', async () => {
    const event = makeAuditEvent();
    await saveRecords([event]);
    await expect(saveRecords([event])).rejects.toThrow(AppendOnlyError);
    const kase = makeCase();
    await saveRecords([kase]);
    await expect(saveRecords([makeParty({ id: kase.id })])).rejects.toThrow(RecordConflictError);
    await expect(saveRecords([makeAuditEvent({ id: kase.id })])).rejects.toThrow(RecordConflictError);
    const twice = makeCase();
    await expect(saveRecords([twice, twice])).rejects.toThrow(RecordConflictError);
  });

  it('refuses a note whose id another kind or an audit event holds, and a party over a note (issue 19: notes are added)', async () => {
    const kase = makeCase();
    const event = makeAuditEvent();
    const note = makeNote({ caseId: kase.id });
    await saveRecords([kase, event, note]);
    const after = makeAuditEvent();
    const first = await saveRecords([makeNote({ id: kase.id, caseId: kase.id }), after]).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RecordConflictError);
    expect((first as RecordConflictError).id).toBe(kase.id);
    await expect(saveRecords([makeNote({ id: event.id, caseId: kase.id })])).rejects.toThrow(RecordConflictError);
    await expect(saveRecords([makeParty({ id: note.id, caseId: kase.id })])).rejects.toThrow(AppendOnlyError);
    // Nothing of the refused writes was stored: not the audit event that came with the note.
    expect(await db.audit.get(after.id)).toBeUndefined();
    expect(await db.audit.count()).toBe(1);
  });
});

describe('damaged records', () => {
  async function threeCases() {
    const cases = [makeCase(), makeCase(), makeCase()];
    await saveRecords(cases);
    return cases;
  }

  async function expectOnlyDamaged(damagedId: string, intact: StoredRecord[]) {
    const results = await listRecords({ kind: 'case' });
    expect(results).toHaveLength(intact.length + 1);
    expect(results).toContainEqual({ ok: false, id: damagedId, kind: 'case', problem: 'beschadigd' });
    for (const record of intact) expect(results).toContainEqual({ ok: true, record });
  }

  it('reports tampered ciphertext as damaged and keeps the other records readable', async () => {
    const [a, b, c] = await threeCases();
    if (!a || !b || !c) throw new Error('setup');
    const row = await db.records.get(b.id);
    if (!row) throw new Error('setup');
    row.data[5] = (row.data[5] ?? 0) ^ 0x01;
    await db.records.put(row);
    await expectOnlyDamaged(b.id, [a, c]);
    expect(await getRecord(b.id)).toEqual({ ok: false, id: b.id, kind: 'case', problem: 'beschadigd' });
  });

  it('reports a changed IV as damaged', async () => {
    const [a, b, c] = await threeCases();
    if (!a || !b || !c) throw new Error('setup');
    const row = await db.records.get(a.id);
    if (!row) throw new Error('setup');
    row.iv[0] = (row.iv[0] ?? 0) ^ 0xff;
    await db.records.put(row);
    await expectOnlyDamaged(a.id, [b, c]);
  });

  it('reports a record copied under another id as damaged', async () => {
    const [a, b] = await threeCases();
    if (!a || !b) throw new Error('setup');
    const row = await db.records.get(a.id);
    if (!row) throw new Error('setup');
    const copyId = crypto.randomUUID();
    await db.records.put({ ...row, id: copyId, caseId: copyId });
    const results = await listRecords({ kind: 'case' });
    expect(results).toContainEqual({ ok: false, id: copyId, kind: 'case', problem: 'beschadigd' });
    expect(results.filter((r) => r.ok)).toHaveLength(3);
  });

  it('reports a record moved to another case through its plaintext caseId as damaged', async () => {
    const { kase, parts } = caseWithParts();
    const other = makeCase();
    await saveRecords([kase, other, ...parts]);
    const note = parts[4];
    const row = note && (await db.records.get(note.id));
    if (!note || !row) throw new Error('setup');
    await db.records.put({ ...row, caseId: other.id });
    expect(await listRecords({ kind: 'note', caseId: other.id })).toEqual([
      { ok: false, id: note.id, kind: 'note', problem: 'beschadigd' },
    ]);
  });
});

describe('eraseCase', () => {
  it('removes the case and all its records, and writes exactly one audit event without content', async () => {
    const { kase, parts } = caseWithParts();
    const keep = caseWithParts();
    await saveRecords([kase, ...parts, keep.kase, ...keep.parts]);
    await saveDraft({ id: `note:${kase.id}`, caseId: kase.id, fields: { text: 'half' } });

    expect(await eraseCase(kase.id)).toEqual({ erased: parts.length + 2 });

    expect(await db.records.where('caseId').equals(kase.id).count()).toBe(0);
    expect(await getRecord(kase.id)).toBeUndefined();
    expect(await db.records.count()).toBe(keep.parts.length + 1);
    const events = await listRecords({ kind: 'audit' });
    expect(events).toHaveLength(1);
    const event = events[0];
    expect(event?.ok && event.record).toMatchObject({
      action: 'case.erased',
      caseId: kase.id,
      details: { count: parts.length + 2, recordKind: 'case' },
    });
    expect(Object.keys(event?.ok ? event.record : {}).sort()).toEqual(
      ['action', 'at', 'caseId', 'chain', 'details', 'id', 'kind', 'schemaVersion'].sort(),
    );
  });

  it('does nothing and writes no audit event for an unknown case', async () => {
    expect(await eraseCase(crypto.randomUUID())).toEqual({ erased: 0 });
    expect(await db.audit.count()).toBe(0);
  });
});

describe('storage full', () => {
  it('turns a quota error mid-transaction into StorageFullError and stores nothing', async () => {
    const kase = makeCase();
    const event = makeAuditEvent({ caseId: kase.id });
    vi.spyOn(db.audit, 'bulkAdd').mockImplementation(() =>
      Dexie.Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    );
    const error: unknown = await saveRecords([kase, event]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).code).toBe('storage.full');
    expect(await db.records.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('recognises a quota error that Dexie wrapped in an AbortError, and erases nothing', async () => {
    const { kase, parts } = caseWithParts();
    await saveRecords([kase, ...parts]);
    const before = await db.records.count();
    vi.spyOn(db.audit, 'add').mockImplementation(() =>
      Dexie.Promise.reject(new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError'))),
    );
    await expect(eraseCase(kase.id)).rejects.toThrow(StorageFullError);
    expect(await db.records.count()).toBe(before);
  });
});

describe('what reaches the disk', () => {
  it('stores no plaintext of any record, only the documented index columns', async () => {
    const markers = {
      description: 'MARKER-DESCRIPTION-beschrijving',
      school: 'MARKER-SCHOOL-college',
      realName: 'MARKER-REALNAME-Vandenberghe',
      pseudonym: 'MARKER-PSEUDONYM',
      note: 'MARKER-NOTE-gesprek',
      justification: 'MARKER-JUSTIFICATION-noodtoestand',
      purpose: 'MARKER-PURPOSE-opvolging',
      reasoning: 'MARKER-REASONING-vlag',
      draft: 'MARKER-DRAFT-half',
    };
    const kase = makeCase({ description: markers.description, schools: [markers.school] });
    const caseId = kase.id;
    const party = makeParty({ caseId, realName: markers.realName, pseudonym: markers.pseudonym });
    await saveRecords([
      kase,
      party,
      makeNote({ caseId, text: markers.note }),
      makeShareWithoutConsent({ caseId, partyId: party.id, justification: markers.justification }),
      makeFollowUp({ caseId, purpose: markers.purpose }),
      makeAssessment({ caseId, reasoning: markers.reasoning }),
    ]);
    await saveDraft({ id: 'case-new', fields: { description: markers.draft } });
    await appendAudit({ action: 'case.created', caseId });
    // Issue 19 (bulk write): a write of many new cases puts their wrapped keys in bundle rows.
    await saveRecords(
      Array.from({ length: BUNDLE_FROM }, () => makeCase({ description: markers.description })),
      { newIds: true },
    );

    const raw = await dumpRawDatabase();
    const text = raw.map((r) => rawText(r.value)).join('\n');
    for (const marker of Object.values(markers)) expect(text).not.toContain(marker);
    expect(text).not.toContain('MARKER');

    const allowed: Record<string, string[]> = {
      records: ['id', 'kind', 'v', 'caseId', 'k', 'iv', 'data'],
      audit: ['id', 'v', 'at', 'iv', 'data'],
      meta: ['key', 'value'],
      // Issue 19 (bulk write): a bundle row lists its random key ids ('ids').
      caseKeys: ['id', 'iv', 'wrapped', 'ids'],
      // Issue 19 (note save): the head names its page row's generation ('page'), documented in SECURITY.md.
      caseIndex: ['id', 'gen', 'rows', 'shards', 'page', 'iv', 'data'],
      // Issue 20: replication state (ids, revisions, marks; the merge base is an encrypted envelope).
      sync: ['id', 'pending', 'gen', 'rev', 'revs', 'planned', 'losers', 'base'],
      conflicts: ['id', 'caseId', 'v', 'iv', 'data'],
    };
    for (const { store, value } of raw) {
      for (const column of Object.keys(value as object)) expect(allowed[store]).toContain(column);
    }
    // No exact timestamp in the clear (issue 18 item 4): an audit row names only its UTC day.
    const audit = raw.filter((r) => r.store === 'audit');
    expect(audit.length).toBeGreaterThan(0);
    for (const { value } of audit) expect((value as { at: string }).at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(raw.some((r) => r.store === 'caseIndex')).toBe(true);
    expect(raw.some((r) => r.store === 'caseKeys' && 'ids' in (r.value as object))).toBe(true);
  });
});

describe('drafts', () => {
  it('saves, reads and deletes a draft, encrypted like any record', async () => {
    await saveDraft({ id: 'case-new', fields: { description: 'Half ingevuld' } });
    expect((await getDraft('case-new'))?.fields).toEqual({ description: 'Half ingevuld' });
    await saveDraft({ id: 'case-new', fields: { description: 'Verder ingevuld' } });
    expect((await getDraft('case-new'))?.fields).toEqual({ description: 'Verder ingevuld' });
    await deleteDraft('case-new');
    expect(await getDraft('case-new')).toBeUndefined();
  });

  it('refuses image data in a draft field', async () => {
    await expect(
      saveDraft({ id: 'case-new', fields: { description: 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD' } }),
    ).rejects.toThrow(InvalidRecordError);
  });
});
