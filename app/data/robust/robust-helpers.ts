// Helpers for the robustness suite's unit tests (issue 10). Not used by the app.
// They live in app/data/ because they read raw IndexedDB and call WebCrypto.
import { BACKUP_PAYLOAD_TYPE, BACKUP_VERSION } from '../../../schema/backup';
import {
  makeAssessment,
  makeCase,
  makeConsent,
  makeFollowUp,
  makeNote,
  makeParty,
  makeReferral,
  makeShareWithoutConsent,
  makeStepCheck,
} from '../../../schema/factories';
import { currentSchemaVersion } from '../../../schema/records';
import type { StoredRecord } from '../../../schema/records';
import type { BackupKeySource, BackupKeys } from '../backup';
import { kdfLabel, utf8 } from '../crypto';
import type { KdfParams } from '../crypto';
import { dumpRawDatabase } from '../test-utils';

/** One case with one of every kind of part (9 records), with fresh ids. */
export function caseWithParts(n = 0): StoredRecord[] {
  const kase = makeCase({ reference: `2026-${String(n % 100000).padStart(4, '0')}`, description: `Dossier ${n}.` });
  const caseId = kase.id;
  const a = makeParty({ caseId, pseudonym: 'Jongere A', realName: `Naam ${n}`, school: 'Atheneum', className: '3B' });
  const b = makeParty({ caseId, pseudonym: 'Jongere B', role: 'jongere-die-doorstuurde' });
  return [
    kase,
    a,
    b,
    makeConsent({ caseId, partyId: a.id }),
    makeShareWithoutConsent({ caseId, partyId: b.id }),
    makeAssessment({ caseId }),
    makeNote({ caseId, text: `Eerste gesprek in dossier ${n}.` }),
    makeFollowUp({ caseId }),
    makeReferral({ caseId }),
    makeStepCheck({ caseId }),
  ];
}

/** A backup payload (the JSON inside the ciphertext) around `records`. */
export function payloadWith(records: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: BACKUP_PAYLOAD_TYPE,
    version: BACKUP_VERSION,
    createdAt: '2026-03-12T09:30:00.000Z',
    scope: 'logbook',
    schemaVersions: { ...currentSchemaVersion },
    records,
    audit: [],
    ...extra,
  };
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 over every value of every IndexedDB store (bytes included): equal digests mean an unchanged store. */
export async function storeDigest(): Promise<string> {
  const rows = await dumpRawDatabase();
  const text = JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? hex(value) : value));
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))));
}

function sameKdf(a: KdfParams, b: KdfParams): boolean {
  return (
    kdfLabel(a) === kdfLabel(b) && a.salt.byteLength === b.salt.byteLength && a.salt.every((x, i) => x === b.salt[i])
  );
}

/**
 * The key source a real import would use, without a PBKDF2 run per file:
 * the file's own parameters give the keys derived once; any other parameters
 * (a tampered salt or count) give unrelated keys, as a real derivation would.
 */
export function fixedKeySource(keys: BackupKeys, other: BackupKeys): BackupKeySource {
  return (kdf) => Promise.resolve(sameKdf(kdf, keys.kdf) ? keys : { ...other, kdf });
}

/** Own property names of the built-in prototypes, to prove nothing was polluted. */
export function prototypeSnapshot(): string {
  const names = (o: object) => Object.getOwnPropertyNames(o).sort().join(',');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(names).join('|');
}

/** Every object inside a JSON value. */
export function objectsIn(value: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) value.forEach((v) => objectsIn(v, out));
  else if (value && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    Object.values(value).forEach((v) => objectsIn(v, out));
  }
  return out;
}

/** Every (object, key) holding a string. */
export function stringSlots(value: unknown): Array<[Record<string, unknown>, string]> {
  const out: Array<[Record<string, unknown>, string]> = [];
  for (const obj of objectsIn(value)) {
    for (const [key, v] of Object.entries(obj)) if (typeof v === 'string') out.push([obj, key]);
  }
  return out;
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Counts per label, printed as `label=n` sorted by label. */
export class Tally {
  private readonly counts = new Map<string, number>();
  add(label: string): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }
  toString(): string {
    return [...this.counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
  }
}

/** The script-injection strings of issue 10, plus a few close relatives. */
export const scriptPayloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  "'-alert(1)-'",
  '<iframe srcdoc="<script>alert(1)</script>">',
  '{{constructor.constructor("alert(1)")()}}',
  '<a href="javascript:alert(1)">klik</a>',
] as const;
