// Data operations of the export screen: reading the cases behind the auditor
// figures (in batches, with progress) and recording each export in the audit
// log. Nothing leaves the device here; the screen decides what is saved.
import { periodRange, summaryBasis } from '../../schema/audit-aggregates';
import type { AggregateInput, AuditPeriod, SummaryMade } from '../../schema/audit-aggregates';
import { coarseDay } from '../../schema/audit-chain';
import type { ConsentBasis, InfoCategory, Recipient } from '../../schema/records/consent';
import { exportAuditLog, readAuditAnchor } from './audit-log';
import type { AuditLogExport } from './audit-log';
import { db } from './db';
import { VaultLockedError } from './errors';
import { ensureIndex, entriesOf } from './index/case-index';
import type { CaseEntry, CaseProjection } from './index/entries';
import { openRows } from './records-io';
import type { RecordResult } from './records-io';
import { getDataKey, requireDataKey } from './session';
import { appendAudit } from './store';

export { readAuditAnchor } from './audit-log';

const BATCH = 256;
/** Parts the figures read; a damaged one of these in a case of the period is counted. */
export const FIGURE_PART_KINDS = [
  'party',
  'consent',
  'assessment',
  'followup',
  'takedown',
  'police',
  'informed',
  'conversation',
] as const;
const PART_KINDS = new Set<string>(FIGURE_PART_KINDS);

export interface ExportProgress {
  done: number;
  total: number;
}

/** How the export screen reads one period: its inputs, and how many damaged records were left out. */
export type PeriodReader<T> = (
  period: AuditPeriod,
  onProgress?: (p: ExportProgress) => void,
) => Promise<{ inputs: T[]; damaged: number }>;

/** A case of the index as the figures see it (only the fields they read). */
function inputOf(id: string, c: CaseProjection, entry: CaseEntry): AggregateInput {
  const takedowns = entry.t.map(([step, status, on, createdAt]) => ({ step, status, on, createdAt }));
  // Only what the figures read: complaints made, and the ages of depicted young people.
  const police = entry.o.flatMap((made) => (made === 1 ? [{ stage: 'neergelegd' as const }] : []));
  return {
    case: { id, knownOn: c.knownOn, types: c.types },
    parties: entry.p.flatMap((p) => (p.d === undefined ? [] : [{ role: 'afgebeelde-jongere' as const, age: p.d }])),
    consents: entry.k.map((k) => (k === 0 ? { basis: 'toestemming' as const } : { basis: k[0], sharedOn: k[1] })),
    assessments: entry.a,
    followUps: entry.f.map((f) => (Array.isArray(f) ? { due: f[0], doneOn: f[1] } : f)),
    summaries: [],
    ...(takedowns.length === 0 ? {} : { takedowns }),
    ...(police.length === 0 ? {} : { police }),
    ...(entry.i.length === 0 ? {} : { informed: entry.i }),
    ...(entry.v.length === 0 ? {} : { conversations: entry.v.map((on) => ({ on })) }),
  };
}

/**
 * Adds one decrypted audit row to the case it names when it records a
 * need-to-know summary that shared something. False when the row is damaged.
 */
export function takeSummaryEvent(
  inputs: ReadonlyMap<string, { summaries: readonly SummaryMade[] }>,
  result: RecordResult,
): boolean {
  if (!result.ok) return false;
  const event = result.record;
  if (event.kind !== 'audit' || event.action !== 'export.summary' || event.caseId === undefined) return true;
  // A summary with nothing in it shared nothing.
  if ((event.details?.categories?.length ?? 0) === 0) return true;
  const input = inputs.get(event.caseId);
  if (input)
    input.summaries = [
      ...input.summaries,
      { basis: event.details?.basis, day: coarseDay(event.at), recipient: event.details?.recipient },
    ];
  return true;
}

/**
 * The cases that became known in `period`, each with what the figures need
 * of its parties, consent records, assessments, follow-ups, takedown steps,
 * police records, other schools informed and conversations (from the case
 * index, issue 19: no case record is decrypted), and the summaries made of it
 * (from the `export.summary` audit events since the period began; notes and
 * drafts are not read). Reports progress while it reads the audit events
 * (a stale index is first rebuilt, with the index's own progress). Damaged
 * records are counted and left out. Offline: works. Fails with
 * VaultLockedError (also when the vault locks while reading).
 */
