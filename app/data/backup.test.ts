import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as KdfModule from './kdf';

// The real Argon2id, wrapped in a spy so a test can prove it did not run.
vi.mock('./kdf', async (importOriginal) => {
  const real = await importOriginal<typeof KdfModule>();
  return { ...real, argon2idBytes: vi.fn(real.argon2idBytes) };
});

import { BACKUP_PAYLOAD_TYPE, BACKUP_VERSION, backupLimits } from '../../schema/backup';
import {
  makeAssessment,
  makeCase,
  makeConsent,
  makeFollowUp,
  makeNote,
  makeParty,
  makeShareWithoutConsent,
} from '../../schema/factories';
import { currentSchemaVersion } from '../../schema/records';
import { kindSchema } from '../../schema/records/base';
import type { StoredRecord } from '../../schema/records';
import { BackupError, deriveBackupKeys, exportBackup, importBackup, importBackupUsing, sealBackupText } from './backup';
import type { BackupErrorCode, BackupKeys, BackupKeySource, BackupProgress } from './backup';
import { kdfLabel, newKdfParams, utf8 } from './crypto';
import type { KdfParams } from './crypto';
import { reserveCaseReference } from './case-reference';
import { argon2idBytes } from './kdf';
import { getSettings } from './settings';
import { listRecords, saveRecords } from './store';
import { TEST_PASSPHRASE, dumpRawDatabase, resetDatabase } from './test-utils';
import { db } from './db';
import { createVault, lock, unlock } from './vault';

const TRANSFER = 'overdracht voor Jan, maart';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function caseWithParts(n = 0): StoredRecord[] {
  const kase = makeCase({ reference: `2026-${String(n).padStart(4, '0')}`, description: `Dossier nummer ${n}.` });
  const caseId = kase.id;
  const a = makeParty({ caseId, pseudonym: 'Jongere A', realName: `Naam ${n}` });
  const b = makeParty({ caseId, pseudonym: 'Jongere B', role: 'jongere-die-doorstuurde' });
  return [
    kase,
    a,
    b,
    makeConsent({ caseId, partyId: a.id }),
    makeShareWithoutConsent({ caseId, partyId: b.id }),
    makeAssessment({ caseId }),
    makeNote({ caseId, text: `Eerste gesprek in dossier ${n}.` }),
    makeNote({ caseId, noteKind: 'afspraak', text: 'Afgesproken: terugkomen na de vakantie.' }),
    makeFollowUp({ caseId }),
  ];
}

/** Every readable record on the device, of every kind, by id. */
async function everyRecord(): Promise<Map<string, StoredRecord>> {
  const out = new Map<string, StoredRecord>();
  for (const kind of kindSchema.options) {
    for (const result of await listRecords({ kind })) {
      if (!result.ok) throw new Error(`damaged ${result.id}`);
      out.set(result.record.id, result.record);
    }
  }
  return out;
}

/** SHA-256 over every value of every IndexedDB store, bytes included. */
async function storeDigest(): Promise<string> {
  const rows = await dumpRawDatabase();
  const text = JSON.stringify(rows, (_key, value: unknown) =>
    value instanceof Uint8Array ? Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('') : value,
  );
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Derives for real, once per distinct set of KDF parameters. */
function memoKeySource(passphrase: string): BackupKeySource {
  const cache = new Map<string, Promise<BackupKeys>>();
  return (kdf: KdfParams) => {
    const id = `${kdfLabel(kdf)}|${Array.from(kdf.salt).join(',')}`;
    let keys = cache.get(id);
    if (!keys) {
      keys = deriveBackupKeys(passphrase, kdf);
      cache.set(id, keys);
    }
    return keys;
  };
}

async function codeOf(promise: Promise<unknown>): Promise<BackupErrorCode | string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof BackupError) return e.code;
    return `unexpected: ${String(e)}`;
  }
  return 'accepted';
}

