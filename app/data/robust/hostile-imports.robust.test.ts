// Robustness suite (issue 10), part 3: hostile imports at the unit level.
// Over 10,000 generated backup (.baken) and audit-log files, each malformed or
// malicious. Backup payloads are encrypted for real (key derived once, reused
// through importBackupUsing), so the validation behind decryption is hit.
// Every file must be refused with a stable code — or, for harmless text such
// as script tags in a free-text field, accepted with the text kept literally —
// the store must be unchanged after each refusal, no exception other than a
// BackupError may escape, and no built-in prototype may change.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { backupLimits } from '../../../schema/backup';
import { canonicalJson } from '../../../schema/audit-chain';
import { makeDraft, makeNote } from '../../../schema/factories';
import type { StoredRecord } from '../../../schema/records';
import { exportAuditLog, verifyAuditLogText } from '../audit-log';
import { BackupError, deriveBackupKeys, importBackupUsing, sealBackupText } from '../backup';
import type { BackupErrorCode, BackupKeySource, BackupKeys } from '../backup';
import { newKdfParams, utf8 } from '../crypto';
import { db } from '../db';
import { appendAudit, getRecord, saveRecords } from '../store';
import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { createVault } from '../vault';
import {
  Tally,
  caseWithParts,
  clone,
  fixedKeySource,
  objectsIn,
  payloadWith,
  prototypeSnapshot,
  scriptPayloads,
  storeDigest,
  stringSlots,
} from './robust-helpers';

const BACKUP_FILES = 6500;
const AUDIT_FILES = 4000;
const SEED = 20260310;
const TRANSFER = 'overdracht voor de robuustheidstest';

type Expectation = 'refuse' | 'refuseOrLiteral';
interface HostileFile {
  category: string;
  bytes: Uint8Array;
  mode: 'restore' | 'merge';
  expect: Expectation;
  /** Records the file holds when it may be accepted (their text must come back literally). */
  records?: StoredRecord[];
}

const refusalCodes: ReadonlySet<BackupErrorCode> = new Set<BackupErrorCode>([
  'backup.tooLarge',
  'backup.notBackup',
  'backup.newerVersion',
  'backup.damaged',
  'backup.wrongPassphrase',
  'backup.weakProtection',
  'backup.invalid',
  'backup.imageData',
  'backup.notEmpty',
  'backup.conflict',
]);

const imageSignatures: number[][] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff, 0xe0],
  [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  [0x52, 0x49, 0x46, 0x46, 0x24, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50],
  [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63],
];

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

function headerLength(file: Uint8Array): number {
  return new DataView(file.buffer, file.byteOffset).getUint32(13);
}

/** A file with any header text and ciphertext bytes (for envelope attacks). */
function craftFile(headerText: string, body: Uint8Array): Uint8Array {
  const magic = utf8('BAKEN-BACKUP\n');
  const json = utf8(headerText);
  const out = new Uint8Array(magic.byteLength + 4 + json.byteLength + body.byteLength);
  out.set(magic);
  new DataView(out.buffer).setUint32(magic.byteLength, json.byteLength);
  out.set(json, magic.byteLength + 4);
  out.set(body, magic.byteLength + 4 + json.byteLength);
  return out;
}

// ---------------------------------------------------------------------------
// Generators: each yields the plaintext (or whole file) of one hostile backup
// ---------------------------------------------------------------------------

interface PlainCase {
  category: string;
  text: string;
  expect: Expectation;
  records?: StoredRecord[];
  mergeOnly?: boolean;
}

const badValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
  fc.string({ maxLength: 10 }),
  fc.constantFrom(1e308, -1, 0.5, Number.MAX_SAFE_INTEGER + 2, -0),
);

