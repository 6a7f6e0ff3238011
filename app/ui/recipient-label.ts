// A consent recipient in words, under a case's Rechtsgebied: in the Netherlands "politie/parket" reads
// "politie" (the parket is Belgian; the stored value is the same). One place for the forms, the consent
// cards and the sync conflict texts.
import type { Recipient } from '../../schema/records/consent';
import { nl } from '../i18n/catalogue';

const t = nl.logbook.consent;

export function recipientLabel(recipient: Recipient, inNl: boolean): string {
  return inNl && recipient === 'politie-parket' ? t.recipientPoliceNl : t.recipients[recipient];
}
