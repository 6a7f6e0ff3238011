// Robustness suite (issue 10), part 1: kill in the middle of a write.
// One disk-backed profile with a logbook; each run saves a case with several
// parts through the real UI — a handover import (64 cases × 10 parts, one
// transaction; as many new cases as make their keys go into a bundle row) or a new incident (case + audit event) — and ends the browser
// or the page at a random moment: SIGKILL of the browser process, a renderer
// crash, closing the page, or closing the browser. After reopening the same
// profile and unlocking: every case is complete or absent, every row still
// decrypts and validates (checked in Node with the app's own code), the audit
// chain is unbroken, and the logbook opens with the right number of cases.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { deriveBackupKeys, sealBackupText } from '../../app/data/backup';
import { BUNDLE_FROM } from '../../app/data/case-key-store';
import { newKdfParams } from '../../app/data/crypto';
import type { StoredRecord } from '../../schema/records';
import { expect, test, waitForServiceWorker } from '../fixtures';
import { LockPage, testPassphrase } from '../pages/lock-page';
import { LogbookPage } from '../pages/logbook-page';
import { SettingsPage } from '../pages/settings-page';
import {
  backupPayload,
  caseWithParts,
  figure,
  kill,
  launchProfile,
  openRawStore,
  readRawStore,
  type KillMode,
} from './robust-support';

const RUNS = 50;
// Issue 19 (bulk write): from BUNDLE_FROM new cases on, their keys are written in a bundle row.
const CASES_PER_IMPORT = BUNDLE_FROM;
const SEED = 4242;
const TRANSFER = 'overdracht voor de kill-test';