export const readAggregateInputs: PeriodReader<AggregateInput> = async (period, onProgress) => {
  const key = requireDataKey();
  const index = await ensureIndex(key);
  if (!index || getDataKey() !== key) throw new VaultLockedError();
  const { from, until } = periodRange(period);
  let damaged = 0;
  const inputs = new Map<string, AggregateInput>();
  for (const [id, entry] of entriesOf(index)) {
    if (entry.c === undefined) continue;
    if (entry.c === 0) {
      damaged++;
      continue;
    }
    if (entry.c.knownOn < from || entry.c.knownOn >= until) continue;
    for (const kind of entry.x) if (PART_KINDS.has(kind)) damaged++;
    inputs.set(id, inputOf(id, entry.c, entry));
  }
  // A summary cannot be made before its case became known, so events from
  // before the period are not read. Audit rows have no plaintext action or case.
  const auditRows = inputs.size === 0 ? [] : await db.audit.where('at').aboveOrEqual(from).toArray();
  const total = auditRows.length;
  onProgress?.({ done: 0, total });
  for (let i = 0; i < auditRows.length; i += BATCH) {
    const batch = auditRows.slice(i, i + BATCH);
    const results = await openRows(key, 'audit', { table: 'audit', rows: batch });
    if (getDataKey() !== key) throw new VaultLockedError();
    for (const result of results) if (!takeSummaryEvent(inputs, result)) damaged++;
    onProgress?.({ done: Math.min(i + batch.length, total), total });
    // Yield so the progress can render.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { inputs: [...inputs.values()], damaged };
};

/**
 * Records that a need-to-know summary was made: recipient, categories and
 * what it rested on (consent, or the basis of a share without consent),
 * never content. Resolves the anchor code of the new head (it covers this
 * event), to print on the summary. Offline: works. Fails like saveRecords;
 * then nothing was recorded and the summary must not be shown.
 */
export async function recordSummaryExport(input: {
  caseId: string;
  recipient: Recipient;
  categories: readonly InfoCategory[];
  /** The basis of each shared part; none when nothing was shared. */
  parts: ReadonlyArray<{ basis: ConsentBasis }>;
}): Promise<{ anchor: string | null }> {
  await appendAudit({
    action: 'export.summary',
    caseId: input.caseId,
    details: {
      recipient: input.recipient,
      categories: [...input.categories],
      ...(input.parts.length === 0 ? {} : { basis: summaryBasis(input.parts) }),
    },
  });
  return { anchor: await readAuditAnchor() };
}

/** Records that auditor figures were made (no content, no count). Offline: works. Fails like saveRecords. */
export async function recordAggregatesExport(): Promise<void> {
  await appendAudit({ action: 'export.audit' });
}

/**
 * Records the export of the audit log, then builds the file (so the file
 * covers its own export). Offline: works. Fails like saveRecords or with
 * VaultLockedError; then no file is returned.
 */
export async function exportAuditLogFile(generatedOn: string): Promise<AuditLogExport> {
  await appendAudit({ action: 'export.audit', details: { recordKind: 'audit' } });
  return exportAuditLog(generatedOn);
}

/**
 * A keyed hash for one pseudonymised export: HMAC-SHA-256 under a fresh,
 * non-extractable random key that is never stored, so pseudonyms of two
 * exports cannot be linked and nobody can recompute them. Offline: works.
 */
export async function makeExportKeyedHash(): Promise<(caseId: string) => Promise<string>> {
  const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const encoder = new TextEncoder();
  return async (caseId) => {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(caseId)));
    // 128 bits are plenty to tell the cases of one export apart.
    return Array.from(mac.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  };
}

/** Records that a pseudonymised row-level log was made (no content, no count). Offline: works. Fails like saveRecords. */
export async function recordPseudonymisedLogExport(): Promise<void> {
  await appendAudit({ action: 'export.audit', details: { recordKind: 'case' } });
}
