// Erasing a shared case (issue 21). Two different things, and the case page
// says which one before the worker confirms:
// - the case's OWNER (who shared it from their logbook; `owner` absent in my
//   shared-cases entry) erases it for every holder: a signed erase notice
//   `erase-<keyId>` goes to the team's cases database, the case's documents
//   and grants there are deleted, and the case is erased here (crypto-shredding).
//   Each holder's device, on reading the notice, checks the owner's signature
//   and erases its copy the same way;
// - anyone else gives up their own copy and access: their grants are deleted
//   and the case is erased on their device; the others keep the case.
// Both write an audit event (case.team-erased / case.team-left) next to the
// usual case.erased. Team accounts are not database admins, so nothing is
// purged: CouchDB keeps deletion stubs (SECURITY.md says what remains).
import { ERASE_PREFIX, eraseNoticeBody, eraseNoticeSchema, grantId } from '../../../schema/team-share';
import type { SharedCase, SharedCases } from '../../../schema/team-share';
import { holdsCaseKey } from '../case-key-lookup';
import { db } from '../db';
import { appendAudit, eraseCase } from '../store';
import type { ShareContext } from './share';
import { loadSharedCases, updateSharedCases } from './share';
import { memberOf } from './share-grants';
import { signJson, verifyJson } from './seal';

export type EraseRole = 'owner' | 'holder';

export class ShareEraseError extends Error {
  constructor(readonly code: 'not-shared') {
    super(`Erase failed: ${code}`);
    this.name = 'ShareEraseError';
  }
}

/** Whether erasing erases the case for everyone (owner) or only my copy (holder); null: not a shared case. */
export function eraseRoleOfEntry(entry: SharedCase | undefined): EraseRole | null {
  if (!entry) return null;
  // A withdrawn person is no longer part of the case: erasing is their own copy only.
  return entry.owner === undefined && entry.withdrawn !== true ? 'owner' : 'holder';
}

export async function eraseRoleOf(caseId: string): Promise<EraseRole | null> {
  return eraseRoleOfEntry((await loadSharedCases())[caseId]);
}

async function allKeyIds(caseId: string, cases: SharedCases): Promise<string[]> {
  const ids = new Set(cases[caseId]?.keys ?? []);
  await db.records
    .where('caseId')
    .equals(caseId)
    .each((row) => {
      if (row.k !== undefined) ids.add(row.k);
    });
  return [...ids];
}

async function markGone(caseId: string): Promise<void> {
  await updateSharedCases((cases) => {
    const entry = cases[caseId];
    if (entry) cases[caseId] = { ...entry, withdrawn: true };
  });
  await db.teamSync.where('caseId').equals(caseId).delete();
}

/**
 * Erases a shared case as `eraseRoleOf` says (online: the team database is
 * written first, so a failure there leaves the case untouched here).
 */
export async function eraseSharedCase(ctx: ShareContext, caseId: string): Promise<EraseRole> {
  const role = await eraseRoleOf(caseId);
  if (!role) throw new ShareEraseError('not-shared');
  const cases = await loadSharedCases();
  const keyIds = await allKeyIds(caseId, cases);
  const me = ctx.identity.memberId;
  if (role === 'owner') {
    const current = (await db.records.get(caseId))?.k ?? keyIds.at(-1);
    if (!current) throw new ShareEraseError('not-shared');
    // The notice first: a holder who is offline now learns of the erasure later.
    const notice = { _id: `${ERASE_PREFIX}${current}`, k: current, by: me };
    const sig = await signJson(ctx.identity.ecdsaPrivate, eraseNoticeBody(ctx.team, notice));
    const existing = await ctx.server.get(notice._id);
    await ctx.server.put({ ...notice, sig, ...(existing?._rev ? { _rev: existing._rev } : {}) });
    // Then every document of the case the team database holds (mine and my colleagues', also those not
    // pulled here yet: found by their key id), and every grant.
    const ids = new Set([caseId, ...(await db.records.where('caseId').equals(caseId).primaryKeys())]);
    for (let since: string | number = 0; ;) {
      const { results, last_seq: last } = await ctx.server.changes(since, 500);
      for (const change of results) {
        if (change.deleted || change.id.startsWith(ERASE_PREFIX)) continue;
        if (keyIds.includes(String(change.doc?.['k']))) ids.add(change.id);
      }
      if (results.length < 500 || last === since) break;
      since = last;
    }
    for (const id of ids) {
      const doc = await ctx.server.get(id);
      if (doc?._rev) await ctx.server.remove(id, doc._rev);
    }
    for (const keyId of keyIds) {
      for (const grant of await ctx.server.byPrefix(`grant-${keyId}-`)) {
        if (grant._rev) await ctx.server.remove(grant._id, grant._rev);
      }
    }
  } else {
    for (const keyId of keyIds) {
      const grant = await ctx.server.get(grantId(keyId, me));
      if (grant?._rev) await ctx.server.remove(grant._id, grant._rev);
    }
  }
  await eraseCase(caseId);
  await markGone(caseId);
  await appendAudit(
    role === 'owner'
      ? { action: 'case.team-erased', caseId, details: { member: me } }
      : { action: 'case.team-left', caseId },
  );
  return role;
}

/**
 * A pulled erase notice: when it names a key of a case I hold and is signed by
 * that case's owner (a member of the verified list), my copy is erased. Returns
 * the erased case id, or null (not mine, unsigned, or signed by someone else).
 */
export async function applyEraseNotice(ctx: ShareContext, doc: unknown): Promise<string | null> {
  const parsed = eraseNoticeSchema.safeParse(doc);
  if (!parsed.success || parsed.data._id !== `${ERASE_PREFIX}${parsed.data.k}`) return null;
  const notice = parsed.data;
  const cases = await loadSharedCases();
  const caseId = Object.entries(cases).find(([, e]) => e.keys.includes(notice.k))?.[0];
  const entry = caseId ? cases[caseId] : undefined;
  if (!caseId || !entry || notice.by === ctx.identity.memberId) return null;
  // Only the person who shared the case with me may erase my copy of it.
  if (entry.owner !== notice.by) return null;
  const signer = memberOf(ctx, notice.by);
  if (!signer || !(await verifyJson(signer.ecdsa, eraseNoticeBody(ctx.team, notice), notice.sig))) return null;
  if (!(await db.records.get(caseId))) {
    await markGone(caseId);
    return null;
  }
  await eraseCase(caseId);
  await markGone(caseId);
  await appendAudit({ action: 'case.team-erased', caseId, details: { member: notice.by } });
  return caseId;
}

/**
 * A shared case erased here with the ordinary "Dossier wissen" (not through
 * "Toegang"): that erases my copy only, so it becomes giving up my access. A
 * case counts as erased here when its row and every key of it are gone (a case
 * whose grant arrived but whose rows did not yet still has its key).
 */
export async function leaveErasedHere(ctx: ShareContext): Promise<string[]> {
  const left: string[] = [];
  for (const [caseId, entry] of Object.entries(await loadSharedCases())) {
    if (entry.withdrawn || (await db.records.get(caseId))) continue;
    if (await holdsCaseKey(...entry.keys)) continue;
    for (const keyId of entry.keys) {
      const grant = await ctx.server.get(grantId(keyId, ctx.identity.memberId));
      if (grant?._rev) await ctx.server.remove(grant._id, grant._rev);
    }
    await markGone(caseId);
    await appendAudit({ action: 'case.team-left', caseId });
    left.push(caseId);
  }
  return left;
}
