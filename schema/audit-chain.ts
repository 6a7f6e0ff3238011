// The tamper-evident audit log: link format, exported file format and the
// verifier. Pure: the SHA-256 function is injected (WebCrypto in the app,
// node:crypto in scripts/verify-audit.mjs), so both verifiers run this code.
//
// Chain (format version 1):
// - Every audit event written since the chain exists has a link
//   { seq, prev, day, salt, commitment, hash } (records/audit.ts auditChainLinkSchema).
//   seq counts from 0; prev of seq 0 is 64 zeros (GENESIS_PREV).
// - commitment = SHA-256("baken-audit-commit/1\n" + salt + "\n" + canonical
//   JSON of { id, at, caseId?, details? }). The 256-bit random salt stays in
//   the encrypted event, so the app can open a commitment; an export shows
//   only the commitment. The exact time and the case are therefore hidden.
// - hash = SHA-256("baken-audit/1\n" + seq + "\n" + prev + "\n" + action +
//   "\n" + day + "\n" + commitment), lowercase hex. `day` is the UTC day.
// - Events written before the chain (v1/v2 databases) are "pre-chain": they
//   are not linked (a link cannot be made without reordering history), and an
//   export reports only their number.
// - The anchor code names a link's seq and the first 16 Crockford base32
//   characters (80 bits) of its hash: `<seq>-XXXX-XXXX-XXXX-XXXX`. It matches
//   only the link at that seq, so a forger must find an 80-bit prefix for one
//   given position (2^80 work), not a 50-bit match anywhere in a long file (the
//   older 10-character codes, no longer accepted). An auditor who noted an
//   anchor can later prove that the history up to that point was not rewritten.
// - The file's checksum covers the envelope, so no byte of an export can
//   change unnoticed; like the hashes it can be recomputed by a forger, which
//   is why anchors matter.
import { jsonNestingDepth } from './backup';
import { z } from 'zod';

import { auditActionSchema } from './records/audit';
import { isoDateSchema } from './records/base';
import type { AuditChainLink, AuditEvent } from './records/audit';

export type Sha256 = (data: Uint8Array) => Promise<Uint8Array> | Uint8Array;

export const AUDIT_LOG_TYPE = 'baken-audit-log';
export const AUDIT_LOG_VERSION = 1;
export const GENESIS_PREV = '0'.repeat(64);
/**
 * The label every export carries: the links are keyed hashes of events about
 * people, so the file is pseudonymised personal data, not anonymous (GDPR).
 * Files made before the label existed have none and still verify.
 */
export const AUDIT_LOG_DATA_CLASS = 'gepseudonimiseerde-persoonsgegevens';
/** Upper bound for an imported file, checked before it is read. */
export const AUDIT_LOG_MAX_BYTES = 20 * 1024 * 1024;
const MAX_EVENTS = 100_000;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** One link as it appears in an export: no salt, no case, no exact time. */
export const exportedLinkSchema = z.strictObject({
  seq: z.int().min(0),
  prev: hex64,
  action: auditActionSchema,
  day: isoDateSchema,
  commitment: hex64,
  hash: hex64,
});
export type ExportedLink = z.infer<typeof exportedLinkSchema>;

export const chainHeadSchema = z.strictObject({ seq: z.int().min(0), hash: hex64 });
export type ChainHead = z.infer<typeof chainHeadSchema>;

export const auditLogFileSchema = z.strictObject({
  type: z.literal(AUDIT_LOG_TYPE),
  version: z.literal(AUDIT_LOG_VERSION),
  generatedOn: isoDateSchema,
  hashAlgorithm: z.literal('SHA-256'),
  dataClass: z.literal(AUDIT_LOG_DATA_CLASS).optional(),
  preChainEvents: z.int().min(0),
  events: z.array(exportedLinkSchema).max(MAX_EVENTS),
  head: chainHeadSchema.nullable(),
  checksum: hex64,
});
export type AuditLogFile = z.infer<typeof auditLogFileSchema>;

