import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';

import {
  PBKDF2_MIN_ITERATIONS,
  assertKdfParams,
  decryptRecord,
  deriveKek,
  encryptRecord,
  generateDataKey,
  isOutdatedKdf,
  kdfLimits,
  newKdfParams,
  randomBytes,
  unwrapDataKey,
  utf8,
  wrapDataKey,
} from './crypto';
import type { KdfParams, Pbkdf2Params } from './crypto';
import { argon2idBytes } from './kdf';
import { KdfDowngradeError, StorageFailedError, StorageFullError, isQuotaError, toStorageError } from './errors';

const header = { kind: 'note', id: '6f1c1d8e-3d55-4a31-9a0e-6d2c8d1b2a10', schemaVersion: 1 };

describe('record encryption', () => {
  it('decrypts a record back to the same value', async () => {
    const key = await generateDataKey();
    const value = { text: 'Gesprek met Jongere A — afspraak op 26/03 🙂', n: 3 };
    const sealed = await encryptRecord(key, header, value);
    await expect(decryptRecord(key, header, sealed)).resolves.toEqual(value);
  });

  it('uses a fresh IV for every write', async () => {
    const key = await generateDataKey();
    const a = await encryptRecord(key, header, { x: 1 });
    const b = await encryptRecord(key, header, { x: 1 });
    expect(a.iv).toHaveLength(12);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.data).not.toEqual(b.data);
  });

  it('pads plaintext to 256-byte buckets so short names do not show their length', async () => {
    const key = await generateDataKey();
    const short = await encryptRecord(key, header, { name: 'Al' });
    const longer = await encryptRecord(key, header, { name: 'Anne-Sophie Vandenberghe' });
    expect(short.data.byteLength).toBe(longer.data.byteLength);
  });

  it('refuses to decrypt under another id, kind or version', async () => {
    const key = await generateDataKey();
    const sealed = await encryptRecord(key, header, { x: 1 });
    await expect(decryptRecord(key, { ...header, id: crypto.randomUUID() }, sealed)).rejects.toThrow();
    await expect(decryptRecord(key, { ...header, kind: 'case' }, sealed)).rejects.toThrow();
    await expect(decryptRecord(key, { ...header, schemaVersion: 2 }, sealed)).rejects.toThrow();
  });
});

describe('KDF parameter check', () => {
  const pbkdf2 = (change: Partial<Pbkdf2Params> = {}): Pbkdf2Params => ({
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations: PBKDF2_MIN_ITERATIONS,
    salt: randomBytes(16),
    ...change,
  });

  it('gives fresh Argon2id parameters above the OWASP minimum (19 MiB, t = 2, p = 1)', () => {
    const params = newKdfParams();
    expect(params).toMatchObject({ name: 'Argon2id', memoryKiB: 46 * 1024, iterations: 2, parallelism: 1 });
    expect(params.memoryKiB).toBeGreaterThanOrEqual(19 * 1024);
    expect(params.salt).toHaveLength(16);
    expect(newKdfParams().salt).not.toEqual(params.salt);
    expect(() => assertKdfParams(params)).not.toThrow();
    expect(isOutdatedKdf(params)).toBe(false);
  });

  it('still accepts legacy PBKDF2 parameters, marked as outdated', () => {
    expect(() => assertKdfParams(pbkdf2())).not.toThrow();
    expect(isOutdatedKdf(pbkdf2())).toBe(true);
    expect(isOutdatedKdf({ ...newKdfParams(), memoryKiB: 19 * 1024 })).toBe(true);
  });

  it.each([
    ['fewer Argon2id passes than the floor', { iterations: 1 }],
    ['less Argon2id memory than the floor', { memoryKiB: 19 * 1024 - 1 }],
    ['more Argon2id memory than the ceiling', { memoryKiB: kdfLimits.argon2id.maxMemoryKiB + 1 }],
    ['more Argon2id passes than the ceiling', { iterations: kdfLimits.argon2id.maxIterations + 1 }],
    ['zero parallelism', { parallelism: 0 }],
    ['more parallelism than the ceiling', { parallelism: 5 }],
    ['a non-integer memory size', { memoryKiB: Number.NaN }],
    ['a short salt', { salt: randomBytes(8) }],
    ['another algorithm', { name: 'scrypt' }],
  ])('refuses Argon2id with %s', (_name, change) => {
    expect(() => assertKdfParams({ ...newKdfParams(), ...change } as KdfParams)).toThrow(KdfDowngradeError);
  });

  it.each([
    ['fewer iterations', { iterations: PBKDF2_MIN_ITERATIONS - 1 }],
    ['more iterations than the ceiling', { iterations: kdfLimits.pbkdf2.maxIterations + 1 }],
    ['another hash', { hash: 'SHA-1' }],
    ['a short salt', { salt: randomBytes(8) }],
    ['a non-integer iteration count', { iterations: Number.NaN }],
  ])('refuses PBKDF2 with %s', (_name, change) => {
    expect(() => assertKdfParams(pbkdf2(change))).toThrow(KdfDowngradeError);
  });

  it('refuses out-of-range parameters before deriving anything', async () => {
    const tampered = { ...newKdfParams(), memoryKiB: 64 * 1024 * 1024 };
    const start = performance.now();
    await expect(deriveKek(utf8('x'), tampered)).rejects.toBeInstanceOf(KdfDowngradeError);
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('derives Argon2id exactly as RFC 9106 specifies (hash-wasm checked against a known vector)', async () => {
    // Reference: argon2id_hash_raw(t=2, m=65536, p=1, "password", "somesalt", 32) of libargon2 (phc-winner-argon2).
    const bytes = await argon2idBytes(
      utf8('password'),
      { memoryKiB: 65536, iterations: 2, parallelism: 1, salt: utf8('somesalt') },
      32,
    );
    expect(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')).toBe(
      '09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7',
    );
  });

  it('gives a PBKDF2 KEK that opens what the pre-Argon2id deriveKey wrapped', async () => {
    const params = pbkdf2();
    const secret = utf8('een oude wachtwoordzin');
    const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
    const oldKek = await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', iterations: params.iterations, salt: params.salt },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['wrapKey', 'unwrapKey'],
    );
    const dataKey = await generateDataKey();
    const wrapped = await wrapDataKey(dataKey, oldKek, 'aad');
    const newKek = await deriveKek(secret, params);
    await expect(unwrapDataKey(wrapped, newKek, 'aad', false)).resolves.toBeDefined();
  });
});

describe('storage error mapping', () => {
  it('maps a DOMException QuotaExceededError to StorageFullError', () => {
    const error = toStorageError(new DOMException('full', 'QuotaExceededError'));
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error.code).toBe('storage.full');
  });

  it('maps a quota error wrapped by Dexie in an AbortError to StorageFullError', () => {
    const inner = new Dexie.QuotaExceededError('full');
    const wrapped = new Dexie.AbortError('Transaction aborted', inner);
    expect(isQuotaError(wrapped)).toBe(true);
    expect(toStorageError(wrapped)).toBeInstanceOf(StorageFullError);
  });

  it('maps other failures to StorageFailedError', () => {
    expect(toStorageError(new Error('boom'))).toBeInstanceOf(StorageFailedError);
  });
});
