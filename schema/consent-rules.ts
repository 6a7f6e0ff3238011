// Pure rules over consent records: is a record in force on a date, and which
// record (if any) allows sharing one category of information with a recipient.
// Dates are ISO `YYYY-MM-DD`, so string order is calendar order.
import type { ConsentRecord, InfoCategory, Recipient } from './records/consent';

/**
 * Consent (`toestemming`) is in force from `givenOn` up to the day before
 * `withdrawnOn`: a withdrawal counts from that day on. Sharing without consent
 * (`noodtoestand`, `art-458bis`) is a one-off justification that only covers
 * its own `sharedOn` date.
 */
export function isConsentActive(c: ConsentRecord, onDate: string): boolean {
  if (c.basis === 'toestemming') {
    return c.givenOn <= onDate && (c.withdrawnOn === undefined || onDate < c.withdrawnOn);
  }
  return c.sharedOn === onDate;
}

export interface ShareQuery {
  /** Whose information. Omit only for items that concern no single person. */
  partyId?: string | undefined;
  recipient: Recipient;
  category: InfoCategory;
  onDate: string;
}

/**
 * The record that allows this share, or null. Consent is preferred over a
 * documented emergency, and the most recent consent over older ones, so a
 * summary cites the strongest basis. Without `partyId`, a record about any
 * party counts: the caller passes only the records relevant to the item.
 */
export function allowsShare(records: readonly ConsentRecord[], query: ShareQuery): ConsentRecord | null {
  const matching = records.filter(
    (c) =>
      (query.partyId === undefined || c.partyId === query.partyId) &&
      c.recipient === query.recipient &&
      c.categories.includes(query.category) &&
      isConsentActive(c, query.onDate),
  );
  const rank = (c: ConsentRecord): string =>
    c.basis === 'toestemming' ? `1|${c.givenOn}|${c.createdAt}` : `0|${c.sharedOn}|${c.createdAt}`;
  let best: ConsentRecord | null = null;
  for (const c of matching) {
    if (best === null || rank(c) > rank(best)) best = c;
  }
  return best;
}
