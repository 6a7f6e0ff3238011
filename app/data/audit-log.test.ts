import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { anchorOf, linkAuditEvent, openCommitment, toHex, verifyAuditChain } from '../../schema/audit-chain';
import type { ChainHead } from '../../schema/audit-chain';
import { makeAuditEvent, makeCase } from '../../schema/factories';
import { exportAuditLog, forgetCommittedAuditHead, readAuditAnchor, readAuditHead, sha256 } from './audit-log';
import { db } from './db';
import { sealRecord } from './records-io';
import { requireDataKey } from './session';
import { appendAudit, eraseCase, listRecords, saveRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false }); // writes "vault.created" as seq 0
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function chainedEvents() {
  const results = await listRecords({ kind: 'audit' });
  return results.flatMap((r) => (r.ok ? [r.record] : [])).sort((a, b) => (a.chain?.seq ?? -1) - (b.chain?.seq ?? -1));
}

/** Device A's chain as sync stores it on this device: A's own links, sealed like any pulled row. */
async function replicateOtherDevice(count: number, tamperAt?: number) {
  let head: ChainHead | null = null;
  const events = [];
  for (let i = 0; i < count; i++) {
    const salt = toHex(crypto.getRandomValues(new Uint8Array(32)));
    const linked = await linkAuditEvent(makeAuditEvent({ action: 'note.added' }), head, salt, sha256);
    head = { seq: linked.chain.seq, hash: linked.chain.hash };
    events.push(i === tamperAt ? { ...linked, details: { count: 99 } } : linked);
  }
  for (const e of events) {
    const sealed = await sealRecord(requireDataKey(), e);
    if (sealed.table === 'audit') await db.audit.put(sealed.row);
  }
  if (!head) throw new Error('no chain');
  return anchorOf(head);
}

describe('exporting the audit log', () => {
  it("after sync, exports this device's chain and verifies the other device's chain on its own", async () => {
    await saveRecords([makeCase()]);
    await appendAudit({ action: 'export.summary' });
    const otherAnchor = await replicateOtherDevice(5);
    const exported = await exportAuditLog('2026-03-31');
    expect(await verifyAuditChain(exported.text, sha256)).toMatchObject({ valid: true, events: 2 });
    expect(exported.headMatchesDevice).toBe(true);
    expect(exported.otherChains).toEqual([{ anchor: otherAnchor, events: 5, firstBrokenSeq: null }]);
    expect(exported.unattached).toBe(0);
  });

  it("names a tampered event in the other device's chain without failing this device's file", async () => {
    const otherAnchor = await replicateOtherDevice(4, 2);
    const exported = await exportAuditLog('2026-03-31');
    expect(await verifyAuditChain(exported.text, sha256)).toMatchObject({ valid: true });
    expect(exported.otherChains).toEqual([{ anchor: otherAnchor, events: 4, firstBrokenSeq: 2 }]);
  });

  it('checks the exported head against meta.auditHead and says when the newest events are missing', async () => {
    const kase = makeCase();
    await saveRecords([kase, makeAuditEvent({ action: 'case.created', caseId: kase.id })]);
    expect((await exportAuditLog('2026-03-31')).headMatchesDevice).toBe(true);

    // Remove the newest event's row: the rest still forms a valid chain, but not up to the device's head.
    const newest = (await chainedEvents()).at(-1);
    await db.table('audit').delete(newest?.id ?? '');
    const exported = await exportAuditLog('2026-03-31');
    expect(await verifyAuditChain(exported.text, sha256)).toMatchObject({ valid: true });
    expect(exported.headMatchesDevice).toBe(false);
  });
});

