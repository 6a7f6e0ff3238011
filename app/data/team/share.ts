// Sharing a case inside the team (issue 21): share with a colleague, read who
// has access, withdraw access with a re-key. Team sharing follows the team's
// professional secrecy and is NOT a consent-based share ("Delen"): its own
// audit actions (case.team-shared / case.team-unshared, member id only).
//
// A case's rows are sealed under per-case keys (case-keys.ts); sharing grants
// every key the case's rows use, so the colleague can open every row. The
// case row's key is the one new writes use; withdrawing makes a new key for
// the case row (so every later write uses it), grants it to everyone who
// keeps access and deletes the removed person's grants. What the removed
// person already received stays readable to them: SECURITY.md "Team".
import { Dexie } from 'dexie';

import { grantId, sharedCasesSchema } from '../../../schema/team-share';
import type { SharedCases } from '../../../schema/team-share';
import type { Member } from '../../../schema/team';
import { holdsCaseKey } from '../case-key-lookup';
import { createCaseKey, readWrappedKey } from '../case-key-store';
import { unwrapCaseKey, wrapCaseKey } from '../case-keys';
import { decryptRecord, encryptRecord } from '../crypto';
import type { Sealed } from '../crypto';
import { db } from '../db';
import { openRecordRow, sealRecord } from '../records-io';
import { requireDataKey } from '../session';
import { appendAudit } from '../store';
import { toBase64 } from '../sync/codec';
import { markChanged } from '../sync/track';
import type { TeamDb } from './share-db';
import { GrantRefusedError, canReceiveCases, grantIsSigned, makeGrant, memberOf } from './share-grants';
import type { ShareTeam } from './share-grants';

export interface ShareContext extends ShareTeam {
  /** The team's cases database (`baken-team-<id>-cases`). */
  server: TeamDb;
}

// ---------------------------------------------------------------------------
// This device's list of shared cases (meta row, encrypted under the vault key)
// ---------------------------------------------------------------------------

const SHARED_KEY = 'teamSharedCases';
const SHARED_HEADER = { kind: 'team-shared-cases', id: SHARED_KEY, schemaVersion: 1 } as const;

export async function loadSharedCases(): Promise<SharedCases> {
  const key = requireDataKey();
  const value = (await Dexie.ignoreTransaction(() => db.meta.get(SHARED_KEY)))?.value as Sealed | undefined;
  if (!value) return {};
  try {
    return sharedCasesSchema.parse(await decryptRecord(key, SHARED_HEADER, value));
  } catch {
    return {};
  }
}

