// Support code for the robustness suite (issue 10): persistent Chromium
// profiles that survive a kill, raw reads of the page's IndexedDB, and the
// Node-side check that every stored row still decrypts and validates (the
// same code the app runs: app/data/records-io.ts, with the data key opened
// from the stored keyring and the passphrase).
import { readdir, readFile } from 'node:fs/promises';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { BACKUP_PAYLOAD_TYPE, BACKUP_VERSION } from '../../schema/backup';
import {
  makeAssessment,
  makeCase,
  makeConsent,
  makeFollowUp,
  makeNote,
  makeParty,
  makeReferral,
  makeShareWithoutConsent,
  makeStepCheck,
} from '../../schema/factories';
import { currentSchemaVersion } from '../../schema/records';
import type { StoredRecord } from '../../schema/records';
import { openWithPassphrase, parseKeyring } from '../../app/data/keyring';
import { openAuditRow, openRecordRow } from '../../app/data/records-io';
import type { RecordResult } from '../../app/data/records-io';
import type { AuditRow, CaseKeyBundleRow, CaseKeyRow, IndexRow, RecordRow } from '../../app/data/db';
import { wrappedKeysOf } from '../../app/data/case-key-store';
import { unwrapCaseKey } from '../../app/data/case-keys';
import { chromiumArgs, findSystemChromium } from '../../scripts/chromium.mjs';
import { captureCspViolations } from '../fixtures';
import { phone } from '../pages/logbook-page';

/** Opens (or reopens) a disk-backed profile: IndexedDB and the service worker survive a kill. */
export async function launchProfile(dir: string, baseURL: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findSystemChromium() ?? undefined,
    args: chromiumArgs,
    baseURL,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    viewport: phone,
    serviceWorkers: 'allow',
    acceptDownloads: true,
  });
  await captureCspViolations(context);
  return context;
}

/**
 * The pid of the Chromium browser process of one profile: the process whose
 * command line names this (unique, temporary) profile directory and that is
 * not a child (no --type=). Only processes this test started match.
 */