function payloadWith(records: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: BACKUP_PAYLOAD_TYPE,
    version: BACKUP_VERSION,
    createdAt: '2026-03-12T09:30:00.000Z',
    scope: 'logbook',
    schemaVersions: { ...currentSchemaVersion },
    records,
    audit: [],
    ...extra,
  };
}

/** A file with any header JSON and ciphertext bytes, for envelope tests. */
function craftFile(header: unknown, body: Uint8Array = new Uint8Array(64)): Uint8Array {
  const magic = utf8('BAKEN-BACKUP\n');
  const json = utf8(JSON.stringify(header));
  const out = new Uint8Array(magic.byteLength + 4 + json.byteLength + body.byteLength);
  out.set(magic);
  new DataView(out.buffer).setUint32(magic.byteLength, json.byteLength);
  out.set(json, magic.byteLength + 4);
  out.set(body, magic.byteLength + 4 + json.byteLength);
  return out;
}

function headerOf(file: Uint8Array): Record<string, unknown> {
  const length = new DataView(file.buffer, file.byteOffset).getUint32(13);
  return JSON.parse(new TextDecoder().decode(file.subarray(17, 17 + length))) as Record<string, unknown>;
}

async function freshVault(): Promise<void> {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
}

// ---------------------------------------------------------------------------
// Round trip
// ---------------------------------------------------------------------------

