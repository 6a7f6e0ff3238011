// Documents under a team key (issue 21, coordinator and auditor): the
// coordination key (coord db: coordination records, pick-up requests, per-member
// counts) and the figures key (figures db: signed team figures). Same envelope
// as personal sync ({ _id, _rev, k, iv, ct, v }, sync/codec.ts), with its own
// AAD binding the team, the document id and the key id, so a ciphertext moved
// to another document, team or key no longer decrypts. The plaintext names
// what it is (`t`) and is padded to the sync size buckets; it is validated with
// zod after every decrypt and checked by the image guard.
import { z } from 'zod';

import { findImageData } from '../../../schema/image-data';
import { coordRecordSchema, pickupRequestSchema } from '../../../schema/team-coord';
import type { CoordRecord, PickupRequest } from '../../../schema/team-coord';
import { memberCountsSchema, signedTeamFiguresSchema } from '../../../schema/team-figures';
import type { MemberCounts, SignedTeamFigures } from '../../../schema/team-figures';
import { randomBytes, utf8 } from '../crypto';
import { fromBase64, paddedLength, toBase64 } from '../sync/codec';

const DOC_VERSION = 1;
const IV_BYTES = 12;

/** What a team document holds, by its `t`. */
export type TeamPayload =
  | { t: 'coord'; r: CoordRecord }
  | { t: 'pickup'; r: PickupRequest }
  | { t: 'counts'; r: MemberCounts }
  | { t: 'figures'; r: SignedTeamFigures };

const payloadSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('coord'), r: coordRecordSchema }),
  z.strictObject({ t: z.literal('pickup'), r: pickupRequestSchema }),
  z.strictObject({ t: z.literal('counts'), r: memberCountsSchema }),
  z.strictObject({ t: z.literal('figures'), r: signedTeamFiguresSchema }),
]);

export const teamDocSchema = z.object({
  _id: z.string().regex(/^(coord|pickup|counts|figures)-[A-Za-z0-9_-]{1,64}$/),
  _rev: z.string().optional(),
  k: z.string().regex(/^(coord|fig)-\d{1,6}$/),
  iv: z.base64(),
  ct: z.base64(),
  v: z.literal(DOC_VERSION),
});
export type TeamDoc = z.infer<typeof teamDocSchema>;

/** A team key in memory: its generation, the AES-GCM key and (coordination key) the id key. */
export interface TeamKey {
  /** `coord-<gen>` or `fig-<gen>`: the key id in documents. */
  id: string;
  gen: number;
  aes: CryptoKey;
  /** HMAC-SHA-256 key for stable document ids that do not reveal a case id. */
  ids: CryptoKey;
}

function docAad(team: string, id: string, k: string): Uint8Array<ArrayBuffer> {
  return utf8(`baken/team-doc/v${DOC_VERSION}|${team}|${id}|${k}`);
}

/** Which `t` a document id prefix may hold: a coord-… document can never be read as figures. */
function kindOfId(id: string): TeamPayload['t'] {
  return id.slice(0, id.indexOf('-')) as TeamPayload['t'];
}

/** Encrypts a validated payload into a document body (no _rev). */
export async function encodeTeamDoc(team: string, key: TeamKey, id: string, payload: TeamPayload): Promise<TeamDoc> {
  const valid = payloadSchema.parse(payload);
  if (kindOfId(id) !== valid.t) throw new Error(`A ${valid.t} payload cannot go in ${id}`);
  if (findImageData(valid.r) !== null) throw new Error('Image data refused');
  const json = utf8(JSON.stringify(valid));
  const padded = new Uint8Array(paddedLength(json.byteLength)).fill(0x20);
  padded.set(json);
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: docAad(team, id, key.id) },
    key.aes,
    padded,
  );
  return teamDocSchema.parse({
    _id: id,
    k: key.id,
    iv: toBase64(iv),
    ct: toBase64(new Uint8Array(ct)),
    v: DOC_VERSION,
  });
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decrypts and validates one received document; null (never throws) when anything does not hold. */
export async function decodeTeamDoc(
  team: string,
  keys: (keyId: string) => TeamKey | undefined,
  raw: unknown,
): Promise<TeamPayload | null> {
  const parsed = teamDocSchema.safeParse(raw);
  if (!parsed.success) return null;
  const doc = parsed.data;
  const key = keys(doc.k);
  if (!key) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(doc.iv), additionalData: docAad(team, doc._id, doc.k) },
      key.aes,
      fromBase64(doc.ct),
    );
    const value = JSON.parse(decoder.decode(plain)) as unknown;
    if (findImageData(value) !== null) return null;
    const payload = payloadSchema.safeParse(value);
    if (!payload.success || payload.data.t !== kindOfId(doc._id)) return null;
    return payload.data;
  } catch {
    return null;
  }
}

/** Imports 32 raw key bytes as a team key: separate AES-GCM and HMAC keys derived with HKDF. */
export async function importTeamKey(kind: 'coord' | 'fig', gen: number, raw: Uint8Array): Promise<TeamKey> {
  const base = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'HKDF', false, ['deriveKey']);
  const derive = (info: string, alg: AesKeyGenParams | HmacImportParams, usages: KeyUsage[]) =>
    crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8(`baken/team-${kind}/v1/${info}`) },
      base,
      alg,
      false,
      usages,
    );
  const [aes, ids] = await Promise.all([
    derive('aes', { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']),
    derive('id', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']),
  ]);
  return { id: `${kind}-${gen}`, gen, aes, ids };
}

/** A stable document id for a case (`coord-…`): the same on every device of the team key, unlinkable to the case id. */
export async function coordDocId(key: TeamKey, caseId: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key.ids, utf8(`case|${caseId}`)));
  return `coord-${toBase64(mac.subarray(0, 18)).replace(/\+/g, '-').replace(/\//g, '_')}`;
}

/** A fresh random document id with a prefix (pick-up requests). */
export function randomDocId(prefix: 'pickup'): string {
  return `${prefix}-${toBase64(randomBytes(18)).replace(/\+/g, '-').replace(/\//g, '_')}`;
}
