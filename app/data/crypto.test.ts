import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';

import {
  PBKDF2_MIN_ITERATIONS,
  assertKdfParams,
  decryptRecord,
  encryptRecord,
  generateDataKey,
  newKdfParams,
  randomBytes,
} from './crypto';
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
  it('accepts fresh parameters', () => {
    const params = newKdfParams();
    expect(params.iterations).toBe(PBKDF2_MIN_ITERATIONS);
    expect(params.salt).toHaveLength(16);
    expect(() => assertKdfParams(params)).not.toThrow();
  });

  it.each([
    ['fewer iterations', { iterations: PBKDF2_MIN_ITERATIONS - 1 }],
    ['another hash', { hash: 'SHA-1' }],
    ['another algorithm', { name: 'scrypt' }],
    ['a short salt', { salt: randomBytes(8) }],
    ['a non-integer iteration count', { iterations: Number.NaN }],
  ])('refuses %s', (_name, change) => {
    expect(() => assertKdfParams({ ...newKdfParams(), ...change })).toThrow(KdfDowngradeError);
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