describe('backup and restore', () => {
  beforeEach(freshVault);

  it('restores 1,000 cases with parties, consent, notes and follow-ups exactly as they were', async () => {
    const records = Array.from({ length: 1000 }, (_, n) => caseWithParts(n)).flat();
    await saveRecords(records);
    const before = await everyRecord();
    const auditBefore = (await listRecords({ kind: 'audit' })).length;

    const phases = new Set<string>();
    const file = await exportBackup({ protection: { kind: 'current', passphrase: TEST_PASSPHRASE } }, (p) =>
      phases.add(p.phase),
    );
    expect(file.counts).toEqual({ cases: 1000, records: records.length, auditEvents: auditBefore, damaged: 0 });
    expect(file.fileName).toMatch(/^baken-back-up-\d{4}-\d{2}-\d{2}\.baken$/);
    expect([...phases]).toEqual(['checkingPassphrase', 'reading', 'deriving', 'encrypting', 'done']);

    await resetDatabase();
    await createVault('een heel andere wachtwoordzin', { recoveryCode: false });
    const progress: BackupProgress[] = [];
    const summary = await importBackup(file.bytes, TEST_PASSPHRASE, { mode: 'restore' }, (p) => progress.push(p));
    expect(summary).toMatchObject({ mode: 'restore', casesAdded: 1000, recordsAdded: records.length - 1000 });
    expect(
      progress.some((p) => p.phase === 'validating' && p.total === records.length + auditBefore && p.done > 0),
    ).toBe(true);

    const after = await everyRecord();
    for (const [id, record] of before) {
      if (record.kind === 'audit') continue;
      expect(after.get(id)).toEqual(record);
    }
    // Audit events come back with their content; the hash chain links them anew, in the same order.
    const withoutLink = (r: StoredRecord | undefined) => (r?.kind === 'audit' ? { ...r, chain: undefined } : r);
    const restoredAudit = [...before.values()].filter((r) => r.kind === 'audit');
    for (const event of restoredAudit) expect(withoutLink(after.get(event.id))).toEqual(withoutLink(event));
    const seqOf = (r: StoredRecord | undefined) => (r?.kind === 'audit' ? (r.chain?.seq ?? -1) : -1);
    const newSeqsInOldOrder = [...restoredAudit].sort((a, b) => seqOf(a) - seqOf(b)).map((e) => seqOf(after.get(e.id)));
    expect(newSeqsInOldOrder.every((seq) => seq >= 0)).toBe(true);
    expect(newSeqsInOldOrder).toEqual([...newSeqsInOldOrder].sort((a, b) => a - b));
    const imported = (await listRecords({ kind: 'audit' })).filter(
      (r) => r.ok && r.record.action === 'backup.imported',
    );
    expect(imported).toHaveLength(1);
    // Issue 19 (bulk write): the 1,000 new case keys went into two bundle rows, and after a new unlock
    // (no key cached) every case opens from them.
    const keyRows = await db.caseKeys.toArray();
    expect(keyRows.map((row) => ('ids' in row ? row.ids.length : 1))).toEqual([500, 500]);
    await lock();
    await unlock('een heel andere wachtwoordzin');
    const reopened = await everyRecord();
    for (const [id, record] of after) expect(reopened.get(id)).toEqual(record);
  }, 120_000);

  it('never hands out a restored case number again', async () => {
    await saveRecords(caseWithParts(3));
    for (let i = 0; i < 5; i++) await reserveCaseReference(2026);
    expect(await reserveCaseReference(2026)).toBe('2026-009');
    const file = await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER } });
    await freshVault();
    await importBackup(file.bytes, TRANSFER, { mode: 'restore' });
    expect(await reserveCaseReference(2026)).toBe('2026-010');
  });

  it('records the export in the audit log with a count only, and remembers the date', async () => {
    await saveRecords(caseWithParts());
    expect((await getSettings()).lastBackupAt).toBeUndefined();
    await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER } });
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    const exported = events.filter((e) => e.action === 'backup.exported');
    expect(exported).toHaveLength(1);
    expect(exported[0]?.details).toEqual({ count: 1 });
    expect(exported[0]?.caseId).toBeUndefined();
    expect((await getSettings()).lastBackupAt).toBeDefined();
  });

  it('refuses to export with a passphrase that is not the current one', async () => {
    await saveRecords(caseWithParts());
    const digest = await storeDigest();
    expect(await codeOf(exportBackup({ protection: { kind: 'current', passphrase: 'niet mijn wachtwoordzin' } }))).toBe(
      'backup.wrongPassphrase',
    );
    expect(await storeDigest()).toBe(digest);
  });

  it('exports selected cases only for a handover, without the audit log, and leaves the backup date alone', async () => {
    const a = caseWithParts(1);
    const b = caseWithParts(2);
    await saveRecords([...a, ...b]);
    const caseId = a[0]?.id ?? '';
    const file = await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER }, caseIds: [caseId] });
    expect(file.fileName).toMatch(/^baken-overdracht-/);
    expect(file.counts).toMatchObject({ cases: 1, records: a.length, auditEvents: 0 });
    expect((await getSettings()).lastBackupAt).toBeUndefined();

    await freshVault();
    await importBackup(file.bytes, TRANSFER, { mode: 'restore' });
    const after = await everyRecord();
    for (const record of a) expect(after.get(record.id)).toEqual(record);
    for (const record of b) expect(after.has(record.id)).toBe(false);
    expect(await codeOf(exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER }, caseIds: [] }))).toBe(
      'backup.nothingSelected',
    );
  });

  it('keeps nothing but the envelope and KDF parameters in plaintext', async () => {
    const records = caseWithParts(7);
    await saveRecords(records);
    const file = await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER } });
    const header = headerOf(file.bytes);
    expect(Object.keys(header).sort()).toEqual(['check', 'cipher', 'kdf', 'type', 'version']);
    // Issue 18: version 2 files use Argon2id (version 1 used PBKDF2-SHA256 600,000).
    expect(header['version']).toBe(2);
    expect(header['kdf']).toMatchObject({ name: 'Argon2id', memoryKiB: 46 * 1024, iterations: 2, parallelism: 1 });
    const latin1 = Array.from(file.bytes, (b) => String.fromCharCode(b)).join('');
    for (const marker of ['Naam 7', 'Jongere A', 'Dossier nummer 7', records[0]?.id ?? '-', 'case', 'note']) {
      expect(latin1.includes(marker)).toBe(false);
    }
  });

  it('refuses to restore into a logbook that already holds records, and changes nothing', async () => {
    await saveRecords(caseWithParts());
    const file = await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER } });
    const digest = await storeDigest();
    expect(await codeOf(importBackup(file.bytes, TRANSFER, { mode: 'restore' }))).toBe('backup.notEmpty');
    expect(await storeDigest()).toBe(digest);
  });
});