function plainArb(base: () => StoredRecord[]): fc.Arbitrary<PlainCase> {
  return fc.oneof(
    // Wrong types: one field anywhere gets a value of another JSON type.
    fc.tuple(fc.nat(), fc.nat(), badValue).map(([i, j, value]) => {
      const payload = payloadWith(clone(base()));
      const objects = objectsIn(payload);
      const target = objects[i % objects.length] ?? payload;
      const keys = Object.keys(target);
      const key = keys[j % keys.length] ?? 'type';
      target[key] = typeOf(value) === typeOf(target[key]) ? [value] : value;
      return { category: 'wrong-type', text: JSON.stringify(payload), expect: 'refuse' as const };
    }),
    // Huge strings, of prose, script tags or base64-looking text.
    fc
      .tuple(
        fc.nat(),
        fc.integer({ min: 8_001, max: 250_000 }),
        fc.constantFrom('a', 'ë ', '<script>alert(1)</script>', 'QUJD', '\u0000', '𝕏'),
      )
      .map(([i, length, unit]) => {
        const payload = payloadWith(clone(base()));
        const slots = stringSlots(payload);
        const [obj, key] = slots[i % slots.length] ?? [payload, 'type'];
        obj[key] = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        return { category: 'huge-string', text: JSON.stringify(payload), expect: 'refuse' as const };
      }),
    // __proto__ / constructor / prototype keys, as own JSON keys anywhere.
    fc
      .tuple(
        fc.nat(),
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        fc.oneof(
          fc.constant({ polluted: true }),
          fc.constant({ prototype: { polluted: true } }),
          fc.jsonValue({ maxDepth: 2 }),
        ),
      )
      .map(([i, key, value]) => {
        const payload = payloadWith(clone(base()));
        const objects = objectsIn(payload);
        const target = objects[i % objects.length] ?? payload;
        Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
        return { category: 'prototype-key', text: JSON.stringify(payload), expect: 'refuse' as const };
      }),
    // The same, written as raw text (a duplicate key, so the parser sees it last).
    fc.constantFrom('__proto__', 'constructor').map((key) => {
      const text = JSON.stringify(payloadWith(clone(base())));
      return {
        category: 'prototype-key-raw',
        text: `${text.slice(0, -1)},"${key}":{"polluted":true,"prototype":{"polluted":true}}}`,
        expect: 'refuse' as const,
      };
    }),
    // Deep nesting, built as text (an object this deep would overflow JSON.stringify).
    fc.tuple(fc.nat(), fc.integer({ min: 25, max: 150_000 }), fc.boolean()).map(([i, depth, arrays]) => {
      const payload = payloadWith(clone(base()));
      const slots = stringSlots(payload);
      const [obj, key] = slots[i % slots.length] ?? [payload, 'type'];
      obj[key] = '\u0000deep\u0000';
      const nested = arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      const text = JSON.stringify(payload).replace('"\\u0000deep\\u0000"', nested);
      return { category: 'deep-nesting', text, expect: 'refuse' as const };
    }),
    // Image data in any string or key: base64, data: URLs (also disguised), raw bytes.
    fc
      .tuple(
        fc.nat(),
        fc.constantFrom(...imageSignatures),
        fc.uint8Array({ minLength: 16, maxLength: 96 }),
        fc.constantFrom('base64', 'data-url', 'percent-data-url', 'entity-data-url', 'svg-data-url', 'raw', 'key'),
        fc.string({ maxLength: 12 }),
      )
      .map(([i, signature, rest, how, prose]) => {
        const payload = payloadWith(clone(base()));
        const slots = stringSlots(payload);
        const [obj, key] = slots[i % slots.length] ?? [payload, 'type'];
        const bytes = [...signature, ...rest];
        const b64 = btoa(String.fromCharCode(...bytes));
        const image =
          how === 'base64'
            ? b64
            : how === 'data-url'
              ? `data:image/png;base64,${b64}`
              : how === 'percent-data-url'
                ? `data%3Aimage%2Fpng%3Bbase64%2C${b64}`
                : how === 'entity-data-url'
                  ? `data&colon;image/jpeg;base64,${b64}`
                  : how === 'svg-data-url'
                    ? 'data:image/svg+xml,<svg onload=alert(1)>'
                    : String.fromCharCode(...bytes);
        if (how === 'key') obj[`${prose}${b64}`] = 'x';
        else obj[key] = `${prose} ${image} ${String(obj[key])}`;
        return { category: 'image-data', text: JSON.stringify(payload), expect: 'refuse' as const };
      }),
    // Script tags and javascript: links in any string: refused where the field is
    // not free text (ids, enums, dates), otherwise kept as literal text.
    fc.tuple(fc.nat(), fc.constantFrom(...scriptPayloads), fc.boolean()).map(([i, script, append]) => {
      const records = base();
      const payload = payloadWith(records);
      const slots = stringSlots(payload);
      const [obj, key] = slots[i % slots.length] ?? [payload, 'type'];
      obj[key] = append ? `${String(obj[key])} ${script}` : script;
      return {
        category: 'script-tag',
        text: JSON.stringify(payload),
        expect: 'refuseOrLiteral' as const,
        records: clone(records),
        mergeOnly: true,
      };
    }),
    // Integrity: repeated ids, parts without their case, misfiled events, drafts.
    fc
      .tuple(fc.nat(), fc.constantFrom('duplicate', 'orphan', 'misfiled', 'draft', 'record-in-audit'))
      .map(([i, how]) => {
        const records: unknown[] = clone(base());
        const extra: Record<string, unknown> = {};
        const pick = records[i % records.length];
        if (how === 'duplicate') records.push(pick);
        if (how === 'orphan') records.push(makeNote());
        if (how === 'misfiled') {
          records.push({
            kind: 'audit',
            schemaVersion: 1,
            id: crypto.randomUUID(),
            at: '2026-03-12T09:30:00.000Z',
            action: 'case.created',
          });
        }
        if (how === 'draft') records.push(makeDraft({ caseId: (records[0] as StoredRecord).id }));
        if (how === 'record-in-audit') extra['audit'] = [pick];
        return { category: 'integrity', text: JSON.stringify(payloadWith(records, extra)), expect: 'refuse' as const };
      }),
    // From a newer Baken: payload version, unknown kinds or record versions.
    fc.constantFrom('payload', 'kind', 'record').map((how) => {
      const extra =
        how === 'payload'
          ? { version: 2 }
          : how === 'kind'
            ? { schemaVersions: { case: 1, photo: 1 } }
            : { schemaVersions: { case: 7 } };
      return {
        category: 'newer-version',
        text: JSON.stringify(payloadWith(clone(base()), extra)),
        expect: 'refuse' as const,
      };
    }),
    // Anything at all, text that is not JSON, and JSON with trailing garbage.
    fc.jsonValue({ maxDepth: 4 }).map((value) => ({
      category: 'random-json',
      text: JSON.stringify(value),
      expect: 'refuse' as const,
    })),
    fc
      .oneof(
        fc.string({ maxLength: 200 }).map((s) => `{${s}`),
        fc.constantFrom('', 'null', 'NaN', '[]', '{}', '\ufeff{}', '{"type":"baken-backup-payload"}'),
        fc.string({ maxLength: 40 }).map((s) => `${JSON.stringify(payloadWith(clone(base())))}${s}x`),
      )
      .map((text) => ({ category: 'not-json', text, expect: 'refuse' as const })),
  );
}

