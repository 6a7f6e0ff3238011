// Every record read from storage or an import passes through `restoreRecord()`:
// older shapes are upgraded step by step to the current `schemaVersion`, then
// the result is validated. Pure; the storage layer decides what a failure means.
import type { z } from 'zod';

import { currentSchemaVersion, storedRecordSchema } from './records';
import { kindSchema } from './records/base';
import type { StoredRecord } from './records';
import type { RecordKind } from './records/base';

type Upgrade = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * upgrades[kind][n] turns schemaVersion n into n + 1. Empty while every kind is
 * at version 1; add a step here when a schema gets `schemaVersion: 2`.
 */
const upgrades: { [K in RecordKind]?: Record<number, Upgrade> } = {};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Upgrades `value` to the current shape of its kind (if it can) and validates it. */
export function restoreRecord(value: unknown): z.ZodSafeParseResult<StoredRecord> {
  if (!isPlainObject(value)) return storedRecordSchema.safeParse(value);
  let current = value;
  const kind = kindSchema.safeParse(current['kind']);
  if (kind.success) {
    const steps = upgrades[kind.data] ?? {};
    const target = currentSchemaVersion[kind.data];
    for (let v = current['schemaVersion']; typeof v === 'number' && v < target; v = current['schemaVersion']) {
      const step = steps[v];
      if (!step) break;
      current = step(current);
    }
  }
  return storedRecordSchema.safeParse(current);
}
