import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

import { makeAuditEvent, makeCase, makeNote } from '../../schema/factories';
import { generateDataKey } from './crypto';
import { BakenDb, STORES_V1 } from './db';
import { openAuditRow, openRecordRow, sealRecord } from './records-io';

const NAME = 'baken-upgrade-test';

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('database versions', () => {
  it('upgrades a version 1 database to version 2 with every record intact', async () => {
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
    const { at, ...auditRest } = sealedEvent.row;
    await v1
      .table('records')
      .bulkAdd([sealedCase.row, sealedNote.row, { ...auditRest, kind: 'audit', caseId: kase.id, updatedAt: at }]);
    v1.close();

    const v2 = new BakenDb(NAME);
    await v2.open();
    // Issue 20 added version 5 (sync state); the v1 → v2 move still runs on the way.
    expect(v2.verno).toBe(5);
    expect(await v2.records.where('kind').equals('audit').count()).toBe(0);

    const caseRow = await v2.records.get(kase.id);
    const noteRows = await v2.records.where('[caseId+kind]').equals([kase.id, 'note']).toArray();
    const auditRow = await v2.audit.get(event.id);
    if (!caseRow || !noteRows[0] || !auditRow) throw new Error('rows missing after upgrade');
    expect(await openRecordRow(key, caseRow)).toEqual({ ok: true, record: kase });
    expect(await openRecordRow(key, noteRows[0])).toEqual({ ok: true, record: note });
    expect(await openAuditRow(key, auditRow)).toEqual({ ok: true, record: event });
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

  it('opens an empty database at the latest version', async () => {
    const fresh = new BakenDb(NAME);
    await fresh.open();
    expect(fresh.verno).toBe(5);
    expect(fresh.tables.map((t) => t.name).sort()).toEqual(['audit', 'conflicts', 'meta', 'records', 'sync']);
    fresh.close();
  });
});