export async function browserPid(dir: string): Promise<number | null> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = cmdline.split('\0');
    if (args.includes(`--user-data-dir=${dir}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  return null;
}

export type KillMode = 'sigkill-browser' | 'close-context' | 'crash-renderer' | 'close-page';

/** Ends the browser or page the hard way, at this very moment. */
export async function kill(context: BrowserContext, page: Page, dir: string, mode: KillMode): Promise<void> {
  if (mode === 'sigkill-browser') {
    const pid = await browserPid(dir);
    if (pid === null) throw new Error('no browser process for this profile');
    process.kill(pid, 'SIGKILL');
  } else if (mode === 'crash-renderer') {
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash', { timeout: 10_000 }).catch(() => undefined);
    // Page.crash never answers: the renderer is gone.
    cdp.send('Page.crash').catch(() => undefined);
    await crashed;
  } else if (mode === 'close-page') {
    await page.close({ runBeforeUnload: false });
  }
  await context.close().catch(() => undefined);
}

// ---------------------------------------------------------------------------
// Raw IndexedDB
// ---------------------------------------------------------------------------

export interface RawStore {
  meta: Array<{ key: string; value: unknown }>;
  records: RecordRow[];
  audit: AuditRow[];
  /** Wrapped per-case keys (db.version(3)), in rows of their own or in bundles; empty in an older database. */
  caseKeys: Array<CaseKeyRow | CaseKeyBundleRow>;
  /** The encrypted case index (head and shards); empty before db.version(4). */
  caseIndex: IndexRow[];
}

/** Bytes travel out of the page as base64 (`{ __b64 }`), much lighter than number arrays. */
function untag(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untag);
  if (value && typeof value === 'object') {
    if ('__b64' in value && typeof (value as { __b64: unknown }).__b64 === 'string') {
      return new Uint8Array(Buffer.from((value as { __b64: string }).__b64, 'base64'));
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, untag(v)]));
  }
  return value;
}

/** Every row of the app's database, read in one transaction with the plain IndexedDB API. */
export async function readRawStore(page: Page): Promise<RawStore> {
  const tagged = await page.evaluate(async () => {
    const b64 = (bytes: Uint8Array): string => {
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    };
    const tag = (v: unknown): unknown => {
      if (v instanceof Uint8Array) return { __b64: b64(v) };
      if (v instanceof ArrayBuffer) return { __b64: b64(new Uint8Array(v)) };
      if (Array.isArray(v)) return v.map(tag);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tag(x)]));
      return v;
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('baken');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const stores = ['meta', 'records', 'audit', 'caseKeys', 'caseIndex'].filter((name) =>
        db.objectStoreNames.contains(name),
      );
      const tx = db.transaction(stores, 'readonly');
      const all = (name: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          if (!stores.includes(name)) return resolve([]);
          const request = tx.objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
      const [meta, records, audit, caseKeys, caseIndex] = await Promise.all([
        all('meta'),
        all('records'),
        all('audit'),
        all('caseKeys'),
        all('caseIndex'),
      ]);
      return tag({ meta, records, audit, caseKeys, caseIndex });
    } finally {
      db.close();
    }
  });
  return untag(tagged) as RawStore;
}

/** Flips one bit of one byte in the ciphertext of a stored record (the attack of issue 10, test 5). */
export async function flipCiphertextByte(page: Page, id: string, at = 20): Promise<void> {
  await page.evaluate(
    async ({ id, at }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('baken');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('records', 'readwrite');
          const store = tx.objectStore('records');
          const get = store.get(id);
          get.onsuccess = () => {
            const row = get.result as { data: Uint8Array } | undefined;
            if (!row) return reject(new Error(`no row ${id}`));
            const data = new Uint8Array(row.data);
            const i = at % data.byteLength;
            data[i] = (data[i] ?? 0) ^ 0x01;
            store.put({ ...row, data });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { id, at },
  );
}

export interface OpenedStore {
  records: RecordResult[];
  audit: RecordResult[];
  damaged: Array<{ id: string; kind: string }>;
  auditHead: { seq: number; hash: string } | null;
}

/** Decrypts and validates every row in Node, exactly as the app does, with the key opened from the passphrase. */
export async function openRawStore(raw: RawStore, passphrase: string): Promise<OpenedStore> {
  const keyringRow = raw.meta.find((m) => m.key === 'keyring');
  if (!keyringRow) throw new Error('no keyring in the store');
  const key = await openWithPassphrase(parseKeyring(keyringRow.value), passphrase);
  // Per-case keys come from the copied caseKeys rows (bundles too), unwrapped with the vault key (no app session here).
  const wrapped = wrappedKeysOf(raw.caseKeys);
  const caseKeyOf = async (vaultKey: CryptoKey, keyId: string): Promise<CryptoKey> => {
    const row = wrapped.get(keyId);
    if (!row) throw new Error(`no wrapped key ${keyId}`);
    return unwrapCaseKey(vaultKey, row, keyId);
  };
  const records = await Promise.all(raw.records.map((row) => openRecordRow(key, row, caseKeyOf)));
  const audit = await Promise.all(raw.audit.map((row) => openAuditRow(key, row)));
  const damaged = [...records, ...audit].flatMap((r) => (r.ok ? [] : [{ id: r.id, kind: r.kind }]));
  const head = raw.meta.find((m) => m.key === 'auditHead')?.value as { seq: number; hash: string } | undefined;
  return { records, audit, damaged, auditHead: head ?? null };
}

// ---------------------------------------------------------------------------
// Backup files made in Node (same format and code as the app)
// ---------------------------------------------------------------------------

/** One case with a part of every kind (10 records), fresh ids, unique reference. */
export function caseWithParts(reference: string, marker: string): StoredRecord[] {
  const kase = makeCase({ reference, description: `Dossier ${marker}.` });
  const caseId = kase.id;
  const a = makeParty({ caseId, pseudonym: 'Jongere A', realName: `Naam ${marker}` });
  const b = makeParty({ caseId, pseudonym: 'Jongere B', role: 'jongere-die-doorstuurde' });
  return [
    kase,
    a,
    b,
    makeConsent({ caseId, partyId: a.id }),
    makeShareWithoutConsent({ caseId, partyId: b.id }),
    makeAssessment({ caseId }),
    makeNote({ caseId, text: `Gesprek ${marker}.` }),
    makeFollowUp({ caseId }),
    makeReferral({ caseId }),
    makeStepCheck({ caseId }),
  ];
}

export function backupPayload(records: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: BACKUP_PAYLOAD_TYPE,
    version: BACKUP_VERSION,
    createdAt: '2026-03-12T09:30:00.000Z',
    scope: 'cases',
    schemaVersions: { ...currentSchemaVersion },
    records,
    audit: [],
    ...extra,
  });
}

/** Prints one figure line, so it shows in CI output. */
export function figure(text: string): void {
  console.log(`[robust] ${text}`);
}
