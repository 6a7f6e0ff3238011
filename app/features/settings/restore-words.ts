// The restore result in words a worker understands (issue 16):
// "2 dossiers teruggezet (met 5 betrokkenen, 7 notities, 1 opvolging)."
import { nl } from '../../i18n/catalogue';

const t = nl.settings.import;

/** Cases first, then each kind that came back, in words with the right singular or plural. */
export function restoredInWords(kinds: Partial<Record<string, number>>): string {
  const known = ['party', 'assessment', 'consent', 'note', 'followup', 'referral', 'step', 'takedown'];
  const parts = known.flatMap((kind) => {
    const n = kinds[kind] ?? 0;
    const words = t.restoredKinds[kind];
    return n > 0 && words ? [t.restoredCount(n, ...words)] : [];
  });
  const other = Object.entries(kinds)
    .filter(([kind]) => kind !== 'case' && !known.includes(kind))
    .reduce((sum, [, n]) => sum + (n ?? 0), 0);
  const otherWords = t.restoredKinds.other;
  if (other > 0 && otherWords) parts.push(t.restoredCount(other, ...otherWords));
  return t.restoredInWords(kinds.case ?? 0, parts.join(', '));
}
