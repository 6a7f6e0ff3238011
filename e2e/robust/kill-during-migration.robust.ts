// Robustness suite, issue 18: a kill while an existing logbook moves to
// per-case keys. A logbook as the build before per-case keys wrote it (every
// row under the vault data key, no `k`) is put into a disk-backed profile;
// each run unlocks (the migration starts), waits until a growing share of the
// rows is re-keyed and then ends the browser or the page the hard way. After every kill every record still
// decrypts and validates (old key or new, checked in Node with the app's own
// code); a last unlock finishes the migration: one key per case, no orphans.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseKeyring, openWithPassphrase } from '../../app/data/keyring';
import { sealRecord } from '../../app/data/records-io';
import type { RecordRow } from '../../app/data/db';
import type { StoredRecord } from '../../schema/records';
import { expect, test, waitForServiceWorker } from '../fixtures';
import { LockPage, testPassphrase } from '../pages/lock-page';
import {
  caseWithParts,
  figure,
  kill,
  launchProfile,
  openRawStore,
  readRawStore,
  type KillMode,
} from './robust-support';

const CASES = 60;
const RUNS = 6;

/** Writes rows with the plain IndexedDB API (bytes travel as number arrays). */
async function putRows(page: Page, rows: RecordRow[]): Promise<void> {
  const tagged = rows.map((row) => ({ ...row, iv: Array.from(row.iv), data: Array.from(row.data) }));
  await page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('baken');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('records', 'readwrite');
      for (const row of list)
        tx.objectStore('records').put({ ...row, iv: new Uint8Array(row.iv), data: new Uint8Array(row.data) });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, tagged);
}

/** How many record rows name a per-case key (read in the page, without the passphrase). */
function countKeyed(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('baken');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Array<{ k?: string }>>((resolve, reject) => {
      const request = db.transaction('records', 'readonly').objectStore('records').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ k?: string }>);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.filter((row) => row.k !== undefined).length;
  });
}

test('a kill at any moment of the migration to per-case keys loses nothing, and the next unlock finishes it', async ({
  baseURL,
}) => {
  test.setTimeout(15 * 60_000);
  const origin = baseURL ?? '';
  const dir = await mkdtemp(join(tmpdir(), 'baken-robust-migration-'));
  const modes: KillMode[] = ['sigkill-browser', 'crash-renderer', 'close-page'];
  let context = await launchProfile(dir, origin);
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitForServiceWorker(page);
    await new LockPage(page).createVault();

    // The legacy logbook, sealed in Node under the vault data key (no `k`), as the earlier build did.
    const raw0 = await readRawStore(page);
    const vaultKey = await openWithPassphrase(
      parseKeyring(raw0.meta.find((m) => m.key === 'keyring')?.value),
      testPassphrase,
    );
    const records: StoredRecord[] = Array.from({ length: CASES }, (_, i) =>
      caseWithParts(`2025-${String(i + 1).padStart(3, '0')}`, `migratie-${i}`),
    ).flat();
    const rows: RecordRow[] = [];
    for (const record of records) {
      const sealed = await sealRecord(vaultKey, record);
      if (sealed.table === 'records') rows.push(sealed.row);
    }
    await putRows(page, rows);
    await context.close();

    const ids = new Set(records.map((r) => r.id));
    let sawProgress = false;
    for (let run = 1; run <= RUNS; run++) {
      context = await launchProfile(dir, origin);
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/');
      await new LockPage(page).unlock();
      if (!sawProgress) {
        sawProgress = await page
          .getByRole('status')
          .filter({ hasText: /^Dossiers beveiligen: \d+ van \d+$/ })
          .first()
          .isVisible()
          .catch(() => false);
      }
      // Kill once the migration is part-way: later in each run (earlier rows are already done).
      const target = Math.floor((run * rows.length) / (RUNS + 1));
      await expect.poll(() => countKeyed(page), { timeout: 120_000, intervals: [50] }).toBeGreaterThanOrEqual(target);
      const mode = modes[run % modes.length] ?? 'sigkill-browser';
      await kill(context, page, dir, mode);

      // What the kill left, read in a fresh browser without unlocking.
      context = await launchProfile(dir, origin);
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/');
      const store = await openRawStore(await readRawStore(page), testPassphrase);
      expect(store.damaged, `run ${run} (${mode})`).toEqual([]);
      const present = new Set(store.records.flatMap((r) => (r.ok ? [r.record.id] : [])));
      for (const id of ids) expect(present.has(id), `run ${run}: ${id}`).toBe(true);
      const keyed = (await readRawStore(page)).records.filter((row) => row.k !== undefined).length;
      figure(`migration kill ${run} (${mode}): ${keyed} of ${rows.length} rows re-keyed, 0 damaged`);
      await context.close();
    }

    // The last unlock finishes: every row of a case under its case's one key, one wrapped key per case.
    context = await launchProfile(dir, origin);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await new LockPage(page).unlock();
    await expect
      .poll(async () => (await readRawStore(page)).records.filter((row) => row.k === undefined).length, {
        timeout: 120_000,
      })
      .toBe(0);
    const final = await readRawStore(page);
    const byCase = new Map<string, Set<string>>();
    for (const row of final.records) {
      const set = byCase.get(row.caseId ?? '') ?? new Set<string>();
      set.add(row.k ?? '');
      byCase.set(row.caseId ?? '', set);
    }
    expect(byCase.size).toBe(CASES);
    for (const set of byCase.values()) expect(set.size).toBe(1);
    expect(new Set(final.caseKeys.map((k) => k.id))).toEqual(new Set([...byCase.values()].flatMap((s) => [...s])));
    const opened = await openRawStore(final, testPassphrase);
    expect(opened.damaged).toEqual([]);
    expect(opened.records.filter((r) => r.ok)).toHaveLength(records.length);
    await expect(page.getByText(/^Dossiers beveiligen/)).toHaveCount(0);
    figure(`migration: ${CASES} cases, ${rows.length} rows, progress line seen: ${sawProgress}`);
  } finally {
    await context.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});
