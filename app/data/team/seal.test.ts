import { describe, expect, it } from 'vitest';

import { utf8 } from '../crypto';
import { canonicalJson, keyFingerprint, openBox, publicJwk, sealTo, signJson, verifyJson } from './seal';

async function ecdhPair() {
  return crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
}
async function ecdsaPair() {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
}
const pub = async (key: CryptoKey) => crypto.subtle.exportKey('jwk', key);

describe('sealed boxes (ECDH P-256 → HKDF → AES-GCM)', () => {
  it('round-trips to the recipient, and each box uses a fresh ephemeral key', async () => {
    const me = await ecdhPair();
    const plain = utf8('case key bytes 0123456789abcdef');
    const box = await sealTo(await pub(me.publicKey), plain, 'baken/team-grant/v1|t|k1|m1');
    expect(await openBox(me.privateKey, box, 'baken/team-grant/v1|t|k1|m1')).toEqual(new Uint8Array(plain));
    const again = await sealTo(await pub(me.publicKey), plain, 'baken/team-grant/v1|t|k1|m1');
    expect(again.epk).not.toEqual(box.epk);
    expect(again.ct).not.toBe(box.ct);
    expect(Object.keys(box.epk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
  });

  it('fails with another AAD, another recipient or a changed byte', async () => {
    const me = await ecdhPair();
    const other = await ecdhPair();
    const box = await sealTo(await pub(me.publicKey), utf8('secret'), 'aad-1');
    await expect(openBox(me.privateKey, box, 'aad-2')).rejects.toThrow();
    await expect(openBox(other.privateKey, box, 'aad-1')).rejects.toThrow();
    const ct = atob(box.ct);
    const flipped = btoa(String.fromCharCode(ct.charCodeAt(0) ^ 1) + ct.slice(1));
    await expect(openBox(me.privateKey, { ...box, ct: flipped }, 'aad-1')).rejects.toThrow();
    const stranger = await ecdhPair();
    await expect(openBox(me.privateKey, { ...box, epk: await pub(stranger.publicKey) }, 'aad-1')).rejects.toThrow();
  });

  it('refuses a recipient key that is not a P-256 public key', async () => {
    await expect(sealTo({ kty: 'oct', k: 'AAAA' }, utf8('x'), 'a')).rejects.toThrow();
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order, has no spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson('é"\n')).toBe(JSON.stringify('é"\n'));
  });

  it('throws on values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ n: Infinity })).toThrow();
    expect(() => canonicalJson({ n: 1n })).toThrow();
  });
});

describe('signatures over canonical JSON', () => {
  it('verifies whatever the key order, and refuses a tampered value, another key or a bad signature', async () => {
    const me = await ecdsaPair();
    const other = await ecdsaPair();
    const value = { version: 2, members: [{ id: 'a', role: 'auditor' }], team: 'clb-gent' };
    const sig = await signJson(me.privateKey, value);
    const mine = await pub(me.publicKey);
    expect(await verifyJson(mine, value, sig)).toBe(true);
    expect(await verifyJson(mine, { team: 'clb-gent', members: [{ role: 'auditor', id: 'a' }], version: 2 }, sig)).toBe(
      true,
    );
    expect(await verifyJson(mine, { ...value, version: 3 }, sig)).toBe(false);
    expect(await verifyJson(mine, { ...value, members: [{ id: 'a', role: 'coordinator' }] }, sig)).toBe(false);
    expect(await verifyJson(await pub(other.publicKey), value, sig)).toBe(false);
    expect(await verifyJson(mine, value, 'not base64!')).toBe(false);
    expect(await verifyJson(mine, value, btoa('short'))).toBe(false);
    expect(await verifyJson({ kty: 'EC' }, value, sig)).toBe(false);
  });
});

describe('key fingerprints', () => {
  it('are stable, ignore extra JWK members, and differ between keys', async () => {
    const a = await ecdhPair();
    const b = await ecdhPair();
    const jwk = await pub(a.publicKey);
    const fp = await keyFingerprint(jwk);
    expect(fp).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    expect(await keyFingerprint(publicJwk(jwk))).toBe(fp);
    expect(await keyFingerprint({ ...jwk, key_ops: ['x'], ext: false })).toBe(fp);
    expect(await keyFingerprint(await pub(b.publicKey))).not.toBe(fp);
  });
});
