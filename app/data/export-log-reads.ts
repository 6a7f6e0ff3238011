// The records behind the optional row-level pseudonymised log (issue 15).
// The auditor figures read the case index (export-reads.ts, issue 19); this
// log needs more of each part than the index holds, so it decrypts the
// records of the period's cases, in batches, with progress.
import { periodRange } from '../../schema/audit-aggregates';
import type { LogInput } from '../../schema/pseudonymised-log';
import type { StoredRecord } from '../../schema/records';
import { db } from './db';
import type { AuditRow, RecordRow } from './db';
import { VaultLockedError } from './errors';
import { FIGURE_PART_KINDS, takeSummaryEvent } from './export-reads';
import type { PeriodReader } from './export-reads';
import { openRecordRow, openRows } from './records-io';
import type { RecordResult } from './records-io';
import { getDataKey, requireDataKey } from './session';

const BATCH = 256;
// The figures' parts, and what only the log reads.
const PART_KINDS = [...FIGURE_PART_KINDS, 'evidence', 'grooming'] as const;

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
 * For the optional row-level log (issue 15), which reads more of each part
 * than the figures (who holds evidence, police stages and who acted, the
 * basis of each school informed, grooming phases, conversation formats) and
 * so is made from the records, not from the case index. The cases that
 * became known in `period`, each with its parties, consent
 * records, assessments, follow-ups and the summaries made of it (from the
 * `export.summary` audit events since the period began; notes and drafts are
 * not read). Cases are decrypted first; only the parts of the cases in the
 * period after that.
 * Reports progress after every batch. Damaged records are counted and left
 * out. Offline: works. Fails with VaultLockedError (also when the vault
 * locks while reading).
 */
export const readLogInputs: PeriodReader<LogInput> = async (period, onProgress) => {
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
  const inputs = new Map<string, LogInput>();
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
      : (await Promise.all(PART_KINDS.map((kind) => db.records.where('kind').equals(kind).toArray())))
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
    if (!takeSummaryEvent(inputs, result)) damaged++;
  }
  return { inputs: [...inputs.values()], damaged };
};