/** Small seeded PRNG (mulberry32), so a failing run can be repeated. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ImportFile {
  run: number;
  caseIds: string[];
  ids: string[];
  bytes: Buffer;
}

async function openUnlocked(
  dir: string,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await launchProfile(dir, baseURL);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await new LockPage(page).unlock();
  await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  return { context, page, errors };
}

test('every case is complete or absent after 50 kills in the middle of saving', async ({ baseURL }) => {
  test.setTimeout(30 * 60_000);
  const origin = baseURL ?? '';
  const random = prng(SEED);
  const dir = await mkdtemp(join(tmpdir(), 'baken-robust-kill-'));
  const keys = await deriveBackupKeys(TRANSFER, newKdfParams());

  // The logbook, created once; every run reopens this profile.
  let context = await launchProfile(dir, origin);
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await waitForServiceWorker(page);
  await new LockPage(page).createVault();
  await context.close();

  const files: ImportFile[] = [];
  const modes: KillMode[] = ['sigkill-browser', 'crash-renderer', 'close-page', 'close-context'];
  const tally = { imports: 0, incidents: 0, complete: 0, absent: 0, atWrite: 0 };
  const byMode = new Map<string, number>();
  const failures: string[] = [];
  let reference = 0;

  try {
    for (let run = 1; run <= RUNS + 1; run++) {
      const opened = await openUnlocked(dir, origin);
      context = opened.context;
      page = opened.page;

      // ---- check what the previous kill left --------------------------------
      const store = await openRawStore(await readRawStore(page), testPassphrase);
      const present = new Set([...store.records, ...store.audit].map((r) => (r.ok ? r.record.id : r.id)));
      if (store.damaged.length > 0) failures.push(`run ${run}: damaged rows ${JSON.stringify(store.damaged)}`);
      const okRecords = store.records.flatMap((r) => (r.ok ? [r.record] : []));
      const okAudit = store.audit.flatMap((r) => (r.ok ? [r.record] : []));
      let importsIn = 0;
      for (const file of files) {
        const found = file.ids.filter((id) => present.has(id)).length;
        if (found === file.ids.length) importsIn++;
        else if (found !== 0)
          failures.push(`run ${run}: import of run ${file.run} is half there (${found}/${file.ids.length})`);
      }
      const importedEvents = okAudit.filter((e) => e.kind === 'audit' && e.action === 'backup.imported').length;
      if (importedEvents !== importsIn)
        failures.push(`run ${run}: ${importedEvents} import events for ${importsIn} imports`);
      // Incidents: the case and its "case.created" event come together or not at all.
      const caseIds = new Set(okRecords.filter((r) => r.kind === 'case').map((r) => r.id));
      const imported = new Set(files.flatMap((f) => f.caseIds));
      const createdEvents = new Set(
        okAudit.flatMap((e) => (e.kind === 'audit' && e.action === 'case.created' && e.caseId ? [e.caseId] : [])),
      );
      for (const id of caseIds)
        if (!imported.has(id) && !createdEvents.has(id)) failures.push(`run ${run}: case ${id} without its event`);
      for (const id of createdEvents) if (!caseIds.has(id)) failures.push(`run ${run}: event for missing case ${id}`);
      // The hash chain: one link per event, seq 0..n-1, the head on the last one.
      const seqs = okAudit.flatMap((e) => (e.kind === 'audit' && e.chain ? [e.chain.seq] : [])).sort((a, b) => a - b);
      const last = okAudit.find((e) => e.kind === 'audit' && e.chain?.seq === store.auditHead?.seq);
      if (seqs.some((s, i) => s !== i) || seqs.length !== okAudit.length)
        failures.push(`run ${run}: audit chain has gaps`);
      if (okAudit.length > 0 && (last?.kind !== 'audit' || last.chain?.hash !== store.auditHead?.hash)) {
        failures.push(`run ${run}: audit head does not match the last event`);
      }
      // The logbook opens and lists every case; nothing reads as "beschadigd".
      const total = caseIds.size;
      await expect(page.getByRole('status').filter({ hasText: /dossier|Nog geen dossiers/ })).toHaveText(
        total === 0
          ? /Nog geen dossiers/
          : total <= 50
            ? `${total} ${total === 1 ? 'dossier' : 'dossiers'} gevonden.`
            : `50 van ${total} dossiers getoond.`,
      );
      await expect(page.getByText('beschadigd', { exact: true })).toHaveCount(0);
      if (opened.errors.length > 0) failures.push(`run ${run}: page errors ${opened.errors.join('; ')}`);
      if (run > RUNS) break;

      // ---- the write, and the kill ------------------------------------------
      const mode = modes[Math.floor(random() * modes.length)] ?? 'sigkill-browser';
      byMode.set(mode, (byMode.get(mode) ?? 0) + 1);
      if (run % 2 === 1) {
        tally.imports++;
        const records: StoredRecord[] = [];
        for (let c = 0; c < CASES_PER_IMPORT; c++) {
          reference++;
          records.push(...caseWithParts(`2025-${String(reference).padStart(4, '0')}`, `kill-${run}-${c}`));
        }
        const bytes = Buffer.from(await sealBackupText(backupPayload(records), keys));
        files.push({
          run,
          caseIds: records.filter((r) => r.kind === 'case').map((r) => r.id),
          ids: records.map((r) => r.id),
          bytes,
        });
        const settings = new SettingsPage(page);
        await settings.open();
        // The moment the import starts writing ("Bewaren…"), seen by a MutationObserver in the page.
        const writing = page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const observer = new MutationObserver(() => {
                if (document.body.textContent?.includes('Bewaren…')) {
                  observer.disconnect();
                  resolve(performance.now());
                }
              });
              observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            }),
        );
        writing.catch(() => undefined);
        await settings.importBackup(
          { name: `overdracht-${run}.baken`, mimeType: 'application/octet-stream', buffer: bytes },
          TRANSFER,
          'Samenvoegen met dit logboek',
        );
        // Most kills land around the transaction; some anywhere in the import (key derivation, checks).
        if (random() < 0.75) {
          const seen = await Promise.race([writing.then(() => true), page.waitForTimeout(20_000).then(() => false)]);
          if (seen) tally.atWrite++;
          await page.waitForTimeout(Math.floor(random() * 250));
        } else {
          await page.waitForTimeout(Math.floor(random() * 2000));
        }
      } else {
        tally.incidents++;
        const logbook = new LogbookPage(page);
        await logbook.openNewIncident();
        await logbook.fillIncident({
          knownVia: 'Een klasgenoot',
          types: ['sextortion'],
          schools: ['Atheneum'],
          description: `Incident van run ${run}.`,
        });
        await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
        await page.waitForTimeout(Math.floor(random() * 300));
      }
      await kill(context, page, dir, mode);
    }

    // Final tally of what the last check saw.
    const finalStore = await openRawStore(await readRawStore(page), testPassphrase);
    const finalIds = new Set(finalStore.records.map((r) => (r.ok ? r.record.id : r.id)));
    for (const file of files) {
      if (file.ids.every((id) => finalIds.has(id))) tally.complete++;
      else tally.absent++;
    }
    await context.close();
  } finally {
    await context.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }

  figure(
    `kill during write: runs=${RUNS} (imports=${tally.imports} of ${CASES_PER_IMPORT} cases × 10 parts, ` +
      `incidents=${tally.incidents}); kills: ${[...byMode.entries()].map(([m, n]) => `${m}=${n}`).join(', ')}; ` +
      `kills timed from the start of the write=${tally.atWrite}; ` +
      `imports complete=${tally.complete}, absent=${tally.absent}; failures=${failures.length}`,
  );
  expect(failures).toEqual([]);
});
