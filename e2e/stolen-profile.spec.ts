// Issue 18, "Done when": the stolen-profile test in a real browser. A full
// journey through the screens with marker texts in a disk-backed Chromium
// profile, one case erased; then the raw IndexedDB (and the keyring in it) is
// read as someone with a copy of the profile would, without the passphrase.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unwrapCaseKey } from '../app/data/case-keys';
import { ARGON2ID_CURRENT, decryptRecord } from '../app/data/crypto';
import type { Argon2idParams } from '../app/data/crypto';
import type { RecordRow } from '../app/data/db';
import { openWithPassphrase, parseKeyring } from '../app/data/keyring';
import { openRecordRow } from '../app/data/records-io';
import { expect, test, waitForServiceWorker } from './fixtures';
import { dumpIndexedDb } from './idb-dump';
import { LockPage, testPassphrase } from './pages/lock-page';
import { LogbookPage } from './pages/logbook-page';
import { launchProfile, readRawStore } from './robust/robust-support';

const M = {
  facts: 'Marker-STOLEN-feit-A',
  name: 'Marker-STOLEN-naam-A',
  note: 'Marker-STOLEN-notitie-A',
  draft: 'Marker-STOLEN-concept-A',
  purpose: 'Marker-STOLEN-doel-B',
  unsaved: 'Marker-STOLEN-ongesaved',
  factsB: 'Marker-STOLEN-feit-B',
  nameB: 'Marker-STOLEN-naam-B',
  noteB: 'Marker-STOLEN-notitie-B',
};