// ---------------------------------------------------------------------------
// Merge
// ---------------------------------------------------------------------------

describe('merging a backup into an existing logbook', () => {
  beforeEach(freshVault);

  it('keeps the union of the notes of a shared case and notes what the merge changed', async () => {
    const shared = caseWithParts(1);
    const kase = shared[0];
    if (kase?.kind !== 'case') throw new Error('no case');
    await saveRecords(shared);
    const file = await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER } });

    // The colleague's logbook holds the same case plus a note of its own, and a newer case version.
    await freshVault();
    await saveRecords(shared);
    const other = caseWithParts(2);
    const localNote = makeNote({ caseId: kase.id, text: 'Notitie op het tweede toestel.' });
    await saveRecords([...other, localNote]);
    const theirFile = await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER } });

    // Back on a logbook with the original case, changed later than the colleague's copy.
    await freshVault();
    await saveRecords(shared);
    const myNote = makeNote({ caseId: kase.id, text: 'Notitie op het eerste toestel.' });
    await saveRecords([myNote]);

    const summary = await importBackup(theirFile.bytes, TRANSFER, { mode: 'merge' });
    expect(summary).toMatchObject({ mode: 'merge', casesAdded: 1, casesUpdated: 0, mergeNotes: 1 });
    const notes = (await listRecords({ kind: 'note', caseId: kase.id })).flatMap((r) => (r.ok ? [r.record] : []));
    const texts = notes.map((n) => n.text);
    for (const note of shared.filter((r) => r.kind === 'note')) expect(texts).toContain(note.text);
    expect(texts).toContain(localNote.text);
    expect(texts).toContain(myNote.text);
    expect(texts).toContain('Samengevoegd uit back-up: toegevoegd: 1 notitie.');
    expect(notes).toHaveLength(5);

    // Importing the same file again changes nothing but the audit log.
    const again = await importBackup(theirFile.bytes, TRANSFER, { mode: 'merge' });
    expect(again).toMatchObject({ casesAdded: 0, recordsAdded: 0, recordsUpdated: 0, mergeNotes: 0 });
    expect(file.bytes.byteLength).toBeGreaterThan(0);
  });

  it('gives a new case whose number is taken here the next free number, and says so on the case', async () => {
    // A colleague's handover file: their own 2026-001 and 2026-002.
    const theirs = makeCase({ reference: '2026-001', description: 'Dossier van de collega.' });
    const theirNext = makeCase({ reference: '2026-002', description: 'Tweede dossier van de collega.' });
    await saveRecords([theirs, theirNext, makeNote({ caseId: theirs.id, text: 'Notitie van de collega.' })]);
    const file = await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER } });

    // This logbook already has its own 2026-001.
    await freshVault();
    const mine = makeCase({ reference: await reserveCaseReference(2026), description: 'Mijn dossier.' });
    expect(mine.reference).toBe('2026-001');
    await saveRecords([mine]);

    const summary = await importBackup(file.bytes, TRANSFER, { mode: 'merge' });
    // 2026-002 is free here but comes with the file: the renumbered case skips it.
    expect(summary).toMatchObject({ casesAdded: 2, renumbered: [{ from: '2026-001', to: '2026-003' }] });
    const cases = (await listRecords({ kind: 'case' })).flatMap((r) =>
      r.ok && r.record.kind === 'case' ? [r.record] : [],
    );
    const byId = new Map(cases.map((c) => [c.id, c.reference]));
    expect(byId.get(mine.id)).toBe('2026-001');
    expect(byId.get(theirs.id)).toBe('2026-003');
    expect(byId.get(theirNext.id)).toBe('2026-002');
    expect(new Set(cases.map((c) => c.reference)).size).toBe(cases.length);
    const notes = (await listRecords({ kind: 'note', caseId: theirs.id })).flatMap((r) =>
      r.ok ? [r.record.text] : [],
    );
    expect(notes).toContain(
      'Ingelezen uit een back-up. In dat logboek heette dit dossier 2026-001; dat nummer was hier al in gebruik, dus heet het hier 2026-003.',
    );
    // The next case made here gets a number no case has.
    expect(await reserveCaseReference(2026)).toBe('2026-004');

    // The same file again: the case is known by its id now; nothing is renumbered twice.
    const again = await importBackup(file.bytes, TRANSFER, { mode: 'merge' });
    expect(again).toMatchObject({ casesAdded: 0, casesUpdated: 0, recordsKept: 0, renumbered: [] });
    // A newer version of that case from the colleague updates it here and keeps its number here.
    await freshVault();
    const newer = { ...theirs, status: 'in-rust' as const, updatedAt: new Date().toISOString() };
    await saveRecords([newer]);
    const newerFile = await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER } });
    await freshVault();
    await saveRecords([mine, { ...theirs, reference: '2026-003' }]);
    expect(await importBackup(newerFile.bytes, TRANSFER, { mode: 'merge' })).toMatchObject({ casesUpdated: 1 });
    const after = (await listRecords({ kind: 'case' })).flatMap((r) =>
      r.ok && r.record.kind === 'case' ? [r.record] : [],
    );
    expect(after.find((c) => c.id === theirs.id)).toMatchObject({ reference: '2026-003', status: 'in-rust' });
  });

  it('takes the newer version of a case and says which fields changed', async () => {
    const parts = caseWithParts(3);
    const kase = parts[0];
    if (kase?.kind !== 'case') throw new Error('no case');
    await saveRecords(parts);
    const newer = { ...kase, status: 'in-rust' as const, updatedAt: '2026-04-01T08:00:00.000Z' };
    await saveRecords([newer]);
    const file = await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER } });

    await freshVault();
    await saveRecords(parts);
    const summary = await importBackup(file.bytes, TRANSFER, { mode: 'merge' });
    expect(summary).toMatchObject({ casesUpdated: 1, recordsSkipped: parts.length - 1, mergeNotes: 1 });
    const stored = await listRecords({ kind: 'case' });
    expect(stored).toEqual([{ ok: true, record: newer }]);
    const notes = (await listRecords({ kind: 'note', caseId: kase.id })).flatMap((r) => (r.ok ? [r.record.text] : []));
    expect(notes).toContain('Samengevoegd uit back-up: dossiergegevens bijgewerkt (status).');
  });
});

