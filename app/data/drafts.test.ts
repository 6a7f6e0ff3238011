// Issue 18 item 4: a case form's draft id does not name its case.
import { beforeEach, describe, expect, it } from 'vitest';

import { makeCase } from '../../schema/factories';
import { db } from './db';
import { discardDraft, keepDraft } from './drafts';
import { readDraftLive } from './live';
import { setDataKey } from './session';
import { eraseCase, saveRecords } from './store';
import { resetDatabase } from './test-utils';

beforeEach(async () => {
  await resetDatabase();
  setDataKey(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
});

describe('drafts of a case form', () => {
  it('are stored under a random id, found again by form and case, and erased with the case', async () => {
    const a = makeCase();
    const b = makeCase();
    await saveRecords([a, b]);
    // Two quick saves end up in one draft.
    await Promise.all([
      keepDraft({ id: 'note', caseId: a.id, fields: { text: 'eerste' } }),
      keepDraft({ id: 'note', caseId: a.id, fields: { text: 'tweede' } }),
    ]);
    await keepDraft({ id: 'note', caseId: b.id, fields: { text: 'ander dossier' } });
    await keepDraft({ id: 'case-new', fields: { description: 'nieuw' } });

    const drafts = await db.records.where('kind').equals('draft').toArray();
    expect(drafts).toHaveLength(3);
    for (const row of drafts) {
      expect(row.id).not.toContain(a.id);
      expect(row.id).not.toContain(b.id);
    }
    const ofA = drafts.filter((r) => r.caseId === a.id);
    expect(ofA).toHaveLength(1);
    expect(ofA[0]?.id).toMatch(/^note:[0-9a-f-]{36}$/);

    expect((await readDraftLive('note', a.id))?.fields).toEqual({ text: 'tweede' });
    expect((await readDraftLive('note', b.id))?.fields).toEqual({ text: 'ander dossier' });
    expect((await readDraftLive('case-new'))?.fields).toEqual({ description: 'nieuw' });

    await discardDraft('note', b.id);
    expect(await readDraftLive('note', b.id)).toBeNull();
    // Blank fields remove the draft.
    await keepDraft({ id: 'case-new', fields: { description: ' ' } });
    expect(await readDraftLive('case-new')).toBeNull();

    await eraseCase(a.id);
    expect(await db.records.where('kind').equals('draft').count()).toBe(0);
  });

  it('saved just before a lock, are not restored after the unlock and are removed then', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    setDataKey(key);
    const kase = makeCase();
    await saveRecords([kase]);
    const fields = { text: 'Al bewaard als notitie.' };
    await keepDraft({ id: 'note', caseId: kase.id, fields });
    // The note was saved; before its draft is forgotten, another tab locks the vault.
    setDataKey(null);
    await expect(discardDraft('note', kase.id, fields)).rejects.toMatchObject({ code: 'vault.locked' });
    expect(await db.records.where('kind').equals('draft').count()).toBe(1);
    // At the unlock the form finds no draft to restore, and the draft is removed.
    setDataKey(key);
    expect(await readDraftLive('note', kase.id)).toBeNull();
    await expect.poll(() => db.records.where('kind').equals('draft').count()).toBe(0);
    // A new draft of that form is restored again as usual.
    await keepDraft({ id: 'note', caseId: kase.id, fields: { text: 'Nieuwe tekst.' } });
    expect((await readDraftLive('note', kase.id))?.fields).toEqual({ text: 'Nieuwe tekst.' });
  });

  it("are removed by a tab's save only while they hold that tab's own text", async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    // Tab A stored its text; tab B typed after it, so the draft now holds B's.
    await keepDraft({ id: 'note', caseId: kase.id, fields: { text: 'tab A' } });
    await keepDraft({ id: 'note', caseId: kase.id, fields: { text: 'tab B, nog niet bewaard' } });
    // A saves its note: its discard leaves B's text alone, also a tab that never stored one.
    await discardDraft('note', kase.id, { text: 'tab A' });
    await discardDraft('note', kase.id, null);
    expect((await readDraftLive('note', kase.id))?.fields).toEqual({ text: 'tab B, nog niet bewaard' });
    // B saves: its own draft goes.
    await discardDraft('note', kase.id, { text: 'tab B, nog niet bewaard' });
    expect(await readDraftLive('note', kase.id)).toBeNull();
  });
});