test('a copy of the profile: Argon2id keyring, no marker text, no audit-to-case link, an erased case stays unreadable', async ({
  baseURL,
}) => {
  test.setTimeout(5 * 60_000);
  const dir = await mkdtemp(join(tmpdir(), 'baken-stolen-'));
  const context = await launchProfile(dir, baseURL ?? '');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60_000);
    const logbook = new LogbookPage(page);
    await page.goto('/');
    await waitForServiceWorker(page);
    await logbook.lock.createVault();
    await expect(logbook.heading('Logboek')).toBeVisible();

    // Case A: facts, a betrokkene with a real name, a note and an unsaved note draft; later erased.
    await logbook.openNewIncident();
    await logbook.fillIncident({
      knownVia: 'Een klasgenoot',
      types: ['ongewenste sexting'],
      schools: ['School A'],
      description: M.facts,
    });
    const referenceA = await logbook.saveIncident();
    await logbook.addParty({ role: 'afgebeelde jongere', age: '14', realName: M.name, expectPseudonym: 'Jongere A' });
    await logbook.addNote('gesprek', M.note);
    await logbook.noteText.fill(M.draft);
    // The draft is saved after a short pause while typing.
    await page.waitForTimeout(1000);

    // Case B stays. (In-app navigation: a reload would lock.)
    const toLogbook = () =>
      page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek', exact: true }).click();
    await toLogbook();
    await logbook.openNewIncident();
    await logbook.fillIncident({
      knownVia: 'Een klasgenoot',
      types: ['ongewenste sexting'],
      schools: ['School B'],
      description: M.factsB,
    });
    await logbook.saveIncident();
    await logbook.addParty({ role: 'afgebeelde jongere', age: '15', realName: M.nameB, expectPseudonym: 'Jongere A' });
    await logbook.addNote('gesprek', M.noteB);
    // A saved follow-up purpose: a text Chromium's autofill would keep, were the field not marked off.
    await logbook.scheduleFollowUp(M.purpose);

    // The rows of case A as they are on disk before the erasure (what IndexedDB's files may keep).
    const before = await readRawStore(page);
    const caseRowA = before.records.find(
      (row) => row.kind === 'case' && before.records.some((r) => r.caseId === row.id && r.kind === 'draft'),
    );
    if (!caseRowA) throw new Error('case A not found on disk');
    const rowsA: RecordRow[] = before.records.filter((row) => row.caseId === caseRowA.id);
    expect(rowsA.length).toBeGreaterThanOrEqual(4);
    const keyIdA = caseRowA.k;
    expect(keyIdA).toBeTruthy();
    expect(rowsA.every((row) => row.k === keyIdA)).toBe(true);

    // Erase case A through the screens (close, then erase).
    await toLogbook();
    await page.getByRole('link', { name: referenceA, exact: true }).click();
    const status = logbook.section('Opvolging en status');
    await status.getByRole('button', { name: 'Dossier afsluiten' }).click();
    await status.getByRole('button', { name: 'Afsluiten' }).click();
    await expect(status.getByText('Status: afgesloten')).toBeVisible();
    await status.getByRole('button', { name: 'Dossier wissen' }).click();
    await page
      .getByRole('dialog', { name: /wissen\?$/ })
      .getByRole('button', { name: 'Definitief wissen' })
      .click();
    await expect(logbook.heading('Logboek')).toBeVisible();
    // Facts typed and never saved, then the lock: Chromium's form state (kept for Back and session
    // restore, written to the profile's session files) must not hold them.
    await logbook.openNewIncident();
    await page.getByRole('textbox', { name: 'Wat gebeurde er?' }).fill(M.unsaved);
    await page.waitForTimeout(1500);
    await new LockPage(page).lock();

    // ---- the copy, without the passphrase ------------------------------------------------
    const raw = await readRawStore(page);
    const text = await dumpIndexedDb(page);
    for (const marker of Object.values(M)) expect(text, marker).not.toContain(marker);
    expect(text).not.toContain('Marker-STOLEN');

    const keyring = parseKeyring(raw.meta.find((m) => m.key === 'keyring')?.value);
    expect(keyring.passphrase.kdf.name).toBe('Argon2id');
    const kdf = keyring.passphrase.kdf as Argon2idParams;
    expect(kdf.memoryKiB).toBeGreaterThanOrEqual(ARGON2ID_CURRENT.memoryKiB);
    expect(kdf.iterations).toBeGreaterThanOrEqual(ARGON2ID_CURRENT.iterations);
    expect(kdf.parallelism).toBe(ARGON2ID_CURRENT.parallelism);

    // No link between an audit event and a case: audit rows have only id, v, at, iv, data, and no
    // case id (or key id) appears anywhere in them.
    expect(raw.audit.length).toBeGreaterThan(0);
    const caseIds = new Set(before.records.flatMap((row) => (row.caseId ? [row.caseId] : [])));
    const keyIds = new Set(before.records.flatMap((row) => (row.k ? [row.k] : [])));
    for (const row of raw.audit) {
      expect(Object.keys(row).sort()).toEqual(['at', 'data', 'id', 'iv', 'v']);
      const auditText = JSON.stringify({ id: row.id, at: row.at });
      for (const id of [...caseIds, ...keyIds]) expect(auditText).not.toContain(id);
    }
    // No exact timestamp in the clear: an audit row names only its UTC day, and record rows carry
    // no time or date column at all (only id, kind, v, caseId, k, iv, data), so an audit event
    // cannot be joined with the record it concerns by its time.
    for (const row of raw.audit) expect(row.at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const row of raw.records) {
      for (const column of Object.keys(row)) expect(['id', 'kind', 'v', 'caseId', 'k', 'iv', 'data']).toContain(column);
    }
    // Draft ids do not name their case.
    for (const row of raw.records) if (row.kind === 'draft') for (const id of caseIds) expect(row.id).not.toContain(id);

    // ---- an erased case, even with the vault key ------------------------------------------
    const vaultKey = await openWithPassphrase(keyring, testPassphrase);
    expect(raw.records.some((row) => row.caseId === caseRowA.id)).toBe(false);
    expect(raw.caseKeys.some((row) => row.id === keyIdA)).toBe(false);
    const remaining = await Promise.all(raw.caseKeys.map((row) => unwrapCaseKey(vaultKey, row, row.id)));
    const wrapped = new Map(raw.caseKeys.map((row) => [row.id, row]));
    const caseKeyOf = async (key: CryptoKey, keyId: string) => {
      const row = wrapped.get(keyId);
      if (!row) throw new Error('no such key');
      return unwrapCaseKey(key, row, keyId);
    };
    for (const row of rowsA) {
      const header = { kind: row.kind, id: row.id, schemaVersion: row.v };
      await expect(decryptRecord(vaultKey, header, row)).rejects.toThrow();
      for (const key of remaining) await expect(decryptRecord(key, header, row)).rejects.toThrow();
      expect((await openRecordRow(vaultKey, row, caseKeyOf)).ok).toBe(false);
    }
    // The case that stays still opens (so the check above is not vacuous).
    const rowsB = raw.records.filter((row) => row.caseId !== undefined);
    expect(rowsB.length).toBeGreaterThan(0);
    for (const row of rowsB) expect((await openRecordRow(vaultKey, row, caseKeyOf)).ok).toBe(true);

    // ---- every file of the profile, after the browser closed ------------------------------
    // Session files, autofill ("Web Data"), history, caches: no marker in UTF-8 or UTF-16 anywhere.
    await context.close();
    const found = await markersInFiles(dir, Object.values(M));
    expect(found).toEqual([]);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/** `file: marker` for every marker found in any file under `dir`, as UTF-8 or UTF-16LE text. */
async function markersInFiles(dir: string, markers: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path).catch(() => null);
    if (bytes === null) continue;
    for (const marker of markers) {
      if (bytes.includes(Buffer.from(marker, 'utf8')) || bytes.includes(Buffer.from(marker, 'utf16le'))) {
        found.push(`${path.slice(dir.length)}: ${marker}`);
      }
    }
  }
  return found;
}
