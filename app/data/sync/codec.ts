// The document format on the sync server (SECURITY.md, "Synchronisatie").
// One CouchDB document per replicated local row:
//   { _id, _rev, k, iv, ct, v }
// _id = the row's random id, k = key id ("vault" until per-case keys land),
// iv/ct base64, v = envelope version. Everything the receiver needs to
// rebuild the row (which table, the record itself) is INSIDE ct: no kind,
// case id or date is visible to the server. The plaintext is padded to size
// buckets, and the AAD binds _id, k and v, so a ciphertext moved to another
// document id (or relabelled) no longer decrypts.
//
// The record is re-encrypted for the server (not the local row's ciphertext
// as is): the local AAD holds the kind, which the server must not see, and
// the server copy needs its own IV anyway. Nothing is stored twice locally:
// a document is built when it is pushed (sync/state.ts keeps only the last
// synced envelope of changeable records, as the 3-way merge base).
import { z } from 'zod';

import { findImageData } from '../../../schema/image-data';
import { restoreRecord } from '../../../schema/restore';
import type { StoredRecord } from '../../../schema/records';
import { randomBytes, utf8 } from '../crypto';
import type { Bytes } from '../crypto';
import { conflictSchema } from '../../../schema/sync-conflict';
import type { SyncConflict } from '../../../schema/sync-conflict';

export const ENVELOPE_VERSION = 1;
/** Key id of the vault data key; per-case keys (issue 18) add their own ids. */
export const VAULT_KEY_ID = 'vault';
const IV_BYTES = 12;

/** What travels in a document's ciphertext: the table it belongs to and the value. */
export type SyncPayload =
  | { t: 'records'; record: Exclude<StoredRecord, { kind: 'audit' }> }
  | { t: 'audit'; record: Extract<StoredRecord, { kind: 'audit' }> }
  | { t: 'conflicts'; record: SyncConflict };

export type SyncTable = SyncPayload['t'];

/**
 * The replicated tables, one codec each: how the received value is checked.
 * Adding a replicated table (e.g. caseKeys after issue 18) is one entry here
 * plus its row mapping in sync/local.ts.
 */
export const codecs: { [T in SyncTable]: (value: unknown) => Extract<SyncPayload, { t: T }>['record'] | null } = {
  records: (value) => {
    const r = restoreRecord(value);
    return r.success && r.data.kind !== 'audit' && r.data.kind !== 'draft' ? r.data : null;
  },
  audit: (value) => {
    const r = restoreRecord(value);
    return r.success && r.data.kind === 'audit' ? r.data : null;
  },
  conflicts: (value) => {
    const r = conflictSchema.safeParse(value);
    return r.success ? r.data : null;
  },
};

/** The document as stored on the server (without CouchDB's own `_` fields beyond _id/_rev). */
export const syncDocSchema = z.strictObject({
  _id: z.uuid(),
  _rev: z.string().optional(),
  _revisions: z.object({ start: z.number().int(), ids: z.array(z.string()) }).optional(),
  k: z.string().regex(/^[a-z0-9-]{1,64}$/),
  iv: z.base64(),
  ct: z.base64(),
  v: z.number().int(),
});
export type SyncDoc = z.infer<typeof syncDocSchema>;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Bytes {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Size buckets: powers of two from 512 bytes to 64 KiB, then whole 64 KiB
 * steps. The server sees the bucket, not the length of a name or a note.
 */
export function paddedLength(length: number): number {
  const n = length + 1;
  if (n > 65536) return Math.ceil(n / 65536) * 65536;
  let size = 512;
  while (size < n) size *= 2;
  return size;
}

function envelopeAad(id: string, k: string, v: number): Bytes {
  return utf8(`baken/sync/v${v}|${id}|${k}`);
}

/** Encrypts one payload into a document body (no _rev). `id` must equal the record's id. */
export async function encodeDoc(key: CryptoKey, payload: SyncPayload, keyId: string = VAULT_KEY_ID): Promise<SyncDoc> {
  const id = payload.record.id;
  const json = utf8(JSON.stringify({ t: payload.t, r: payload.record }));
  const padded = new Uint8Array(paddedLength(json.byteLength)).fill(0x20);
  padded.set(json);
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: envelopeAad(id, keyId, ENVELOPE_VERSION) },
    key,
    padded,
  );
  return { _id: id, k: keyId, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)), v: ENVELOPE_VERSION };
}

export type DecodeResult =
  | { ok: true; payload: SyncPayload }
  | { ok: false; id: string; problem: 'vorm' | 'sleutel' | 'versie' | 'ontcijfering' | 'inhoud' | 'beeld' };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decrypts and checks one received document. Never throws: a document that
 * is malformed, of another key or version, does not decrypt under its own id
 * (moved or tampered), fails validation, names another id inside, or holds
 * image data is refused with a reason, and nothing of it is stored.
 */
export async function decodeDoc(keys: (keyId: string) => CryptoKey | undefined, raw: unknown): Promise<DecodeResult> {
  const rawId = typeof raw === 'object' && raw !== null && '_id' in raw && typeof raw._id === 'string' ? raw._id : '?';
  const {
    _conflicts: _c,
    _deleted: _d,
    ...rest
  } = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const parsed = syncDocSchema.safeParse(rest);
  if (!parsed.success) return { ok: false, id: rawId, problem: 'vorm' };
  const doc = parsed.data;
  if (doc.v !== ENVELOPE_VERSION) return { ok: false, id: doc._id, problem: 'versie' };
  const key = keys(doc.k);
  if (!key) return { ok: false, id: doc._id, problem: 'sleutel' };
  let value: unknown;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(doc.iv), additionalData: envelopeAad(doc._id, doc.k, doc.v) },
      key,
      fromBase64(doc.ct),
    );
    value = JSON.parse(decoder.decode(plain)) as unknown;
  } catch {
    return { ok: false, id: doc._id, problem: 'ontcijfering' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, id: doc._id, problem: 'inhoud' };
  const { t, r } = value as { t?: unknown; r?: unknown };
  if (findImageData(r) !== null) return { ok: false, id: doc._id, problem: 'beeld' };
  if (t !== 'records' && t !== 'audit' && t !== 'conflicts') return { ok: false, id: doc._id, problem: 'inhoud' };
  const record = codecs[t](r);
  if (!record || record.id !== doc._id) return { ok: false, id: doc._id, problem: 'inhoud' };
  return { ok: true, payload: { t, record } as SyncPayload };
}
