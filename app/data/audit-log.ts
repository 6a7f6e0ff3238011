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
import { Dexie } from 'dexie';
import { z } from 'zod';

import {
  anchorOf,
  auditLogFileToText,
  buildAuditLogFile,
  chainHeadSchema,
  exportedLink,
  linkAuditEvent,
  reportAuditChains,
  splitAuditChains,
  toHex,
  verifyAuditChain,
} from '../../schema/audit-chain';
import type { AuditLogFile, ChainHead, ChainVerdict, ExportedLink } from '../../schema/audit-chain';
import type { AuditChainLink, AuditEvent } from '../../schema/records/audit';
import { randomBytes } from './crypto';
import { db } from './db';
import type { AuditRow } from './db';
import { openRows, queryRows, sealRecord } from './records-io';
import { getDataKey, requireDataKey, subscribeVault } from './session';

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

// Issue 19: the head this page last committed, so the next append links onto it without reading
// `meta` first (one IndexedDB transaction less per save). Only a hint: commitAuditRows still checks
// the stored head inside the write's transaction, and a head that moved (another tab, or a write
// that did not come through here) drops the hint, so the retry reads the stored head.
let lastCommitted: { readonly head: ChainHead | null } | null = null;

// Locking ends the hint too (a reset or wipe of the device locks first): the next unlock reads the stored head.
subscribeVault(() => {
  if (getDataKey() === null) lastCommitted = null;
});

/** Test seam: forget the last committed head (as after a reload). */
export function forgetCommittedAuditHead(): void {
  lastCommitted = null;
}

/** Links and encrypts audit events onto the current head. Outside any transaction. */
export async function prepareAuditRows(key: CryptoKey, events: readonly AuditEvent[]): Promise<PreparedAudit> {
  if (events.length === 0) return { events: [], rows: [], expected: null, next: null };
  const expected = lastCommitted ? lastCommitted.head : await readAuditHead();
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
 * existing id fails) and the new head. `stored`: the head already read in
 * this same transaction (issue 19: read together with the write's other
 * reads); omitted, it is read here.
 */
export async function commitAuditRows(
  prepared: PreparedAudit,
  add: (rows: AuditRow[]) => Promise<unknown>,
  stored?: ChainHead | null,
): Promise<void> {
  if (prepared.rows.length === 0) return;
  // Unknown until this transaction commits (it may abort, then the hint stays unset).
  lastCommitted = null;
  Dexie.currentTransaction?.on('complete', () => {
    lastCommitted = { head: prepared.next };
  });
  const head = stored === undefined ? await readAuditHead() : stored;
  if (!sameHead(head, prepared.expected)) throw new AuditHeadMovedError();
  // Issued together (issue 19, one round trip less per save): either failing aborts the transaction.
  await Promise.all([add(prepared.rows), db.meta.put({ key: HEAD_KEY, value: prepared.next })]);
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
 * The anchor code of the current head (<seq>-XXXX-XXXX-XXXX-XXXX), or null when nothing is
 * chained yet. Offline: works; needs no key (the head is not secret).
 */
export async function readAuditAnchor(): Promise<string | null> {
  const head = await readAuditHead();
  return head === null ? null : anchorOf(head);
}

export interface AuditLogExport {
  file: AuditLogFile;
  text: string;
  /** Rows that could not be decrypted; the chain shows a gap where they were. */
  damaged: number;
  /**
   * Whether the exported head is the device's `meta.auditHead`. False when
   * the newest events are missing from the file (damaged or removed rows).
   */
  headMatchesDevice: boolean;
  anchor: string | null;
  /**
   * After sync: the chains of the worker's other devices, each verified on its own (the file holds
   * only this device's chain). Empty without sync.
   */
  otherChains: Array<{ anchor: string; events: number; firstBrokenSeq: number | null }>;
  /** Chained events no chain reaches (a missing or altered predecessor), when there are several chains. */
  unattached: number;
}

const onDateSchema = z.iso.date();

/**
 * Builds the exportable audit log: every chained event as { seq, prev,
 * action, day, commitment, hash } in seq order, the head and a checksum; no
 * case ids, salts, exact times or details. Compares the head it built with
 * `meta.auditHead` (headMatchesDevice). Offline: works. Fails with
 * VaultLockedError. Damaged rows are left out and counted (the verifier then
 * names the gap).
 */
export async function exportAuditLog(generatedOn: string): Promise<AuditLogExport> {
  const day = onDateSchema.parse(generatedOn);
  const key = requireDataKey();
  const results = await openRows(key, 'audit', await queryRows({ kind: 'audit' }));
  let damaged = 0;
  let preChain = 0;
  const chained: Array<AuditEvent & { chain: AuditChainLink }> = [];
  for (const result of results) {
    if (!result.ok) damaged++;
    else if (result.record.chain === undefined) preChain++;
    else chained.push({ ...result.record, chain: result.record.chain });
  }
  const stored = await readAuditHead();
  // Sync brings the other devices' chains: the file holds this device's chain (the one ending at
  // meta.auditHead); the others are verified here, each on its own. One chain: everything, as before.
  const groups = splitAuditChains(chained);
  const own =
    groups.chains.length > 1
      ? groups.chains.find((c) => {
          const last = c.events[c.events.length - 1];
          return stored !== null && last?.chain.seq === stored.seq && last.chain.hash === stored.hash;
        })
      : undefined;
  const mine = groups.chains.length > 1 ? (own?.events ?? []) : chained;
  const links: ExportedLink[] = mine.map(exportedLink).sort((a, b) => a.seq - b.seq);
  const otherChains: AuditLogExport['otherChains'] = [];
  let unattached = 0;
  if (groups.chains.length > 1) {
    const report = await reportAuditChains(chained, sha256);
    unattached = report.unattached;
    for (const chain of report.chains) {
      if (chain.genesis === own?.genesis) continue;
      otherChains.push({
        anchor: anchorOf(chain.head),
        events: chain.events,
        firstBrokenSeq: chain.verdict.status === 'broken' ? chain.verdict.firstBrokenSeq : null,
      });
    }
  }
  const file = await buildAuditLogFile({ links, preChainEvents: preChain, generatedOn: day }, sha256);
  const headMatchesDevice =
    stored === null ? file.head === null : file.head?.seq === stored.seq && file.head.hash === stored.hash;
  return {
    file,
    text: auditLogFileToText(file),
    damaged,
    headMatchesDevice,
    anchor: file.head ? anchorOf(file.head) : null,
    otherChains,
    unattached,
  };
}

/**
 * Verifies an exported audit log's text (schema/audit-chain.ts
 * verifyAuditChain with WebCrypto SHA-256). The text is parsed and validated
 * with zod before any hashing. Needs no key and changes nothing. Offline: works.
 */
export function verifyAuditLogText(text: string, anchor?: string): Promise<ChainVerdict> {
  return verifyAuditChain(text, sha256, { anchor });
}
