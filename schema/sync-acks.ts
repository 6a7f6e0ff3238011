// Erasure acknowledgements (issue 20): which erased documents one device has
// applied (shredded its rows), so a document is purged from the server only
// once every active device has seen its deletion. Pure zod, no DOM.
import { z } from 'zod';

/** Record and audit ids are random UUIDs (the replicator's document ids). */
export const syncDocIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** Bounded: ids leave the list once purged; the rest stays well under CouchDB's max_document_size. */
export const MAX_ACKED_IDS = 20_000;

export const erasureAcksSchema = z.object({ ids: z.array(syncDocIdSchema).max(MAX_ACKED_IDS) });
export type ErasureAcks = z.infer<typeof erasureAcksSchema>;

/**
 * The ids that may be purged: acknowledged by this device and by every other active
 * device (a removed device is not awaited: it gets no new data anyway).
 */
export function acknowledgedByAll(own: readonly string[], others: ReadonlyArray<ReadonlySet<string>>): string[] {
  return own.filter((id) => others.every((acks) => acks.has(id)));
}
