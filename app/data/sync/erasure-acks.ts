// Purging erased documents with several devices (issue 20). A purged document
// vanishes from _changes, so it may leave the server only once every active
// device has applied its deletion. Each device keeps one acknowledgement
// document `baken-erased-<deviceId>` in the worker's database: a sealed list
// (vault data key, AAD binding the document id, like the device list) of the
// erased document ids it has applied. Random ids only, and only sealed: the
// server cannot tell which of them was a case. When every active device's
// list holds an id, a device whose account may purge (CouchDB 3.5: a server
// admin) purges that document's leaf revisions (only when every leaf is a
// deletion) and takes the id out of every list. The replicator skips these
// documents (not a record id); this module reads and writes them directly.
import { acknowledgedByAll, erasureAcksSchema, MAX_ACKED_IDS, type ErasureAcks } from '../../../schema/sync-acks';
import type { DeviceEntry } from '../../../schema/sync-config';
import { decryptRecord, encryptRecord } from '../crypto';
import { requireDataKey } from '../session';
import { fromBase64, toBase64 } from './remote';
import type { CouchClient } from './http';

export const ACK_DOC_PREFIX = 'baken-erased-';
const MAX_ATTEMPTS = 8;
/** Leaf lookups per purge pass: one GET each, so a long backlog is worked off over several rounds. */
const PURGE_PER_PASS = 200;

export function ackDocId(deviceId: string): string {
  return `${ACK_DOC_PREFIX}${deviceId}`;
}

const header = (id: string) => ({ kind: 'sync-erasure-acks', id, schemaVersion: 1 }) as const;

type AckClient = Pick<CouchClient, 'getDoc' | 'putDoc' | 'leaves' | 'purge'>;

async function read(client: AckClient, id: string): Promise<{ acks: ErasureAcks; rev?: string }> {
  const doc = await client.getDoc(id);
  if (!doc || typeof doc['iv'] !== 'string' || typeof doc['ct'] !== 'string') return { acks: { ids: [] } };
  const plain = await decryptRecord(requireDataKey(), header(id), {
    iv: fromBase64(doc['iv']),
    data: fromBase64(doc['ct']),
  });
  return { acks: erasureAcksSchema.parse(plain), ...(typeof doc['_rev'] === 'string' ? { rev: doc['_rev'] } : {}) };
}

async function update(client: AckClient, id: string, change: (ids: string[]) => string[]): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { acks, rev } = await read(client, id);
    const ids = change(acks.ids);
    if (ids.length === acks.ids.length && ids.every((x, i) => x === acks.ids[i])) return;
    const next = erasureAcksSchema.parse({ ids });
    const sealed = await encryptRecord(requireDataKey(), header(id), next);
    const doc = {
      _id: id,
      ...(rev ? { _rev: rev } : {}),
      k: 'vault',
      iv: toBase64(sealed.iv),
      ct: toBase64(sealed.data),
      v: 1,
    };
    // Another device wrote in between (it pruned purged ids): read again and re-apply.
    if ((await client.putDoc(doc)) === 'ok') return;
  }
  throw new Error('erasure acknowledgements: too many conflicting writes');
}

/** Records that this device has applied the deletion of `ids` (its rows are gone). */
export async function acknowledgeErased(client: AckClient, deviceId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await update(client, ackDocId(deviceId), (current) => {
    const known = new Set(current);
    const added = ids.filter((id) => !known.has(id) && (known.add(id), true));
    // Oldest first out when the list is full: such an id then simply waits for a later erasure pass.
    return [...current, ...added].slice(-MAX_ACKED_IDS);
  });
}

export type PurgeOutcome = { purged: string[] } | 'refused';

/**
 * Purges the documents every active device has acknowledged, then takes them out of every list.
 * `devices` is the device list (removed devices included); `deviceId` is this device.
 */
export async function purgeAcknowledged(
  client: AckClient,
  deviceId: string,
  devices: readonly DeviceEntry[],
): Promise<PurgeOutcome> {
  const own = (await read(client, ackDocId(deviceId))).acks.ids;
  if (own.length === 0) return { purged: [] };
  const others: Array<Set<string>> = [];
  for (const d of devices) {
    if (d.id === deviceId || d.removedAt) continue;
    others.push(new Set((await read(client, ackDocId(d.id))).acks.ids));
  }
  const ready = acknowledgedByAll(own, others).slice(0, PURGE_PER_PASS);
  const revs: Record<string, string[]> = {};
  const gone: string[] = [];
  for (const id of ready) {
    const leaves = await client.leaves(id);
    const docs = leaves.flatMap((l) => ('ok' in l ? [l.ok] : []));
    if (docs.length === 0) {
      gone.push(id); // already purged (or never reached this server): only the acknowledgements remain
      continue;
    }
    // A live leaf means someone wrote the document again: it is not erased, so it stays.
    if (docs.some((d) => d['_deleted'] !== true)) continue;
    revs[id] = docs.map((d) => String(d['_rev']));
  }
  if (Object.keys(revs).length > 0 && (await client.purge(revs)) === 'refused') return 'refused';
  const purged = [...Object.keys(revs), ...gone];
  if (purged.length === 0) return { purged };
  const done = new Set(purged);
  for (const d of devices) await update(client, ackDocId(d.id), (ids) => ids.filter((id) => !done.has(id)));
  return { purged };
}