/** Envelope-level attacks on a properly sealed file: bytes, not plaintext. */
function envelopeArb(validFile: Uint8Array): fc.Arbitrary<{ category: string; bytes: Uint8Array }> {
  const start = 17;
  const headerEnd = start + headerLength(validFile);
  const headerText = new TextDecoder().decode(validFile.subarray(start, headerEnd));
  const header = JSON.parse(headerText) as Record<string, unknown>;
  const body = validFile.subarray(headerEnd);
  return fc.oneof(
    fc.nat().map((n) => ({ category: 'truncated', bytes: validFile.slice(0, n % validFile.byteLength) })),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }).map((flips) => {
      const copy = validFile.slice();
      for (const [at, bit] of flips) {
        const i = at % copy.byteLength;
        copy[i] = (copy[i] ?? 0) ^ (1 << bit);
      }
      return { category: 'bit-flip', bytes: copy };
    }),
    fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ category: 'random-bytes', bytes })),
    fc.uint8Array({ maxLength: 300 }).map((junk) => {
      const copy = new Uint8Array(start + junk.byteLength);
      copy.set(validFile.subarray(0, start));
      copy.set(junk, start);
      return { category: 'junk-after-magic', bytes: copy };
    }),
    fc.integer({ min: 0, max: 0xffffffff }).map((length) => {
      const copy = validFile.slice();
      new DataView(copy.buffer).setUint32(13, length);
      return { category: 'header-length', bytes: copy };
    }),
    fc
      .tuple(
        fc.constantFrom('kdf', 'cipher', 'check', 'type', 'version', '__proto__', 'constructor', 'extra'),
        fc.oneof(badValue, fc.constant({ polluted: true }), fc.jsonValue({ maxDepth: 3 })),
      )
      .map(([key, value]) => {
        const tampered = clone(header);
        Object.defineProperty(tampered, key, { value, enumerable: true, configurable: true, writable: true });
        return { category: 'header-field', bytes: craftFile(JSON.stringify(tampered), body) };
      }),
    fc
      .tuple(
        fc.constantFrom('iterations', 'salt', 'name', 'hash'),
        fc.constantFrom(0, 1, 999, 1e9, -5, 'PBKDF1', 'MD5', 'SHA-1', '!!!', 'QUJD', 'A'.repeat(88), '', null),
      )
      .map(([key, value]) => {
        const tampered = clone(header);
        (tampered['kdf'] as Record<string, unknown>)[key] = value;
        return { category: 'header-kdf', bytes: craftFile(JSON.stringify(tampered), body) };
      }),
    fc.integer({ min: 25, max: 5000 }).map((depth) => ({
      category: 'header-nesting',
      bytes: craftFile('['.repeat(depth) + ']'.repeat(depth), body),
    })),
    fc
      .constantFrom('<script>alert(1)</script>', '\u0000', '{"type":"baken-backup","version":1e309}', '\ud800')
      .map((text) => ({ category: 'header-text', bytes: craftFile(text, body) })),
  );
}