// ---------------------------------------------------------------------------
// Refusals with a clear code
// ---------------------------------------------------------------------------

describe('refusing bad files', () => {
  beforeEach(freshVault);
  let keys: BackupKeys;
  beforeAll(async () => {
    keys = await deriveBackupKeys(TRANSFER, newKdfParams());
  });

  async function expectRefused(bytes: Uint8Array, code: BackupErrorCode, passphrase = TRANSFER): Promise<void> {
    await saveRecords(caseWithParts());
    const digest = await storeDigest();
    for (const mode of ['merge', 'restore'] as const) {
      expect(await codeOf(importBackup(bytes, passphrase, { mode }))).toBe(code);
    }
    expect(await storeDigest()).toBe(digest);
  }

  it('says the passphrase is wrong, not that the file is damaged', async () => {
    const file = await sealBackupText(JSON.stringify(payloadWith([])), keys);
    await expectRefused(file, 'backup.wrongPassphrase', 'een verkeerde wachtwoordzin');
  });

  it('tells a truncated or tampered file apart', async () => {
    const file = await sealBackupText(JSON.stringify(payloadWith(caseWithParts())), keys);
    await expectRefused(file.slice(0, file.byteLength - 1), 'backup.damaged');
    const flipped = file.slice();
    const at = flipped.byteLength - 100;
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    await expectRefused(flipped, 'backup.damaged');
  });

  it('refuses what is not a Baken backup', async () => {
    await expectRefused(utf8('{"type":"excalidraw"}'), 'backup.notBackup');
    await expectRefused(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'backup.notBackup');
  });

  it('refuses a file from a newer Baken, by envelope, payload or record version', async () => {
    await expectRefused(
      // Version 2 exists since issue 18 (Argon2id); 3 is the future now.
      craftFile({ type: 'baken-backup', version: 3, kdf: 'scrypt-of-the-future' }),
      'backup.newerVersion',
    );
    const payloadV2 = await sealBackupText(JSON.stringify(payloadWith([], { version: 2 })), keys);
    await expectRefused(payloadV2, 'backup.newerVersion');
    const newerRecords = payloadWith([], { schemaVersions: { ...currentSchemaVersion, case: 2 } });
    await expectRefused(await sealBackupText(JSON.stringify(newerRecords), keys), 'backup.newerVersion');
  });

  it('refuses weak key derivation parameters before deriving anything', async () => {
    const file = await sealBackupText(JSON.stringify(payloadWith([])), keys);
    const header = headerOf(file);
    const weak = { ...header, kdf: { ...(header['kdf'] as object), iterations: 1 } };
    await expectRefused(craftFile(weak), 'backup.weakProtection');
    const little = { ...header, kdf: { ...(header['kdf'] as object), memoryKiB: 8 * 1024 } };
    await expectRefused(craftFile(little), 'backup.weakProtection');
    const legacyWeak = {
      ...header,
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
    };
    await expectRefused(craftFile(legacyWeak), 'backup.weakProtection');
  });

  it('refuses KDF parameters above the ceiling before deriving anything', async () => {
    const file = await sealBackupText(JSON.stringify(payloadWith([])), keys);
    const header = headerOf(file);
    vi.mocked(argon2idBytes).mockClear();
    for (const change of [{ memoryKiB: 4 * 1024 * 1024 }, { iterations: 100_000 }, { parallelism: 64 }]) {
      const costly = { ...header, kdf: { ...(header['kdf'] as object), ...change } };
      await expectRefused(craftFile(costly), 'backup.damaged');
    }
    const legacyCostly = {
      ...header,
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 50_000_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
    };
    await expectRefused(craftFile(legacyCostly), 'backup.damaged');
    expect(argon2idBytes).not.toHaveBeenCalled();
  });

  it('refuses a file that is too large before reading it', async () => {
    await expectRefused(new Uint8Array(backupLimits.maxFileBytes + 1), 'backup.tooLarge');
  });

  it('refuses the whole file when one record holds image data', async () => {
    const records = caseWithParts();
    const png = btoa(
      String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(16).fill(7)),
    );
    records.push(makeNote({ caseId: records[0]?.id ?? '', text: `Kijk: ${png}` }));
    await expectRefused(await sealBackupText(JSON.stringify(payloadWith(records)), keys), 'backup.imageData');
  });
});

