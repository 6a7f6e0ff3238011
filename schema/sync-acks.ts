// Erasure acknowledgements (issue 20): which erased documents one device has
// applied (shredded its rows), so a document is purged from the server only
// once every active device has seen its deletion. Pure zod, no DOM.
import { z } from 'zod';

/** Record and audit ids are random UUIDs (the replicator's document ids). */
export const syncDocIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/**
 * Bounded: ids leave the list once purged, and the oldest leave first when it is full. A full list,
 * sealed and base64-encoded, is about 0.52 MB: half of CouchDB's default max_document_size (1 MiB).
 */
export const MAX_ACKED_IDS = 10_000;
// Lists written before held up to 20,000 ids (about 1.04 MB sealed, too close to 1 MiB): still read,
// and cut to MAX_ACKED_IDS at the next acknowledgement.
const MAX_READ_IDS = 20_000;

export const erasureAcksSchema = z.object({ ids: z.array(syncDocIdSchema).max(MAX_READ_IDS) });
export type ErasureAcks = z.infer<typeof erasureAcksSchema>;

/**
 * The ids that may be purged: acknowledged by this device and by every other active
 * device (a removed device is not awaited: it gets no new data anyway).
 */
export function acknowledgedByAll(own: readonly string[], others: ReadonlyArray<ReadonlySet<string>>): string[] {
  return own.filter((id) => others.every((acks) => acks.has(id)));
}
