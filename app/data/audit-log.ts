// The tamper-evident audit log (format: schema/audit-chain.ts).
// Where things go: each chained event is an encrypted row in `audit` (its
// link — seq, prev, day, salt, commitment, hash — is inside the ciphertext);
// the current head { seq, hash } is `meta.auditHead` (plaintext: a hash and a
// counter reveal nothing about content; see SECURITY.md).
// Appends are serialised by one promise queue in this page, and hashes and
// encryption are computed BEFORE the Dexie transaction (WebCrypto is never
// awaited inside one). Inside the transaction the head is checked again, so
// a second tab that appended in between cannot fork the chain: the append is
// then recomputed on the new head.
// Pre-chain events (written before the chain existed, or in a v1/v2 database)
// keep no link and are reported in an export only by their number.
import { z } from 'zod';

import {
  anchorFromHash,
  auditLogFileToText,
  buildAuditLogFile,
  chainHeadSchema,
  exportedLink,
  linkAuditEvent,
  toHex,
  verifyAuditChain,
} from '../../schema/audit-chain';
import type { AuditLogFile, ChainHead, ChainVerdict, ExportedLink } from '../../schema/audit-chain';
import type { AuditChainLink, AuditEvent } from '../../schema/records/audit';
import { randomBytes } from './crypto';
import { db } from './db';
import type { AuditRow } from './db';
import { openRows, queryRows, sealRecord } from './records-io';
import { requireDataKey } from './session';

const HEAD_KEY = 'auditHead';
const MAX_ATTEMPTS = 5;

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(data)));
}

/** The head moved between preparing and committing (another tab appended). */
class AuditHeadMovedError extends Error {}

/** For callers that convert errors: this one must reach serialiseAuditAppend unchanged. */
export function isAuditHeadMoved(e: unknown): boolean {
  return e instanceof AuditHeadMovedError;
}

const storedHeadSchema = chainHeadSchema.nullable();

/** The stored head; also usable inside a transaction that includes db.meta. */
export async function readAuditHead(): Promise<ChainHead | null> {
  const parsed = storedHeadSchema.safeParse((await db.meta.get(HEAD_KEY))?.value ?? null);
  return parsed.success ? parsed.data : null;
}

export interface PreparedAudit {
  events: Array<AuditEvent & { chain: AuditChainLink }>;
  rows: AuditRow[];
  expected: ChainHead | null;
  next: ChainHead | null;
}

/** Links and encrypts audit events onto the current head. Outside any transaction. */
export async function prepareAuditRows(key: CryptoKey, events: readonly AuditEvent[]): Promise<PreparedAudit> {
  const expected = await readAuditHead();
  let head = expected;
  const linked: Array<AuditEvent & { chain: AuditChainLink }> = [];
  for (const event of events) {
    const next = await linkAuditEvent(event, head, toHex(randomBytes(32)), sha256);
    head = { seq: next.chain.seq, hash: next.chain.hash };
    linked.push(next);
  }
  const rows: AuditRow[] = [];
  for (const event of linked) {
    const sealed = await sealRecord(key, event);
    if (sealed.table === 'audit') rows.push(sealed.row);
  }
  return { events: linked, rows, expected, next: head };
}

function sameHead(a: ChainHead | null, b: ChainHead | null): boolean {
  return a === null || b === null ? a === b : a.seq === b.seq && a.hash === b.hash;
}

/**
 * Inside a rw transaction over db.audit and db.meta: checks the head is still
 * the one the rows were linked to, then stores the rows (with `add`, so an
 * existing id fails) and the new head.
 */
export async function commitAuditRows(
  prepared: PreparedAudit,
  add: (rows: AuditRow[]) => Promise<unknown>,
): Promise<void> {
  if (prepared.rows.length === 0) return;
  if (!sameHead(await readAuditHead(), prepared.expected)) throw new AuditHeadMovedError();
  await add(prepared.rows);
  await db.meta.put({ key: HEAD_KEY, value: prepared.next });
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs an append that builds on the chain head, one at a time in this page;
 * retries it (prepare + commit) when another tab moved the head meanwhile.
 */
export function serialiseAuditAppend<T>(operation: () => Promise<T>): Promise<T> {
  const attempt = async (): Promise<T> => {
    for (let i = 1; ; i++) {
      try {
        return await operation();
      } catch (e) {
        if (!(e instanceof AuditHeadMovedError) || i >= MAX_ATTEMPTS) throw e;
      }
    }
  };
  const run = queue.then(attempt, attempt);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The anchor code of the current head (XXXXX-XXXXX), or null when nothing is
 * chained yet. Offline: works; needs no key (the head is not secret).
 */
export async function readAuditAnchor(): Promise<string | null> {
  const head = await readAuditHead();
  return head === null ? null : anchorFromHash(head.hash);
}

export interface AuditLogExport {
  file: AuditLogFile;
  text: string;
  /** Rows that could not be decrypted; the chain shows a gap where they were. */
  damaged: number;
  anchor: string | null;
}

const onDateSchema = z.iso.date();

/**
 * Builds the exportable audit log: every chained event as { seq, prev,
 * action, day, commitment, hash } in seq order, the head and a checksum; no
 * case ids, salts, exact times or details. Offline: works. Fails with
 * VaultLockedError. Damaged rows are left out and counted (the verifier then
 * names the gap).
 */
export async function exportAuditLog(generatedOn: string): Promise<AuditLogExport> {
  const day = onDateSchema.parse(generatedOn);
  const key = requireDataKey();
  const results = await openRows(key, 'audit', await queryRows({ kind: 'audit' }));
  let damaged = 0;
  let preChain = 0;
  const links: ExportedLink[] = [];
  for (const result of results) {
    if (!result.ok) damaged++;
    else if (result.record.chain === undefined) preChain++;
    else links.push(exportedLink({ ...result.record, chain: result.record.chain }));
  }
  links.sort((a, b) => a.seq - b.seq);
  const file = await buildAuditLogFile({ links, preChainEvents: preChain, generatedOn: day }, sha256);
  return { file, text: auditLogFileToText(file), damaged, anchor: file.head ? anchorFromHash(file.head.hash) : null };
}

/**
 * Verifies an exported audit log's text (schema/audit-chain.ts
 * verifyAuditChain with WebCrypto SHA-256). The text is parsed and validated
 * with zod before any hashing. Needs no key and changes nothing. Offline: works.
 */
export function verifyAuditLogText(text: string, anchor?: string): Promise<ChainVerdict> {
  return verifyAuditChain(text, sha256, { anchor });
}
