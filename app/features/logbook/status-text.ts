import type { CaseStatus } from '../../../schema/records/case';
import { nl } from '../../i18n/catalogue';
import { formatDate } from '../../ui/dates';

/** "open", "in rust tot 12/03/2026" or "afgesloten". */
export function statusText(status: CaseStatus, nextFollowUp: string | undefined): string {
  if (status === 'afgesloten') return nl.logbook.status.afgesloten;
  if (status === 'in-rust')
    return nextFollowUp ? nl.logbook.status.inRust(formatDate(nextFollowUp)) : nl.logbook.status.inRustNoDate;
  return nl.logbook.status.open;
}
