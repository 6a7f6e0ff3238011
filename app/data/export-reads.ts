// Data operations of the export screen: reading the cases behind the auditor
// figures (in batches, with progress) and recording each export in the audit
// log. Nothing leaves the device here; the screen decides what is saved.
import { periodRange, summaryBasis } from '../../schema/audit-aggregates';
import type { AggregateInput, AuditPeriod } from '../../schema/audit-aggregates';
import { coarseDay } from '../../schema/audit-chain';
import type { StoredRecord } from '../../schema/records';
import type { ConsentBasis, InfoCategory, Recipient } from '../../schema/records/consent';
import { exportAuditLog, readAuditAnchor } from './audit-log';
import type { AuditLogExport } from './audit-log';
import { db } from './db';
import type { AuditRow, RecordRow } from './db';
import { VaultLockedError } from './errors';
import { openRecordRow, openRows } from './records-io';
import type { RecordResult } from './records-io';
import { getDataKey, requireDataKey } from './session';
import { appendAudit } from './store';

export { readAuditAnchor } from './audit-log';

const BATCH = 256;
const PART_KINDS = new Set([
  'party',
  'consent',
  'assessment',
  'followup',
  'takedown',
  'police',
  'informed',
  'conversation',
  'evidence',
  'grooming',
]);

export interface ExportProgress {
  done: number;
  total: number;
}

/** Decrypts rows a batch at a time, yielding to the page between batches so progress can render. */
async function openInBatches<R>(
  key: CryptoKey,
  rows: readonly R[],
  onBatch: (n: number) => void,
  open: (batch: R[]) => Promise<RecordResult[]>,
): Promise<RecordResult[]> {
  const out: RecordResult[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    out.push(...(await open(batch)));
    if (getDataKey() !== key) throw new VaultLockedError();
    onBatch(batch.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return out;
}

/**
 * The cases that became known in `period`, each with its parties, consent
 * records, assessments, follow-ups and the summaries made of it (from the
 * `export.summary` audit events since the period began; notes and drafts are
 * not read). Cases are decrypted first; only the parts of the cases in the
 * period after that.
 * Reports progress after every batch. Damaged records are counted and left
 * out. Offline: works. Fails with VaultLockedError (also when the vault
 * locks while reading).
 */
export async function readAggregateInputs(
  period: AuditPeriod,
  onProgress?: (p: ExportProgress) => void,
): Promise<{ inputs: AggregateInput[]; damaged: number }> {
  const key = requireDataKey();
  const caseRows = await db.records.where('kind').equals('case').toArray();
  let total = caseRows.length;
  let done = 0;
  const step = (n: number): void => {
    done += n;
    onProgress?.({ done, total });
  };
  onProgress?.({ done, total });
  let damaged = 0;
  const { from, until } = periodRange(period);
  const openRecords = (batch: RecordRow[]): Promise<RecordResult[]> =>
    Promise.all(batch.map((row) => openRecordRow(key, row)));
  const inputs = new Map<string, AggregateInput>();
  for (const result of await openInBatches(key, caseRows, step, openRecords)) {
    if (!result.ok) damaged++;
    else if (result.record.kind === 'case' && result.record.knownOn >= from && result.record.knownOn < until) {
      inputs.set(result.record.id, {
        case: result.record,
        parties: [],
        consents: [],
        assessments: [],
        followUps: [],
        summaries: [],
      });
    }
  }
  const ids = [...inputs.keys()];
  // One indexed query per kind, filtered in memory: far faster than
  // `where('caseId').anyOf(ids)` over thousands of ids.
  const wanted = new Set(ids);
  const partRows =
    ids.length === 0
      ? []
      : (await Promise.all([...PART_KINDS].map((kind) => db.records.where('kind').equals(kind).toArray())))
          .flat()
          .filter((row) => row.caseId !== undefined && wanted.has(row.caseId));
  total += partRows.length;
  for (const result of await openInBatches(key, partRows, step, openRecords)) {
    if (!result.ok) {
      damaged++;
      continue;
    }
    const record: StoredRecord = result.record;
    if (!('caseId' in record) || record.caseId === undefined) continue;
    const input = inputs.get(record.caseId);
    if (!input) continue;
    if (record.kind === 'party') input.parties = [...input.parties, record];
    else if (record.kind === 'consent') input.consents = [...input.consents, record];
    else if (record.kind === 'assessment') input.assessments = [...input.assessments, record];
    else if (record.kind === 'followup') input.followUps = [...input.followUps, record];
    else if (record.kind === 'takedown') input.takedowns = [...(input.takedowns ?? []), record];
    else if (record.kind === 'police') input.police = [...(input.police ?? []), record];
    else if (record.kind === 'informed') input.informed = [...(input.informed ?? []), record];
    else if (record.kind === 'conversation') input.conversations = [...(input.conversations ?? []), record];
    else if (record.kind === 'evidence') input.evidence = [...(input.evidence ?? []), record];
    else if (record.kind === 'grooming') input.grooming = [...(input.grooming ?? []), record];
  }
  // A summary cannot be made before its case became known, so events from
  // before the period are not read. Audit rows have no plaintext action or case.
  const auditRows = ids.length === 0 ? [] : await db.audit.where('at').aboveOrEqual(from).toArray();
  total += auditRows.length;
  const openAudit = (batch: AuditRow[]): Promise<RecordResult[]> =>
    openRows(key, 'audit', { table: 'audit', rows: batch });
  for (const result of await openInBatches(key, auditRows, step, openAudit)) {
    if (!result.ok) {
      damaged++;
      continue;
    }
    const event = result.record;
    if (event.kind !== 'audit' || event.action !== 'export.summary' || event.caseId === undefined) continue;
    // A summary with nothing in it shared nothing.
    if ((event.details?.categories?.length ?? 0) === 0) continue;
    const input = inputs.get(event.caseId);
    if (input) input.summaries = [...input.summaries, { basis: event.details?.basis, day: coarseDay(event.at) }];
  }
  return { inputs: [...inputs.values()], damaged };
}

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