export type ChainProblem =
  | 'format'
  | 'altered'
  /** Starts as a Baken audit log but is no longer JSON: cut off (an interrupted download) or damaged. */
  | 'damaged'
  | 'seq'
  | 'prev'
  | 'hash'
  | 'head'
  | 'checksum'
  /** The anchor names a link of this log, but not its hash: mistyped, or the history up to it was rewritten. */
  | 'anchor'
  /** The anchor names a link past the end of this log: the history after it was cut off. */
  | 'anchorPastEnd';

export type ChainVerdict =
  | { valid: true; head: ChainHead | null; anchor: string | null; events: number }
  | { valid: false; firstBrokenSeq: number | null; reason: ChainProblem };

// ---------------------------------------------------------------------------
// Hashing helpers
// ---------------------------------------------------------------------------

const encoder = new TextEncoder();

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

async function sha256Hex(sha256: Sha256, text: string): Promise<string> {
  return toHex(await sha256(encoder.encode(text)));
}

/** JSON with object keys sorted at every level, so a commitment is reproducible. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a commitment hides: everything about the event except its action. */
export function auditOpening(event: AuditEvent): Record<string, unknown> {
  return { id: event.id, at: event.at, caseId: event.caseId, details: event.details };
}

export function computeCommitment(salt: string, event: AuditEvent, sha256: Sha256): Promise<string> {
  return sha256Hex(sha256, `baken-audit-commit/1\n${salt}\n${canonicalJson(auditOpening(event))}`);
}

export function computeLinkHash(link: Omit<ExportedLink, 'hash'>, sha256: Sha256): Promise<string> {
  return sha256Hex(sha256, `baken-audit/1\n${link.seq}\n${link.prev}\n${link.action}\n${link.day}\n${link.commitment}`);
}

/** The UTC day of an ISO timestamp. */
export function coarseDay(at: string): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * Links `event` after `head` (null: the chain is empty). `salt` is 64 hex
 * characters of fresh randomness, supplied by the caller.
 */
export async function linkAuditEvent(
  event: AuditEvent,
  head: ChainHead | null,
  salt: string,
  sha256: Sha256,
): Promise<AuditEvent & { chain: AuditChainLink }> {
  const { chain: _old, ...plain } = event;
  const seq = head === null ? 0 : head.seq + 1;
  const prev = head === null ? GENESIS_PREV : head.hash;
  const day = coarseDay(plain.at);
  const commitment = await computeCommitment(salt, plain, sha256);
  const hash = await computeLinkHash({ seq, prev, action: plain.action, day, commitment }, sha256);
  return { ...plain, chain: { seq, prev, day, salt, commitment, hash } };
}

/** True when the event's stored link matches its content (the app opening a commitment). */
export async function openCommitment(event: AuditEvent, sha256: Sha256): Promise<boolean> {
  if (!event.chain) return false;
  const { chain, ...plain } = event;
  return (await computeCommitment(chain.salt, plain, sha256)) === chain.commitment;
}

/**
 * Checks the chain of decrypted events (a backup's audit log before restore
 * re-links it): every chained event, in seq order from 0, must follow its
 * predecessor, hash to its stored hash and open its commitment. Events from
 * before the chain are not part of it. `none`: no chained events.
 */
export async function verifyEventChain(
  events: readonly AuditEvent[],
  sha256: Sha256,
): Promise<{ status: 'intact' | 'none' } | { status: 'broken'; firstBrokenSeq: number }> {
  const chained = events.filter((e): e is ChainedEvent => e.chain !== undefined);
  if (chained.length === 0) return { status: 'none' };
  const groups = splitAuditChains(chained);
  // Several devices' chains (replicated by sync): each must verify on its own, and nothing may hang loose.
  if (groups.chains.length > 1) {
    for (const chain of groups.chains) {
      const verdict = await verifySingleChain(chain.events, sha256);
      if (verdict.status === 'broken') return verdict;
    }
    const loose = groups.unattached[0];
    return loose === undefined ? { status: 'intact' } : { status: 'broken', firstBrokenSeq: loose.chain.seq };
  }
  return verifySingleChain(chained, sha256);
}