// ---------------------------------------------------------------------------

describe('hostile imports (robustness suite)', () => {
  let keys: BackupKeys;
  let keySource: BackupKeySource;
  let auditText: string;

  beforeAll(async () => {
    await resetDatabase();
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    await saveRecords([...caseWithParts(1), ...caseWithParts(2)]);
    for (let i = 0; i < 6; i++) await appendAudit({ action: 'case.updated', details: { count: i } });
    keys = await deriveBackupKeys(TRANSFER, newKdfParams());
    const other = await deriveBackupKeys('een andere wachtwoordzin', newKdfParams());
    keySource = fixedKeySource(keys, other);
    auditText = (await exportAuditLog('2026-03-12')).text;
  }, 60_000);

  it(`refuses or neutralises ${BACKUP_FILES} hostile .baken files and leaves the store unchanged`, async () => {
    const validText = JSON.stringify(payloadWith(caseWithParts(3)));
    const validFile = await sealBackupText(validText, keys);
    // The untouched file is accepted, so the refusals below are real.
    expect(await outcome(importBackupUsing(await sealBackupText(validText, keys), keySource, { mode: 'merge' }))).toBe(
      'accepted',
    );

    const protoBefore = prototypeSnapshot();
    const categories = new Tally();
    const codes = new Tally();
    const failures: string[] = [];
    let digest = await storeDigest();
    let tried = 0;
    let literal = 0;

    const plain = plainArb(() => caseWithParts(tried + 10));
    const envelope = envelopeArb(validFile);
    const oneFile = fc.tuple(fc.nat(99), fc.constantFrom('restore' as const, 'merge' as const));
    const batches = Math.ceil(BACKUP_FILES / 100);
    for (let batch = 0; batch < batches; batch++) {
      const picks = fc.sample(oneFile, { numRuns: 100, seed: SEED + batch });
      const plains = fc.sample(plain, { numRuns: 100, seed: SEED + 1000 + batch });
      const envelopes = fc.sample(envelope, { numRuns: 100, seed: SEED + 2000 + batch });
      for (let k = 0; k < 100 && tried < BACKUP_FILES; k++) {
        const [roll, mode] = picks[k] ?? [0, 'merge'];
        let file: HostileFile;
        // About a quarter attack the envelope, the rest the encrypted payload.
        if (roll < 25) {
          const e = envelopes[k];
          if (!e) continue;
          file = { category: e.category, bytes: e.bytes, mode, expect: 'refuse' };
        } else {
          const p = plains[k];
          if (!p) continue;
          file = {
            category: p.category,
            bytes: await sealBackupText(p.text, keys),
            mode: p.mergeOnly ? 'merge' : mode,
            expect: p.expect,
            ...(p.records ? { records: p.records } : {}),
          };
        }
        tried++;
        categories.add(file.category);
        const code = await outcome(importBackupUsing(file.bytes, keySource, { mode: file.mode }));
        codes.add(code);
        const label = `#${tried} ${file.category} (${file.mode}) → ${code}`;
        if (code === 'accepted') {
          if (file.expect !== 'refuseOrLiteral' || !file.records) {
            failures.push(`${label}: accepted a hostile file`);
          } else {
            // Neutralised: every record is stored exactly as it was in the file.
            for (const record of file.records) {
              const stored = await getRecord(record.id);
              if (!stored?.ok || canonicalJson(stored.record) !== canonicalJson(record)) {
                failures.push(`${label}: ${record.kind} ${record.id} not stored literally`);
              }
            }
            literal++;
            // Take the accepted case out again (raw rows), so every merge
            // compares against the same small logbook.
            await removeCases(file.records);
            digest = await storeDigest();
          }
        } else if (!refusalCodes.has(code as BackupErrorCode)) {
          failures.push(`${label}: no clear refusal`);
        } else if ((await storeDigest()) !== digest) {
          failures.push(`${label}: the store changed`);
          digest = await storeDigest();
        }
        if (prototypeSnapshot() !== protoBefore || ({} as Record<string, unknown>)['polluted'] !== undefined) {
          failures.push(`${label}: a built-in prototype changed`);
        }
      }
    }
    console.log(
      `[robust] hostile backups: files tried=${tried}, refused=${tried - literal}, ` +
        `accepted as literal text=${literal}, failures=${failures.length}\n` +
        `[robust]   categories: ${categories.toString()}\n[robust]   outcomes: ${codes.toString()}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(tried).toBe(BACKUP_FILES);
  }, 900_000);

  it(`reports every one of ${AUDIT_FILES} hostile audit-log files as invalid, never throws, and changes nothing`, async () => {
    const original = JSON.parse(auditText) as Record<string, unknown>;
    expect(await verifyAuditLogText(auditText)).toMatchObject({ valid: true });
    const canonicalOriginal = canonicalJson(original);
    const digest = await storeDigest();
    const protoBefore = prototypeSnapshot();

    const text = fc.oneof(
      fc.tuple(fc.nat(), fc.nat(), badValue).map(([i, j, value]) => {
        const log = clone(original);
        const objects = objectsIn(log);
        const target = objects[i % objects.length] ?? log;
        const keysOf = Object.keys(target);
        const key = keysOf[j % keysOf.length] ?? 'type';
        target[key] = typeOf(value) === typeOf(target[key]) ? [value] : value;
        return { category: 'wrong-type', text: JSON.stringify(log) };
      }),
      fc
        .tuple(fc.nat(), fc.integer({ min: 100, max: 200_000 }), fc.constantFrom('a', '<script>', 'f'))
        .map(([i, length, unit]) => {
          const log = clone(original);
          const slots = stringSlots(log);
          const [obj, key] = slots[i % slots.length] ?? [log, 'type'];
          obj[key] = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
          return { category: 'huge-string', text: JSON.stringify(log) };
        }),
      fc.tuple(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([i, key]) => {
        const log = clone(original);
        const objects = objectsIn(log);
        const target = objects[i % objects.length] ?? log;
        Object.defineProperty(target, key, {
          value: { polluted: true, prototype: { polluted: true } },
          enumerable: true,
          configurable: true,
          writable: true,
        });
        return { category: 'prototype-key', text: JSON.stringify(log) };
      }),
      fc.tuple(fc.nat(), fc.integer({ min: 30, max: 150_000 }), fc.boolean()).map(([i, depth, arrays]) => {
        const log = clone(original);
        const slots = stringSlots(log);
        const [obj, key] = slots[i % slots.length] ?? [log, 'type'];
        obj[key] = '\u0000deep\u0000';
        const nested = arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
        return { category: 'deep-nesting', text: JSON.stringify(log).replace('"\\u0000deep\\u0000"', nested) };
      }),
      fc
        .tuple(fc.nat(), fc.constantFrom(...imageSignatures), fc.uint8Array({ minLength: 16, maxLength: 64 }))
        .map(([i, signature, rest]) => {
          const log = clone(original);
          const slots = stringSlots(log);
          const [obj, key] = slots[i % slots.length] ?? [log, 'type'];
          obj[key] = `data:image/png;base64,${btoa(String.fromCharCode(...signature, ...rest))}`;
          return { category: 'image-data', text: JSON.stringify(log) };
        }),
      fc.tuple(fc.nat(), fc.constantFrom(...scriptPayloads)).map(([i, script]) => {
        const log = clone(original);
        const slots = stringSlots(log);
        const [obj, key] = slots[i % slots.length] ?? [log, 'type'];
        obj[key] = script;
        return { category: 'script-tag', text: JSON.stringify(log) };
      }),
      fc.nat().map((n) => ({ category: 'truncated', text: auditText.slice(0, n % auditText.length) })),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 3 }).map((flips) => {
        const codes = Array.from(auditText, (c) => c.charCodeAt(0));
        for (const [at, bit] of flips) {
          const i = at % codes.length;
          codes[i] = (codes[i] ?? 0) ^ (1 << bit);
        }
        return { category: 'bit-flip', text: String.fromCharCode(...codes) };
      }),
      fc.tuple(fc.nat(), fc.constantFrom('delete', 'swap', 'duplicate')).map(([i, how]) => {
        const log = clone(original);
        const events = log['events'] as unknown[];
        const at = i % events.length;
        if (how === 'delete') events.splice(at, 1);
        if (how === 'duplicate') events.splice(at, 0, events[at]);
        if (how === 'swap') events.splice(at, 2, events[(at + 1) % events.length], events[at]);
        return { category: 'reorder', text: JSON.stringify(log) };
      }),
      fc
        .oneof(
          fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
          fc.string({ maxLength: 300 }),
        )
        .map((t) => ({ category: 'random', text: t })),
    );

    const categories = new Tally();
    const reasons = new Tally();
    const failures: string[] = [];
    let tried = 0;
    for (let batch = 0; tried < AUDIT_FILES; batch++) {
      for (const file of fc.sample(text, { numRuns: 200, seed: SEED + 5000 + batch })) {
        if (tried >= AUDIT_FILES) break;
        tried++;
        categories.add(file.category);
        const label = `#${tried} ${file.category}`;
        try {
          const verdict = await verifyAuditLogText(file.text);
          reasons.add(verdict.valid ? 'valid' : verdict.reason);
          if (verdict.valid) {
            // Only a change that leaves the same log (e.g. key order) may pass.
            let same = false;
            try {
              same = canonicalJson(JSON.parse(file.text)) === canonicalOriginal;
            } catch {
              same = false;
            }
            if (!same) failures.push(`${label}: a changed log was reported valid`);
          }
        } catch (e) {
          reasons.add('threw');
          failures.push(`${label}: threw ${String(e).slice(0, 80)}`);
        }
        if (prototypeSnapshot() !== protoBefore) failures.push(`${label}: a built-in prototype changed`);
      }
    }
    expect(await storeDigest()).toBe(digest);
    console.log(
      `[robust] hostile audit logs: files tried=${tried}, failures=${failures.length}\n` +
        `[robust]   categories: ${categories.toString()}\n[robust]   verdicts: ${reasons.toString()}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
  }, 900_000);

  it('refuses a file over the size limit before reading it', async () => {
    const digest = await storeDigest();
    expect(
      await outcome(importBackupUsing(new Uint8Array(backupLimits.maxFileBytes + 1), keySource, { mode: 'merge' })),
    ).toBe('backup.tooLarge');
    expect(await storeDigest()).toBe(digest);
  });
});

async function removeCases(records: readonly StoredRecord[]): Promise<void> {
  const caseIds = [
    ...new Set(records.flatMap((r) => (r.kind === 'case' ? [r.id] : 'caseId' in r && r.caseId ? [r.caseId] : []))),
  ];
  await db.records.where('caseId').anyOf(caseIds).delete();
}

/** The BackupError code of an import, 'accepted', or the name of anything else that escaped. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (e) {
    if (e instanceof BackupError) return e.code;
    return `escaped ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 60)}` : String(e)}`;
  }
}
