// One entry of a device's list of erased cases (issue 20, app/data/sync/erased-cases.ts):
// the id of a case erased on this device, by the worker or by a pulled deletion. Pure zod.
import { z } from 'zod';

import { syncDocIdSchema } from './sync-acks';

export const erasedCaseSchema = z.object({ caseId: syncDocIdSchema });
export type ErasedCase = z.infer<typeof erasedCaseSchema>;