type ChainedEvent = AuditEvent & { chain: AuditChainLink };

export interface AuditChainGroup {
  /** The hash of the chain's first link (seq 0): names the chain, e.g. one device's. */
  genesis: string;
  /** Every event reachable from that first link by prev → hash, in seq order. */
  events: ChainedEvent[];
}

/**
 * Sorts chained events into chains: one per first link (seq 0, prev = 64 zeros), each holding the
 * events reachable from it by prev → hash. Every device appends to its own chain, so after sync a
 * logbook holds one chain per device. Events no chain reaches (a missing or altered predecessor)
 * are `unattached`, sorted by seq.
 */
export function splitAuditChains(events: readonly ChainedEvent[]): {
  chains: AuditChainGroup[];
  unattached: ChainedEvent[];
} {
  const children = new Map<string, ChainedEvent[]>();
  for (const e of events) children.set(e.chain.prev, [...(children.get(e.chain.prev) ?? []), e]);
  const reached = new Set<ChainedEvent>();
  const chains: AuditChainGroup[] = [];
  for (const first of (children.get(GENESIS_PREV) ?? []).filter((e) => e.chain.seq === 0)) {
    const group: ChainedEvent[] = [];
    const todo = [first];
    for (let e = todo.pop(); e !== undefined; e = todo.pop()) {
      if (reached.has(e)) continue;
      reached.add(e);
      group.push(e);
      todo.push(...(children.get(e.chain.hash) ?? []));
    }
    chains.push({ genesis: first.chain.hash, events: group.sort((a, b) => a.chain.seq - b.chain.seq) });
  }
  const unattached = events.filter((e) => !reached.has(e)).sort((a, b) => a.chain.seq - b.chain.seq);
  return { chains, unattached };
}

export interface AuditChainReport {
  genesis: string;
  head: ChainHead;
  events: number;
  verdict: { status: 'intact' } | { status: 'broken'; firstBrokenSeq: number };
}

/** Each chain of `events` verified on its own (one per device after sync), plus the unattached events. */
export async function reportAuditChains(
  events: readonly AuditEvent[],
  sha256: Sha256,
): Promise<{ chains: AuditChainReport[]; unattached: number }> {
  const groups = splitAuditChains(events.filter((e): e is ChainedEvent => e.chain !== undefined));
  const chains: AuditChainReport[] = [];
  for (const chain of groups.chains) {
    const last = chain.events[chain.events.length - 1];
    if (last === undefined) continue;
    chains.push({
      genesis: chain.genesis,
      head: { seq: last.chain.seq, hash: last.chain.hash },
      events: chain.events.length,
      verdict: await verifySingleChain(chain.events, sha256),
    });
  }
  return { chains, unattached: groups.unattached.length };
}

async function verifySingleChain(
  events: readonly ChainedEvent[],
  sha256: Sha256,
): Promise<{ status: 'intact' } | { status: 'broken'; firstBrokenSeq: number }> {
  const chained = [...events].sort((a, b) => a.chain.seq - b.chain.seq);
  let prev = GENESIS_PREV;
  for (let i = 0; i < chained.length; i++) {
    const event = chained[i];
    if (event === undefined) break;
    const link = exportedLink(event);
    const broken =
      link.seq !== i ||
      link.prev !== prev ||
      link.day !== coarseDay(event.at) ||
      (await computeLinkHash(
        { seq: link.seq, prev: link.prev, action: link.action, day: link.day, commitment: link.commitment },
        sha256,
      )) !== link.hash ||
      !(await openCommitment(event, sha256));
    if (broken) return { status: 'broken', firstBrokenSeq: i };
    prev = link.hash;
  }
  return { status: 'intact' };
}

export function exportedLink(event: AuditEvent & { chain: AuditChainLink }): ExportedLink {
  const { seq, prev, day, commitment, hash } = event.chain;
  return { seq, prev, action: event.action, day, commitment, hash };
}

// ---------------------------------------------------------------------------
// Anchor codes
// ---------------------------------------------------------------------------

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 base32 characters = 80 bits of the hash. */
const ANCHOR_CHARS = 16;

