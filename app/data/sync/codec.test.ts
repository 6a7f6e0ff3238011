import { describe, expect, it } from 'vitest';

import { makeAuditEvent, makeCase, makeFollowUp, makeNote, makeParty } from '../../../schema/factories';
import { generateDataKey } from '../crypto';
import { ENVELOPE_VERSION, decodeDoc, encodeDoc, fromBase64, paddedLength, toBase64 } from './codec';
import type { SyncDoc } from './codec';

async function keyring() {
  const key = await generateDataKey();
  return { key, keys: (id: string) => (id === 'vault' ? key : undefined) };
}

describe('sync document codec', () => {
  it('round-trips records, audit events and conflicts', async () => {
    const { key, keys } = await keyring();
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    const audit = makeAuditEvent({ caseId: kase.id });
    for (const payload of [
      { t: 'records', record: kase },
      { t: 'records', record: note },
      { t: 'audit', record: audit },
    ] as const) {
      const doc = await encodeDoc(key, payload);
      expect(doc._id).toBe(payload.record.id);
      expect(Object.keys(doc).sort()).toEqual(['_id', 'ct', 'iv', 'k', 'v']);
      expect(doc.v).toBe(ENVELOPE_VERSION);
      expect(await decodeDoc(keys, { ...doc, _rev: '1-abc' })).toEqual({ ok: true, payload });
    }
  });

  it('holds no marker text, name, date, kind or case id in the encoded document', async () => {
    const { key } = await keyring();
    const kase = makeCase({ description: 'MARKER-DESCRIPTION', schools: ['MARKER-SCHOOL'] });
    const party = makeParty({ caseId: kase.id, realName: 'MARKER-Vandenberghe', pseudonym: 'MARKER-P' });
    const follow = makeFollowUp({ caseId: kase.id, due: '2031-07-14', purpose: 'MARKER-PURPOSE' });
    for (const record of [kase, party, follow]) {
      const doc = await encodeDoc(key, { t: 'records', record });
      const text = JSON.stringify(doc) + new TextDecoder('latin1').decode(fromBase64(doc.ct));
      expect(text).not.toContain('MARKER');
      expect(text).not.toContain('Vandenberghe');
      expect(text).not.toContain('2031');
      expect(text).not.toContain(record.kind);
      if (record.id !== kase.id) expect(text).not.toContain(kase.id);
      expect(text).not.toContain('updatedAt');
    }
  });

  it('pads the ciphertext to size buckets', async () => {
    const { key } = await keyring();
    const short = await encodeDoc(key, { t: 'records', record: makeCase({ description: 'a' }) });
    const longer = await encodeDoc(key, { t: 'records', record: makeCase({ description: 'a'.repeat(60) }) });
    expect(fromBase64(short.ct).byteLength).toBe(fromBase64(longer.ct).byteLength);
    expect([512, 1024, 2048]).toContain(fromBase64(short.ct).byteLength - 16);
    expect(paddedLength(511)).toBe(512);
    expect(paddedLength(512)).toBe(1024);
    expect(paddedLength(70_000)).toBe(131_072);
  });

  it('refuses a ciphertext moved to another id', async () => {
    const { key, keys } = await keyring();
    const a = await encodeDoc(key, { t: 'records', record: makeCase() });
    const b = await encodeDoc(key, { t: 'records', record: makeCase() });
    const moved: SyncDoc = { ...b, iv: a.iv, ct: a.ct };
    expect(await decodeDoc(keys, moved)).toEqual({ ok: false, id: b._id, problem: 'ontcijfering' });
  });

  it('refuses a tampered ciphertext, a relabelled key id or version, and a malformed document', async () => {
    const { key, keys } = await keyring();
    const doc = await encodeDoc(key, { t: 'records', record: makeCase() });
    const bytes = fromBase64(doc.ct);
    bytes[3] = (bytes[3] ?? 0) ^ 1;
    expect(await decodeDoc(keys, { ...doc, ct: toBase64(bytes) })).toMatchObject({
      ok: false,
      problem: 'ontcijfering',
    });
    expect(await decodeDoc(keys, { ...doc, k: 'other' })).toMatchObject({ ok: false, problem: 'sleutel' });
    expect(await decodeDoc(keys, { ...doc, v: 2 })).toMatchObject({ ok: false, problem: 'versie' });
    expect(await decodeDoc(keys, { ...doc, kind: 'case' })).toMatchObject({ ok: false, problem: 'vorm' });
    expect(await decodeDoc(keys, 'nonsense')).toMatchObject({ ok: false, problem: 'vorm' });
  });

  it('refuses a document whose inner record names another id, fails validation or holds image data', async () => {
    const { key, keys } = await keyring();
    const kase = makeCase();
    const other = makeCase();
    // Encode a record under another document id by hand (same key, valid AAD).
    const forge = async (id: string, value: unknown) => {
      const real = await encodeDoc(key, { t: 'records', record: { ...kase, id } });
      const json = new TextEncoder().encode(JSON.stringify(value));
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(`baken/sync/v1|${id}|vault`) },
        key,
        json,
      );
      return { ...real, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
    };
    expect(await decodeDoc(keys, await forge(other.id, { t: 'records', r: kase }))).toMatchObject({
      ok: false,
      problem: 'inhoud',
    });
    expect(await decodeDoc(keys, await forge(kase.id, { t: 'records', r: { ...kase, status: 'x' } }))).toMatchObject({
      ok: false,
      problem: 'inhoud',
    });
    expect(await decodeDoc(keys, await forge(kase.id, { t: 'audit', r: kase }))).toMatchObject({
      ok: false,
      problem: 'inhoud',
    });
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    expect(
      await decodeDoc(keys, await forge(kase.id, { t: 'records', r: { ...kase, description: png } })),
    ).toMatchObject({ ok: false, problem: 'beeld' });
  });
});
