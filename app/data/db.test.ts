import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

import { makeAuditEvent, makeCase, makeFollowUp, makeNote } from '../../schema/factories';
import { generateDataKey } from './crypto';
import { BakenDb, STORES_V1, STORES_V2 } from './db';
import { openAuditRow, openRecordRow, sealRecord } from './records-io';

const NAME = 'baken-upgrade-test';

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('database versions', () => {
  it('upgrades a version 1 database through version 2 to the latest with every record intact', async () => {
    // A v1 fixture: the first shape, where audit events lived in `records`.
    const key = await generateDataKey();
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    const event = makeAuditEvent({ caseId: kase.id });
    const sealedCase = await sealRecord(key, kase);
    const sealedNote = await sealRecord(key, note);
    const sealedEvent = await sealRecord(key, event);
    if (sealedCase.table !== 'records' || sealedNote.table !== 'records' || sealedEvent.table !== 'audit') {
      throw new Error('setup');
    }
    const v1 = new Dexie(NAME);
    v1.version(1).stores(STORES_V1);
    // v1 rows carried the exact `updatedAt` (and an audit event's exact time).
    const { at: _day, ...auditRest } = sealedEvent.row;
    await v1.table('records').bulkAdd([
      { ...sealedCase.row, updatedAt: kase.updatedAt },
      { ...sealedNote.row, updatedAt: note.createdAt },
      { ...auditRest, kind: 'audit', caseId: kase.id, updatedAt: event.at },
    ]);
    v1.close();

    const v2 = new BakenDb(NAME);
    await v2.open();
    // Opens at the latest version (3 adds caseKeys; 4 drops exact timestamps; 5 adds sync state; 8 adds team sync state; 9 team coordination; 10 key bundles, no schema change; v1 rows keep no `k` and open with the vault key).
    expect(v2.verno).toBe(10);
    expect(await v2.records.where('kind').equals('audit').count()).toBe(0);

    const caseRow = await v2.records.get(kase.id);
    const noteRows = await v2.records.where('[caseId+kind]').equals([kase.id, 'note']).toArray();
    const auditRow = await v2.audit.get(event.id);
    if (!caseRow || !noteRows[0] || !auditRow) throw new Error('rows missing after upgrade');
    expect(await openRecordRow(key, caseRow)).toEqual({ ok: true, record: kase });
    expect(await openRecordRow(key, noteRows[0])).toEqual({ ok: true, record: note });
    expect(await openAuditRow(key, auditRow)).toEqual({ ok: true, record: event });
    // Version 4: no exact timestamp left in the clear.
    expect(Object.keys(caseRow)).not.toContain('updatedAt');
    expect(auditRow.at).toBe(event.at.slice(0, 10));
    // Version 5: every row that existed before sync waits to be pushed.
    expect((await v2.sync.toArray()).map((r) => [r.id, r.pending]).sort()).toEqual(
      [
        [kase.id, 1],
        [note.id, 1],
        [event.id, 1],
      ].sort(),
    );
    v2.close();
  });

  it('upgrades a version 2 database through version 4 (due and updatedAt dropped, audit at coarsened to the day) to the latest', async () => {
    const key = await generateDataKey();
    const kase = makeCase();
    const followUp = makeFollowUp({ caseId: kase.id, due: '2026-04-01' });
    const event = makeAuditEvent({ caseId: kase.id });
    const [c, f, e] = await Promise.all([sealRecord(key, kase), sealRecord(key, followUp), sealRecord(key, event)]);
    if (c.table !== 'records' || f.table !== 'records' || e.table !== 'audit') throw new Error('setup');
    const v2 = new Dexie(NAME);
    v2.version(1).stores(STORES_V1);
    v2.version(2).stores(STORES_V2);
    await v2.table('records').bulkAdd([
      { ...c.row, updatedAt: kase.updatedAt },
      { ...f.row, due: followUp.due, updatedAt: followUp.updatedAt },
    ]);
    await v2.table('audit').add({ ...e.row, at: event.at });
    v2.close();

    const v4 = new BakenDb(NAME);
    await v4.open();
    expect(v4.verno).toBe(10);
    const rows = await v4.records.toArray();
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['caseId', 'data', 'id', 'iv', 'kind', 'v']);
    const followUpRow = await v4.records.get(followUp.id);
    const auditRow = await v4.audit.get(event.id);
    if (!followUpRow || !auditRow) throw new Error('rows missing after upgrade');
    expect(await openRecordRow(key, followUpRow)).toEqual({ ok: true, record: followUp });
    expect(auditRow.at).toBe(event.at.slice(0, 10));
    expect(await openAuditRow(key, auditRow)).toEqual({ ok: true, record: event });
    expect(await v4.caseIndex.count()).toBe(0);
    v4.close();
  });

  it('opens an empty database at the latest version', async () => {
    const fresh = new BakenDb(NAME);
    await fresh.open();
    expect(fresh.verno).toBe(10);
    expect(fresh.tables.map((t) => t.name).sort()).toEqual([
      'audit',
      'caseIndex',
      'caseKeys',
      'conflicts',
      'meta',
      'records',
      'sync',
      'teamCoord',
      'teamSync',
    ]);
    fresh.close();
  });
});