describe('appending to the audit chain', () => {
  it('links every appended event, in order, into a chain the verifier accepts', async () => {
    const kase = makeCase();
    await saveRecords([kase, makeAuditEvent({ action: 'case.created', caseId: kase.id })]);
    await appendAudit({
      action: 'export.summary',
      caseId: kase.id,
      details: { recipient: 'school', categories: ['feiten'] },
    });
    await eraseCase(kase.id);

    const events = await chainedEvents();
    expect(events.map((e) => [e.chain?.seq, e.action])).toEqual([
      [0, 'vault.created'],
      [1, 'case.created'],
      [2, 'export.summary'],
      [3, 'case.erased'],
    ]);
    for (const event of events) expect(await openCommitment(event, sha256)).toBe(true);

    const exported = await exportAuditLog('2026-03-31');
    const verdict = await verifyAuditChain(exported.text, sha256);
    expect(verdict).toMatchObject({ valid: true, events: 4 });
    expect(await readAuditHead()).toEqual(exported.file.head);
    expect(await readAuditAnchor()).toBe(exported.file.head ? anchorOf(exported.file.head) : null);
    expect(exported.headMatchesDevice).toBe(true);
    expect(exported.text).not.toContain(kase.id);
  });

  it('does not fork when many appends run at the same time', async () => {
    const kase = makeCase();
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => appendAudit({ action: 'note.added', details: { count: i } })),
      saveRecords([kase, makeAuditEvent({ caseId: kase.id }), makeAuditEvent({ action: 'party.added' })]),
      eraseCase(kase.id),
    ]);
    const events = await chainedEvents();
    expect(events.map((e) => e.chain?.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i));
    expect(new Set(events.map((e) => e.chain?.prev)).size).toBe(events.length);
    expect(await verifyAuditChain((await exportAuditLog('2026-03-31')).file, sha256)).toMatchObject({ valid: true });
  });

  it('recomputes an append when another tab moved the head after it was prepared', async () => {
    const stale = await db.meta.get('auditHead');
    await appendAudit({ action: 'vault.unlocked' }); // "another tab" moves the head
    forgetCommittedAuditHead(); // this tab then prepares from the stored head, read stale below
    const real = db.meta.get.bind(db.meta);
    const spy = vi.spyOn(db.meta, 'get').mockImplementationOnce(() => Promise.resolve(stale) as never);
    spy.mockImplementation(real);
    await appendAudit({ action: 'note.added' });
    const events = await chainedEvents();
    expect(events.map((e) => e.chain?.seq)).toEqual([0, 1, 2]);
    expect(await verifyAuditChain((await exportAuditLog('2026-03-31')).file, sha256)).toMatchObject({ valid: true });
  });

  it('links onto the head this tab committed last, reading the stored head only inside the transaction', async () => {
    await appendAudit({ action: 'vault.unlocked' });
    const reads = vi.spyOn(db.meta, 'get');
    await appendAudit({ action: 'note.added' });
    expect(reads.mock.calls.filter(([key]) => (key as unknown) === 'auditHead')).toHaveLength(1);
    expect((await chainedEvents()).map((e) => e.chain?.seq)).toEqual([0, 1, 2]);
  });

  it('re-links onto the stored head when another tab appended after this tab’s last commit', async () => {
    // Another tab appends: its event and the new head go to disk without passing through this page.
    const head = await readAuditHead();
    const other = await linkAuditEvent(
      makeAuditEvent({ action: 'vault.unlocked' }),
      head,
      toHex(new Uint8Array(32)),
      sha256,
    );
    const sealed = await sealRecord(requireDataKey(), other);
    if (sealed.table !== 'audit') throw new Error('not an audit row');
    await db.transaction('rw', db.audit, db.meta, async () => {
      await db.audit.add(sealed.row);
      await db.meta.put({ key: 'auditHead', value: { seq: other.chain.seq, hash: other.chain.hash } });
    });
    await appendAudit({ action: 'note.added' });
    await saveRecords([makeAuditEvent({ action: 'party.added' })]);
    const events = await chainedEvents();
    expect(events.map((e) => e.chain?.seq)).toEqual([0, 1, 2, 3]);
    expect(events[2]?.chain?.prev).toBe(other.chain.hash);
    expect(await verifyAuditChain((await exportAuditLog('2026-03-31')).file, sha256)).toMatchObject({ valid: true });
  });

  it('re-links an event that arrives with a chain of its own instead of trusting it', async () => {
    const head = await readAuditHead();
    const forged = makeAuditEvent({
      chain: {
        seq: 40,
        prev: '1'.repeat(64),
        day: '2026-03-12',
        salt: '2'.repeat(64),
        commitment: '3'.repeat(64),
        hash: '4'.repeat(64),
      },
    });
    await saveRecords([forged]);
    const events = await chainedEvents();
    expect(events.at(-1)?.chain?.seq).toBe((head?.seq ?? -1) + 1);
    expect(events.at(-1)?.chain?.prev).toBe(head?.hash);
  });

  it('counts events from before the chain without linking them, and still verifies', async () => {
    const legacy = makeAuditEvent({ action: 'case.created', at: '2025-01-02T10:00:00.000Z' });
    const sealed = await sealRecord(requireDataKey(), legacy);
    if (sealed.table !== 'audit') throw new Error('not an audit row');
    await db.audit.add(sealed.row);
    await appendAudit({ action: 'backup.exported' });
    const exported = await exportAuditLog('2026-03-31');
    expect(exported.file.preChainEvents).toBe(1);
    expect(exported.file.events).toHaveLength(2);
    expect(await verifyAuditChain(exported.text, sha256)).toMatchObject({ valid: true });
  });

  it('writes nothing, and leaves the head alone, when an audit event is invalid', async () => {
    const head = await readAuditHead();
    const kase = makeCase();
    await expect(saveRecords([kase, { ...makeAuditEvent(), action: 'nope' } as never])).rejects.toThrow();
    expect(await readAuditHead()).toEqual(head);
    expect(await db.records.count()).toBe(0);
  });
});
