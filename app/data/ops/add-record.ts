// An operation that adds one record whose fields are exactly its input: the
// input schema is picked from the record schema, so spreading it is the
// record (saveRecords validates it again before writing).
import type { z } from 'zod';
import type { RecordOfKind } from '../../../schema/records';
import type { AuditAction } from '../../../schema/records/audit';
import { assertNotFuture, defineAddOperation, newRecordHead } from '../unit-of-work';

export function defineRecordOperation<
  K extends 'referral' | 'takedown' | 'evidence' | 'police' | 'informed' | 'grooming',
  S extends z.ZodType<{ caseId: string }>,
  A extends AuditAction,
>(kind: K, input: S, audit: A, happenedOn: keyof z.output<S> & string) {
  return defineAddOperation({
    input,
    audit,
    build: (fields, kase, now) => {
      // The day it happened may not lie in the future (`date.inFuture`).
      assertNotFuture(happenedOn, fields[happenedOn] as string | undefined, now);
      return { ...newRecordHead(kind, kase.id), ...fields, createdAt: now.toISOString() } as RecordOfKind<K>;
    },
  });
}