/** Changes the list of shared cases (read, change, write; the change runs on the latest stored list). */
let queue: Promise<unknown> = Promise.resolve();
export function updateSharedCases(change: (cases: SharedCases) => SharedCases | void): Promise<SharedCases> {
  const next = queue.then(async () => {
    const cases = await loadSharedCases();
    const updated = sharedCasesSchema.parse(change(cases) ?? cases);
    await db.meta.put({ key: SHARED_KEY, value: await encryptRecord(requireDataKey(), SHARED_HEADER, updated) });
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}

function addKeys(cases: SharedCases, caseId: string, keys: readonly string[], withdrawn?: boolean): void {
  const known = cases[caseId]?.keys ?? [];
  const owner = cases[caseId]?.owner;
  cases[caseId] = {
    keys: [...new Set([...known, ...keys])].slice(-50),
    ...(withdrawn ? { withdrawn: true } : {}),
    ...(owner ? { owner } : {}),
  };
}

// ---------------------------------------------------------------------------
// Case keys
// ---------------------------------------------------------------------------

/** The raw bytes of one of my case keys, to seal into a grant (the caller wipes them). */
async function rawCaseKey(vaultKey: CryptoKey, keyId: string): Promise<Uint8Array> {
  const row = await readWrappedKey(keyId);
  if (!row) throw new Error('case key missing');
  const key = await unwrapCaseKey(vaultKey, row, keyId, true);
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

/** Stores a received case key wrapped under my vault key, like my own case keys. */
export async function storeReceivedKey(vaultKey: CryptoKey, keyId: string, rawKey: Uint8Array): Promise<void> {
  if (await holdsCaseKey(keyId)) return;
  const key = await crypto.subtle.importKey('raw', rawKey as Uint8Array<ArrayBuffer>, 'AES-GCM', true, [
    'encrypt',
    'decrypt',
  ]);
  const wrapped = await wrapCaseKey(vaultKey, key, keyId);
  await db.caseKeys.put({ id: keyId, ...wrapped });
}

/** The case row's key id (the one new writes use); throws when the case is absent or not yet on a case key. */
async function currentKeyId(caseId: string): Promise<string> {
  const row = await db.records.get(caseId);
  if (row?.kind !== 'case' || row.k === undefined) throw new ShareError('case-not-ready');
  return row.k;
}

/** Every key id the case's rows are sealed under. */
async function keyIdsOf(caseId: string): Promise<string[]> {
  const ids = new Set<string>();
  await db.records
    .where('caseId')
    .equals(caseId)
    .each((row) => {
      if (row.k !== undefined && row.kind !== 'draft') ids.add(row.k);
    });
  return [...ids];
}

export class ShareError extends Error {
  constructor(readonly code: 'case-not-ready' | 'not-shared' | 'changed') {
    super(`Share failed: ${code}`);
    this.name = 'ShareError';
  }
}

async function putGrants(ctx: ShareContext, caseId: string, to: readonly string[], keyIds: readonly string[]) {
  const vaultKey = requireDataKey();
  for (const keyId of keyIds) {
    const raw = await rawCaseKey(vaultKey, keyId);
    try {
      for (const memberId of to) {
        const grant = await makeGrant(ctx, memberId, keyId, raw, caseId);
        const existing = await ctx.server.get(grant._id);
        await ctx.server.put({ ...grant, ...(existing?._rev ? { _rev: existing._rev } : {}) });
      }
    } finally {
      raw.fill(0);
    }
  }
}

// ---------------------------------------------------------------------------
// Share, access list, withdraw
// ---------------------------------------------------------------------------

/**
 * Shares a case with a colleague of the verified list (medewerker or
 * coördinator, never an auditor): grants every key of the case to them (and
 * the current key to me, so the access list names me too), marks the case as
 * shared on this device and writes a `case.team-shared` audit event.
 */
export async function shareCase(ctx: ShareContext, caseId: string, memberId: string): Promise<void> {
  const member = memberOf(ctx, memberId);
  if (!member) throw new GrantRefusedError('not-a-member');
  if (!canReceiveCases(member)) throw new GrantRefusedError('auditor');
  const current = await currentKeyId(caseId);
  const keys = await keyIdsOf(caseId);
  await putGrants(ctx, caseId, [ctx.identity.memberId], [current]);
  await putGrants(ctx, caseId, [memberId], keys);
  await updateSharedCases((cases) => addKeys(cases, caseId, keys));
  await appendAudit({ action: 'case.team-shared', caseId, details: { member: memberId } });
}

export interface AccessEntry {
  memberId: string;
  /** From the verified list; undefined when the person is no longer in it. */
  member: Member | undefined;
  me: boolean;
  /** Who made this grant (a member id). */
  from: string;
}

/** Who holds the case's current key: the signed grants on the server (online only). */
export async function readAccess(ctx: ShareContext, caseId: string): Promise<AccessEntry[]> {
  const keyId = await currentKeyId(caseId);
  const docs = await ctx.server.byPrefix(`grant-${keyId}-`);
  const out: AccessEntry[] = [];
  for (const doc of docs) {
    const grant = await grantIsSigned(ctx, doc);
    if (!grant || grant.k !== keyId) continue;
    out.push({
      memberId: grant.to,
      member: memberOf(ctx, grant.to),
      me: grant.to === ctx.identity.memberId,
      from: grant.from,
    });
  }
  return out;
}

/** A new key for the case row: every write from now on is sealed under it. Returns its id. */
async function rekeyCase(caseId: string): Promise<string> {
  const vaultKey = requireDataKey();
  const row = await db.records.get(caseId);
  if (row?.kind !== 'case' || row.k === undefined) throw new ShareError('case-not-ready');
  const opened = await openRecordRow(vaultKey, row);
  if (!opened.ok) throw new ShareError('case-not-ready');
  const created = await createCaseKey(vaultKey);
  const sealed = await sealRecord(created.key, opened.record, created.keyId);
  if (sealed.table !== 'records') throw new ShareError('case-not-ready');
  const mark = toBase64(row.iv);
  await db.transaction('rw', [db.records, db.caseKeys, db.sync], async () => {
    const now = await db.records.get(caseId);
    if (!now || toBase64(now.iv) !== mark) throw new ShareError('changed');
    await db.caseKeys.add(created.row);
    await db.records.put(sealed.row);
    // The worker's own devices get the re-sealed case row too (personal sync).
    await markChanged([caseId]);
  });
  return created.keyId;
}

export interface Withdrawn {
  newKeyId: string;
  /** Who keeps access (member ids, me included). */
  kept: string[];
}

/**
 * Withdraws a colleague's access: re-keys the case row (new key, new id),
 * grants the new key to everyone who keeps access, deletes the removed
 * person's grants (of every key of the case) and writes a
 * `case.team-unshared` audit event. The team round then pushes the case row
 * under the new key; everything the removed person already received stays on
 * their device.
 */
export async function withdrawAccess(ctx: ShareContext, caseId: string, memberId: string): Promise<Withdrawn> {
  const access = await readAccess(ctx, caseId);
  // Only the person who granted access withdraws it (a colleague's own access is not mine to end).
  if (!access.some((a) => a.memberId === memberId && a.from === ctx.identity.memberId && !a.me)) {
    throw new ShareError('not-shared');
  }
  const kept = [
    ...new Set([ctx.identity.memberId, ...access.map((a) => a.memberId).filter((id) => id !== memberId)]),
  ].filter((id) => {
    const m = memberOf(ctx, id);
    return m !== undefined && canReceiveCases(m);
  });
  const newKeyId = await rekeyCase(caseId);
  await putGrants(ctx, caseId, kept, [newKeyId]);
  for (const keyId of await keyIdsOf(caseId)) {
    const doc = await ctx.server.get(grantId(keyId, memberId));
    if (doc?._rev) await ctx.server.remove(doc._id, doc._rev);
  }
  await updateSharedCases((cases) => addKeys(cases, caseId, [newKeyId]));
  await appendAudit({ action: 'case.team-unshared', caseId, details: { member: memberId } });
  return { newKeyId, kept };
}

/**
 * People who left the team (no longer in the verified list) lose their access
 * to the cases THIS device shared with them: each such case is re-keyed
 * (withdrawAccess). Cases a colleague shared are re-keyed by that colleague's
 * device, so two devices do not re-key one case at once. Runs on the lead's
 * device right after a removal (E's memberRemovedHooks) and on every device
 * at its first share round after unlock and whenever the list's version
 * changes. Returns the ids of the cases re-keyed.
 */
export async function withdrawDeparted(ctx: ShareContext): Promise<string[]> {
  const done: string[] = [];
  for (const [caseId, entry] of Object.entries(await loadSharedCases())) {
    if (entry.withdrawn) continue;
    const access = await readAccess(ctx, caseId).catch(() => []);
    const gone = access.filter((a) => !a.member && a.from === ctx.identity.memberId);
    for (const a of gone) await withdrawAccess(ctx, caseId, a.memberId);
    if (gone.length > 0) done.push(caseId);
  }
  return done;
}
