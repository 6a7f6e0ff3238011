// Public-key primitives for the team (issue 21), WebCrypto only, P-256:
// - a sealed box: a key (or any bytes) encrypted to one member's ECDH key with
//   a fresh ephemeral key pair (ECDH → HKDF-SHA-256 → AES-GCM-256), bound to an
//   AAD naming what it is for, so a box cannot be moved to another use;
// - signatures over canonical JSON (ECDSA P-256 / SHA-256), so a signed value
//   verifies whatever key order it was parsed with;
// - a key fingerprint people can compare aloud.
import { randomBytes, utf8 } from '../crypto';
import type { Bytes } from '../crypto';
import { fromBase64, toBase64 } from '../sync/codec';
import { p256PublicJwkSchema, type P256PublicJwk } from '../../../schema/team';

export interface SealedBox {
  epk: JsonWebKey;
  /** base64 */
  iv: string;
  /** base64 */
  ct: string;
}

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const HKDF_INFO = utf8('baken/seal/v1');
// HKDF salt: fixed and public; the ephemeral key makes every box key unique.
const HKDF_SALT = new Uint8Array(32);
const IV_BYTES = 12;

/** Only the public members of a P-256 JWK ({crv, kty, x, y}); throws when it is not one. */
export function publicJwk(jwk: JsonWebKey): P256PublicJwk {
  const { crv, kty, x, y } = p256PublicJwkSchema.parse(jwk);
  return { crv, kty, x, y };
}

function importEcdhPublic(jwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', publicJwk(jwk), ECDH, false, []);
}

async function boxKey(priv: CryptoKey, pub: CryptoKey, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: pub }, priv, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: HKDF_INFO },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Encrypts `plain` so only the holder of `recipientEcdh`'s private key can open it, bound to `aad`. */
export async function sealTo(recipientEcdh: JsonWebKey, plain: Uint8Array, aad: string): Promise<SealedBox> {
  const recipient = await importEcdhPublic(recipientEcdh);
  const ephemeral = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const key = await boxKey(ephemeral.privateKey, recipient, 'encrypt');
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, plain as Bytes);
  const epk = publicJwk(await crypto.subtle.exportKey('jwk', ephemeral.publicKey));
  return { epk, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Opens a box sealed to this member; rejects when the key, the AAD or any byte does not match. */
export async function openBox(myEcdhPrivate: CryptoKey, box: SealedBox, aad: string): Promise<Uint8Array> {
  const epk = await importEcdhPublic(box.epk);
  const key = await boxKey(myEcdhPrivate, epk, 'decrypt');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(box.iv), additionalData: utf8(aad) },
    key,
    fromBase64(box.ct),
  );
  return new Uint8Array(plain);
}

/**
 * JSON with object keys sorted (by UTF-16 code unit) and no spaces; arrays keep
 * their order; object members that are undefined are left out (as JSON does).
 * Throws on values JSON cannot represent faithfully (NaN, Infinity, bigint, functions).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: not a finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

/** Signs canonicalJson(value) with this member's ECDSA key; the signature (64 bytes, r‖s) in base64. */
export async function signJson(myEcdsaPrivate: CryptoKey, value: unknown): Promise<string> {
  const sig = await crypto.subtle.sign(SIGN, myEcdsaPrivate, utf8(canonicalJson(value)));
  return toBase64(new Uint8Array(sig));
}

/** Whether `sig` is `ecdsa`'s signature over canonicalJson(value); false (never throws) on any malformed input. */
export async function verifyJson(ecdsa: JsonWebKey, value: unknown, sig: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('jwk', publicJwk(ecdsa), ECDSA, false, ['verify']);
    const bytes = fromBase64(sig);
    if (bytes.byteLength !== 64) return false;
    return await crypto.subtle.verify(SIGN, key, bytes, utf8(canonicalJson(value)));
  } catch {
    return false;
  }
}

/**
 * SHA-256 over canonical {crv, kty, x, y}: the first 128 bits as 8 groups of 4
 * upper-case hex digits ("3F2A 9C01 …"), for two people to compare by reading.
 */
export async function keyFingerprint(jwk: JsonWebKey): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(canonicalJson(publicJwk(jwk)))));
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
  return hex.match(/.{4}/g)!.join(' ');
}