function hashCode(hashHex: string): string {
  let bits = '';
  for (let i = 0; i < 20 && i < hashHex.length; i += 2) {
    bits += Number.parseInt(hashHex.slice(i, i + 2), 16)
      .toString(2)
      .padStart(8, '0');
  }
  let out = '';
  for (let i = 0; i < ANCHOR_CHARS; i++) out += CROCKFORD[Number.parseInt(bits.slice(i * 5, i * 5 + 5), 2)] ?? '0';
  return out;
}

function grouped(seq: number, code: string): string {
  return `${seq}-${code.match(/.{4}/g)?.join('-') ?? code}`;
}

/** The anchor code of a link: its seq and 80 bits of its hash, `<seq>-XXXX-XXXX-XXXX-XXXX`. */
export function anchorOf(link: { seq: number; hash: string }): string {
  return grouped(link.seq, hashCode(link.hash));
}

/**
 * Reads an anchor code as typed: ignores case and spaces, reads O as 0 and
 * I/L as 1. Returns { seq, code } with the code as anchorOf() writes it, or
 * null when it is not a seq, a dash and 16 base32 characters.
 */
export function normalizeAnchor(input: string): { seq: number; code: string } | null {
  const match = /^\s*(\d{1,9})\s*-(.*)$/.exec(input);
  if (!match) return null;
  const seq = Number(match[1]);
  const clean = (match[2] ?? '').toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== ANCHOR_CHARS) return null;
  for (const c of clean) if (!CROCKFORD.includes(c)) return null;
  return { seq, code: grouped(seq, clean) };
}

// ---------------------------------------------------------------------------
// Export file
// ---------------------------------------------------------------------------

function checksumText(file: Omit<AuditLogFile, 'checksum'>): string {
  return [
    'baken-audit-file/1',
    file.type,
    String(file.version),
    file.generatedOn,
    file.hashAlgorithm,
    String(file.preChainEvents),
    String(file.events.length),
    file.head === null ? '' : `${file.head.seq}:${file.head.hash}`,
    // Appended only when present, so files without the label keep their checksum.
    ...(file.dataClass === undefined ? [] : [file.dataClass]),
  ].join('\n');
}

/** Builds the exported file from links in seq order. */
export async function buildAuditLogFile(
  input: { links: readonly ExportedLink[]; preChainEvents: number; generatedOn: string },
  sha256: Sha256,
): Promise<AuditLogFile> {
  const last = input.links[input.links.length - 1];
  const body: Omit<AuditLogFile, 'checksum'> = {
    type: AUDIT_LOG_TYPE,
    version: AUDIT_LOG_VERSION,
    generatedOn: input.generatedOn,
    hashAlgorithm: 'SHA-256',
    dataClass: AUDIT_LOG_DATA_CLASS,
    preChainEvents: input.preChainEvents,
    events: [...input.links],
    head: last === undefined ? null : { seq: last.seq, hash: last.hash },
  };
  return { ...body, checksum: await sha256Hex(sha256, checksumText(body)) };
}

/** The exported file as text: compact JSON, so every byte is significant. */
export function auditLogFileToText(file: AuditLogFile): string {
  return JSON.stringify(file);
}

// ---------------------------------------------------------------------------
// Verifier
// ---------------------------------------------------------------------------

/**
 * Verifies an exported audit log (its text or parsed JSON). Checks, in order:
 * the format (zod, strict; a file of Baken's audit-log type that fails it is
 * `altered`, with the first link that fails when the problem is in one), each link's seq, prev and hash from seq 0 on,
 * the head, the file checksum, and — when given — that `anchor` (a code the
 * auditor noted earlier) is the anchor of one of the links. Reports the first
 * broken link; `firstBrokenSeq` is null when the file as a whole is wrong, and
 * the number of links when an anchor is missing (the history after it was cut
 * off or rewritten).
 */
const AUDIT_LOG_START = new RegExp(`^\\uFEFF?\\s*\\{\\s*"type"\\s*:\\s*"${AUDIT_LOG_TYPE}"`);

