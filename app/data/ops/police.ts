// Police (issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordPoliceInput } from '../../../schema/records/police';
import type { Police } from '../../../schema/records/police';
import { defineAddOperation, newRecordHead } from '../unit-of-work';

/**
 * Records that a police complaint was considered, advised or made, by whom,
 * on a date, whether the young person or parents were told what a complaint
 * means, and the worker's initials. Append-only: the latest record per stage
 * is its state. The audit event carries only its action and the case.
 */
export const recordPoliceStep = defineAddOperation({
  input: recordPoliceInput,
  audit: 'police.recorded',
  build: (input, kase, now): Police => ({
    ...newRecordHead('police', kase.id),
    stage: input.stage,
    by: input.by,
    on: input.on,
    informed: input.informed,
    byInitials: input.byInitials,
    createdAt: now.toISOString(),
  }),
});

export const policeOperations = { recordPoliceStep };