// ---------------------------------------------------------------------------
// Property tests: hostile files
// ---------------------------------------------------------------------------

const imageSignatures: number[][] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff, 0xe0],
  [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  [0x52, 0x49, 0x46, 0x46, 0x24, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50],
];

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

/** Every object inside a JSON value (for injecting keys). */
function objectsIn(value: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) value.forEach((v) => objectsIn(v, out));
  else if (value && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    Object.values(value).forEach((v) => objectsIn(v, out));
  }
  return out;
}

/** Every (object, key) holding a string. */
function stringSlots(
  value: unknown,
  out: Array<[Record<string, unknown>, string]> = [],
): Array<[Record<string, unknown>, string]> {
  for (const obj of objectsIn(value)) {
    for (const [key, v] of Object.entries(obj)) if (typeof v === 'string') out.push([obj, key]);
  }
  return out;
}

describe('hostile files (property tests)', () => {
  let keys: BackupKeys;
  let keySource: BackupKeySource;
  let digest: string;
  let validRecords: StoredRecord[];
  let validFile: Uint8Array;

  beforeAll(async () => {
    await freshVault();
    await saveRecords([...caseWithParts(1), ...caseWithParts(2)]);
    keys = await deriveBackupKeys(TRANSFER, newKdfParams());
    keySource = memoKeySource(TRANSFER);
    const cached = await keySource(keys.kdf);
    keys = cached;
    validRecords = [...caseWithParts(3), ...caseWithParts(4)];
    validFile = await sealBackupText(JSON.stringify(payloadWith(validRecords)), keys);
    digest = await storeDigest();
  });

  const mode = fc.constantFrom('restore' as const, 'merge' as const);
  const badValue = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
    fc.string({ maxLength: 10 }),
  );

  /** Builds the payload text for one hostile case; every one must be refused. */
  const hostilePayload: fc.Arbitrary<{ label: string; text: string; codes: BackupErrorCode[] }> = fc.oneof(
    // Wrong types: one field anywhere gets a value of another JSON type.
    fc.tuple(fc.nat(), fc.nat(), badValue).map(([i, j, value]) => {
      const payload = payloadWith(clone(validRecords));
      const objects = objectsIn(payload);
      const target = objects[i % objects.length] ?? payload;
      const keysOf = Object.keys(target);
      const key = keysOf[j % keysOf.length] ?? 'type';
      const replacement = typeOf(value) === typeOf(target[key]) ? [value] : value;
      target[key] = replacement;
      return { label: `wrong type at ${key}`, text: JSON.stringify(payload), codes: ['backup.invalid'] };
    }),
    // Huge strings: longer than any field allows.
    fc
      .tuple(fc.nat(), fc.integer({ min: 8001, max: 400_000 }), fc.string({ minLength: 1, maxLength: 3 }))
      .map(([i, length, unit]) => {
        const payload = payloadWith(clone(validRecords));
        const slots = stringSlots(payload);
        const [obj, key] = slots[i % slots.length] ?? [payload, 'type'];
        obj[key] = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        return {
          label: `huge string at ${key}`,
          text: JSON.stringify(payload),
          codes: ['backup.invalid', 'backup.imageData'],
        };
      }),
    // __proto__ / constructor / prototype keys anywhere.
    fc
      .tuple(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }))
      .map(([i, key, value]) => {
        const payload = payloadWith(clone(validRecords));
        const objects = objectsIn(payload);
        const target = objects[i % objects.length] ?? payload;
        Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
        return { label: `key ${key}`, text: JSON.stringify(payload), codes: ['backup.invalid', 'backup.imageData'] };
      }),
    // Deep nesting, built as text (an object this deep would overflow JSON.stringify).
    fc.tuple(fc.nat(), fc.integer({ min: 20, max: 200_000 }), fc.boolean()).map(([i, depth, arrays]) => {
      const payload = payloadWith(clone(validRecords));
      const slots = stringSlots(payload);
      const [obj, key] = slots[i % slots.length] ?? [payload, 'type'];
      obj[key] = '\u0000deep\u0000';
      const nested = arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      const text = JSON.stringify(payload).replace('"\\u0000deep\\u0000"', nested);
      return { label: `nesting ${depth}`, text, codes: ['backup.invalid'] };
    }),
    // Image data embedded in any string, as base64 or a data: URL.
    fc
      .tuple(
        fc.nat(),
        fc.constantFrom(...imageSignatures),
        fc.uint8Array({ minLength: 16, maxLength: 64 }),
        fc.boolean(),
        fc.string({ maxLength: 20 }),
      )
      .map(([i, signature, rest, asDataUrl, prose]) => {
        const payload = payloadWith(clone(validRecords));
        const slots = stringSlots(payload);
        const [obj, key] = slots[i % slots.length] ?? [payload, 'type'];
        const b64 = btoa(String.fromCharCode(...signature, ...rest));
        obj[key] = asDataUrl ? `${prose} data:image/png;base64,${b64}` : `${prose} ${b64} ${String(obj[key])}`;
        return { label: `image at ${key}`, text: JSON.stringify(payload), codes: ['backup.imageData'] };
      }),
    // Integrity: repeated ids, records without their case, audit events in the wrong list.
    fc.tuple(fc.nat(), fc.constantFrom('duplicate', 'orphan', 'misfiled')).map(([i, how]) => {
      const records = clone(validRecords);
      const pick = records[i % records.length] ?? records[0];
      if (how === 'duplicate' && pick) records.push(pick);
      if (how === 'orphan') records.push(makeNote());
      if (how === 'misfiled')
        records.push({
          kind: 'audit',
          schemaVersion: 1,
          id: crypto.randomUUID(),
          at: '2026-03-12T09:30:00.000Z',
          action: 'case.created',
        });
      return { label: how, text: JSON.stringify(payloadWith(records)), codes: ['backup.invalid'] };
    }),
    // Anything at all, and text that is not JSON.
    fc.jsonValue({ maxDepth: 4 }).map((value) => ({
      label: 'random JSON',
      text: JSON.stringify(value),
      codes: ['backup.invalid', 'backup.newerVersion', 'backup.imageData'] as BackupErrorCode[],
    })),
    fc
      .string({ maxLength: 200 })
      .map((s) => ({ label: 'not JSON', text: `{${s}`, codes: ['backup.invalid'] as BackupErrorCode[] })),
  ) as fc.Arbitrary<{ label: string; text: string; codes: BackupErrorCode[] }>;

  it('refuses 700 hostile payloads, properly encrypted, each with a clear code, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(hostilePayload, mode, async ({ label, text, codes }, m) => {
        const file = await sealBackupText(text, keys);
        const code = await codeOf(importBackupUsing(file, keySource, { mode: m }));
        expect(codes, `${label} → ${code}`).toContain(code);
        expect(await storeDigest()).toBe(digest);
      }),
      { numRuns: 700 },
    );
  }, 300_000);

  const envelopeCodes: BackupErrorCode[] = [
    'backup.notBackup',
    'backup.damaged',
    'backup.wrongPassphrase',
    'backup.weakProtection',
    'backup.newerVersion',
  ];

  it('refuses 400 truncated, bit-flipped or random files, each with a clear code, and changes nothing', async () => {
    const corrupted = fc.oneof(
      fc.nat().map((n) => validFile.slice(0, n % validFile.byteLength)),
      // Distinct positions: two flips of the same bit would cancel out and leave a valid file.
      fc
        .uniqueArray(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), {
          minLength: 1,
          maxLength: 4,
          selector: ([at]) => at % validFile.byteLength,
        })
        .map((flips) => {
          const copy = validFile.slice();
          for (const [at, bit] of flips) {
            const i = at % copy.byteLength;
            copy[i] = (copy[i] ?? 0) ^ (1 << bit);
          }
          return copy;
        }),
      fc.uint8Array({ maxLength: 2000 }),
      fc.uint8Array({ maxLength: 200 }).map((junk) => {
        const copy = new Uint8Array(17 + junk.byteLength);
        copy.set(validFile.subarray(0, 17));
        copy.set(junk, 17);
        return copy;
      }),
    );
    await fc.assert(
      fc.asyncProperty(corrupted, mode, async (bytes, m) => {
        const code = await codeOf(importBackupUsing(bytes, keySource, { mode: m }));
        expect(envelopeCodes, `→ ${code}`).toContain(code);
        expect(await storeDigest()).toBe(digest);
      }),
      { numRuns: 400 },
    );
  }, 300_000);

  it('accepts the untouched file, so the refusals above are real', async () => {
    const code = await codeOf(importBackupUsing(validFile, keySource, { mode: 'merge' }));
    expect(code).toBe('accepted');
  });
});