/** An audit log nests four levels deep; far deeper text is no audit log (a hostile file). */
const MAX_JSON_DEPTH = 32;

export async function verifyAuditChain(
  file: unknown,
  sha256: Sha256,
  options: { anchor?: string | undefined } = {},
): Promise<ChainVerdict> {
  let value = file;
  if (typeof file === 'string') {
    // Far deeper than an audit log: refused in one linear pass, without JSON.parse building millions of
    // nested arrays (a security review: a hostile 18 MB file froze the page for seconds).
    if (jsonNestingDepth(file, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
      return { valid: false, firstBrokenSeq: null, reason: AUDIT_LOG_START.test(file) ? 'altered' : 'format' };
    try {
      value = JSON.parse(file) as unknown;
    } catch {
      // The file is written with its type first (buildAuditLogFile): text that begins so is Baken's own
      // log cut off or damaged, not a stranger's file.
      return { valid: false, firstBrokenSeq: null, reason: AUDIT_LOG_START.test(file) ? 'damaged' : 'format' };
    }
  }
  const parsed = auditLogFileSchema.safeParse(value);
  if (!parsed.success) {
    // A Baken audit log by its type, but no longer in its format: changed, not a stranger.
    // Names the first link that no longer fits, when the problem is in a link.
    if (typeof value !== 'object' || value === null || Reflect.get(value, 'type') !== AUDIT_LOG_TYPE) {
      return { valid: false, firstBrokenSeq: null, reason: 'format' };
    }
    const links = parsed.error.issues.flatMap((issue) =>
      issue.path[0] === 'events' && typeof issue.path[1] === 'number' ? [issue.path[1]] : [],
    );
    return { valid: false, firstBrokenSeq: links.length > 0 ? Math.min(...links) : null, reason: 'altered' };
  }
  const log = parsed.data;
  let anchor: { seq: number; code: string } | null = null;
  if (options.anchor !== undefined) {
    anchor = normalizeAnchor(options.anchor);
    if (anchor === null) return { valid: false, firstBrokenSeq: null, reason: 'anchor' };
  }

  let prev = GENESIS_PREV;
  let anchorFound = false;
  for (let i = 0; i < log.events.length; i++) {
    const link = log.events[i];
    if (link === undefined) break;
    if (link.seq !== i) return { valid: false, firstBrokenSeq: i, reason: 'seq' };
    if (link.prev !== prev) return { valid: false, firstBrokenSeq: i, reason: 'prev' };
    const { hash, ...rest } = link;
    if ((await computeLinkHash(rest, sha256)) !== hash) return { valid: false, firstBrokenSeq: i, reason: 'hash' };
    // The anchor must match the link at the seq it names, not any link.
    if (anchor !== null && link.seq === anchor.seq && anchorOf(link) === anchor.code) anchorFound = true;
    prev = hash;
  }

  const last = log.events[log.events.length - 1];
  const headOk =
    last === undefined
      ? log.head === null
      : log.head !== null && log.head.seq === last.seq && log.head.hash === last.hash;
  if (!headOk) {
    // The head names a later link than the file holds: the links from there on are missing.
    const next = last === undefined ? 0 : last.seq + 1;
    if (log.head !== null && log.head.seq >= next) return { valid: false, firstBrokenSeq: next, reason: 'seq' };
    return { valid: false, firstBrokenSeq: last?.seq ?? 0, reason: 'head' };
  }

  const { checksum, ...body } = log;
  if ((await sha256Hex(sha256, checksumText(body))) !== checksum) {
    return { valid: false, firstBrokenSeq: null, reason: 'checksum' };
  }
  if (anchor !== null && !anchorFound) {
    return anchor.seq < log.events.length
      ? { valid: false, firstBrokenSeq: anchor.seq, reason: 'anchor' }
      : { valid: false, firstBrokenSeq: log.events.length, reason: 'anchorPastEnd' };
  }
  return {
    valid: true,
    head: log.head,
    anchor: log.head === null ? null : anchorOf(log.head),
    events: log.events.length,
  };
}
