// Erasure acknowledgements against the CouchDB-protocol test server. Its
// LevelDB store cannot purge, so `_purge` is answered by a stand-in that
// records the request (the request's shape is what CouchDB 3.5 documents).
import { beforeEach, describe, expect, it } from 'vitest';

import type { DeviceEntry } from '../../../schema/sync-config';
import { decryptRecord } from '../crypto';
import { requireDataKey } from '../session';
import { MAX_ACKED_IDS } from '../../../schema/sync-acks';
import { ackDocId, acknowledgeErased, purgeAcknowledged } from './erasure-acks';
import { couchClient } from './http';
import { fromBase64 } from './remote';
import { couchPerTest } from './test-couch-per-test';

const env = couchPerTest();
let purges: Array<Record<string, string[]>>;
let answer: number;

beforeEach(() => {
  purges = [];
  answer = 201;
});

function client() {
  const withPurge: typeof fetch = async (input, init) => {
    if (!String(input).endsWith('/_purge')) return fetch(input, init);
    purges.push(JSON.parse(String(init?.body)) as Record<string, string[]>);
    const body = answer === 201 ? { purge_seq: null, purged: {} } : { error: 'unauthorized' };
    return new Response(JSON.stringify(body), { status: answer });
  };
  return couchClient({ base: `${env.couch.url}${env.db}/`, account: 'anna', password: 'geheim', fetch: withPurge });
}

const at = '2026-03-12T09:30:00.000Z';
const devices: DeviceEntry[] = [
  { id: 'toestel-aaaa', name: 'Laptop', addedAt: at },
  { id: 'toestel-bbbb', name: 'Telefoon', addedAt: at },
  { id: 'toestel-cccc', name: 'Oude tablet', addedAt: at, removedAt: at },
];

/** A document written and then deleted the normal way; resolves the deletion's revision. */
async function erasedDoc(): Promise<{ id: string; rev: string }> {
  const id = crypto.randomUUID();
  const put = await env.couch.request('PUT', `${env.db}/${id}`, { k: 'vault', iv: 'aaaa', ct: 'bbbb', v: 1 });
  const created = (put.json as { rev: string }).rev;
  const del = await env.couch.request('DELETE', `${env.db}/${id}?rev=${created}`);
  return { id, rev: (del.json as { rev: string }).rev };
}

/** A device's list, read back and opened with the vault key (it is sealed on the server). */
async function ackIds(deviceId: string): Promise<string[]> {
  const doc = await client().getDoc(ackDocId(deviceId));
  if (!doc) return [];
  const plain = (await decryptRecord(
    requireDataKey(),
    { kind: 'sync-erasure-acks', id: ackDocId(deviceId), schemaVersion: 1 },
    { iv: fromBase64(String(doc['iv'])), data: fromBase64(String(doc['ct'])) },
  )) as { ids: string[] };
  return plain.ids;
}

describe('erasure acknowledgements', () => {
  it('purges a document only once every active device has acknowledged it, and then forgets the acknowledgements', async () => {
    const one = await erasedDoc();
    const two = await erasedDoc();
    const c = client();

    // Only this device has applied the erasures: the other active device has not, so nothing is purged.
    await acknowledgeErased(c, 'toestel-aaaa', [one.id, two.id]);
    expect(await purgeAcknowledged(c, 'toestel-aaaa', devices)).toEqual({ purged: [] });
    expect(purges).toEqual([]);

    // The phone applies the first one. The removed tablet never does, and is not awaited.
    await acknowledgeErased(c, 'toestel-bbbb', [one.id]);
    expect(await purgeAcknowledged(c, 'toestel-aaaa', devices)).toEqual({ purged: [one.id] });
    expect(purges).toEqual([{ [one.id]: [one.rev] }]);
    expect(await ackIds('toestel-aaaa')).toEqual([two.id]);
    expect(await ackIds('toestel-bbbb')).toEqual([]);
  });

  it('keeps only random ids, sealed: the server sees no id of an erased document in the acknowledgement', async () => {
    const one = await erasedDoc();
    await acknowledgeErased(client(), 'toestel-aaaa', [one.id]);
    await acknowledgeErased(client(), 'toestel-aaaa', [one.id]); // twice: stored once
    const raw = JSON.stringify((await env.couch.request('GET', `${env.db}/${ackDocId('toestel-aaaa')}`)).json);
    expect(raw).not.toContain(one.id);
    expect(Object.keys(JSON.parse(raw) as object).sort()).toEqual(['_id', '_rev', 'ct', 'iv', 'k', 'v']);
    expect(await ackIds('toestel-aaaa')).toEqual([one.id]);
  });

  it('never purges a document with a live leaf, and leaves everything in place when the server refuses', async () => {
    const erased = await erasedDoc();
    const liveId = crypto.randomUUID();
    await env.couch.request('PUT', `${env.db}/${liveId}`, { k: 'vault', iv: 'aaaa', ct: 'bbbb', v: 1 });
    const c = client();
    for (const d of ['toestel-aaaa', 'toestel-bbbb']) await acknowledgeErased(c, d, [erased.id, liveId]);

    answer = 401; // CouchDB 3.5 to anyone but a server admin
    expect(await purgeAcknowledged(c, 'toestel-aaaa', devices)).toBe('refused');
    expect(purges).toEqual([{ [erased.id]: [erased.rev] }]);
    expect(await ackIds('toestel-aaaa')).toEqual([erased.id, liveId]);

    answer = 201;
    expect(await purgeAcknowledged(c, 'toestel-aaaa', devices)).toEqual({ purged: [erased.id] });
    expect(purges[1]).toEqual({ [erased.id]: [erased.rev] });
    expect(await ackIds('toestel-aaaa')).toEqual([liveId]);
  });

  it("keeps a full list at half of CouchDB's 1 MiB document limit, dropping the oldest ids first", async () => {
    const ids = Array.from({ length: MAX_ACKED_IDS + 5 }, () => crypto.randomUUID());
    const bodies: number[] = [];
    const measuring: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && String(input).includes(ackDocId('toestel-aaaa'))) {
        bodies.push(new TextEncoder().encode(String(init.body)).byteLength);
      }
      return fetch(input, init);
    };
    const c = couchClient({
      base: `${env.couch.url}${env.db}/`,
      account: 'anna',
      password: 'geheim',
      fetch: measuring,
    });
    await acknowledgeErased(c, 'toestel-aaaa', ids);
    expect(await ackIds('toestel-aaaa')).toEqual(ids.slice(5));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toBeLessThan(0.55 * 1024 * 1024);
  });
});
