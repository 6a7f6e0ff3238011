// Every record read from storage or an import passes through `restoreRecord()`:
// older shapes are upgraded step by step to the current `schemaVersion`, then
// the result is validated. Pure; the storage layer decides what a failure means.
import type { z } from 'zod';

import { currentSchemaVersion, storedRecordSchema } from './records';
import { kindSchema } from './records/base';
import type { StoredRecord } from './records';
import type { RecordKind } from './records/base';

type Upgrade = (old: Record<string, unknown>) => Record<string, unknown>;

/** upgrades[kind][n] turns schemaVersion n into n + 1. */
const upgrades: { [K in RecordKind]?: Record<number, Upgrade> } = {
  party: {
    // Issue 15: `birthYear` is no longer kept (age is). A recorded age stays;
    // without one the age becomes unknown, which asks the consent of both the
    // young person and the parents (consent-validity.ts), never less.
    1: (old) => {
      const { birthYear: _dropped, ...rest } = old;
      return { ...rest, schemaVersion: 2 };
    },
  },
  consent: {
    // Issue 14. Given consent keeps its fields: its validity is worked out when
    // read (consent-validity.ts). A share without consent gets "niet
    // vastgelegd" for whether the young person was told (never guessed), the
    // answer to "who is best placed" as the person best placed to help for a
    // noodtoestand, and no confirmed warnings.
    1: (old) => {
      if (old['basis'] === 'toestemming') return { ...old, schemaVersion: 2 };
      const checks = old['checks'];
      const best =
        isPlainObject(checks) && typeof checks['bestPlacedToInform'] === 'string'
          ? checks['bestPlacedToInform']
          : undefined;
      return {
        ...old,
        schemaVersion: 2,
        ...(old['basis'] === 'noodtoestand' && best !== undefined ? { bestPlacedToHelp: best.slice(0, 500) } : {}),
        youngPersonInformed: { told: 'niet-vastgelegd' },
        confirmedWarnings: [],
      };
    },
    // Issue 15 item 3: the `contactgegevens` category is gone (no field ever
    // filled it, so it never released anything). A record that named it keeps
    // it in `retiredCategories`, readable in its history; what it covers stays
    // exactly the same. One that named only that category now covers nothing.
    2: (old) => {
      const categories = Array.isArray(old['categories']) ? (old['categories'] as unknown[]) : undefined;
      if (!categories?.includes('contactgegevens')) return { ...old, schemaVersion: 3 };
      return {
        ...old,
        schemaVersion: 3,
        categories: categories.filter((c) => c !== 'contactgegevens'),
        retiredCategories: ['contactgegevens'],
      };
    },
  },
};

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
