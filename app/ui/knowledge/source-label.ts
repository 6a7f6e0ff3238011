// Readable "Bron" lines for content items. Sources are stored as seed file
// names, "publieke bron: …" or "keuze van Baken: …" parts (see sourceSchema);
// the UI shows the seed's title from the catalogue so a reader can trace every
// fact, and Baken's own choices are labelled as such.
import { bakenChoicePrefix, publicSourcePrefix, seedFilePattern } from '../../../schema/content-ids';
import { nl } from '../../i18n/core';

/** The "; "-separated parts of one source string. */
export function sourceParts(source: string): string[] {
  return source
    .split('; ')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** One source part in readable form, e.g. "Qpido — … (seed 000)". */
export function formatSourcePart(part: string): string {
  const t = nl.knowledge.source;
  if (seedFilePattern.test(part)) {
    const number = part.slice(0, 3);
    const title = t.seeds[number];
    return title ? t.seed(title, number) : t.unknownSeed(number);
  }
  if (part.startsWith(publicSourcePrefix)) return t.publicSource(part.slice(publicSourcePrefix.length));
  if (part.startsWith(bakenChoicePrefix)) return t.bakenChoice(part.slice(bakenChoicePrefix.length));
  return part;
}

/** Readable text for one or more source strings: parts de-duplicated, in first-seen order. */
export function formatSources(...sources: readonly string[]): string {
  const parts = [...new Set(sources.flatMap(sourceParts))];
  return parts.map(formatSourcePart).join('; ');
}

/** "1 december 2026" for an ISO date (the "laatst gecontroleerd" line). */
export function formatCheckedDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return isoDate;
  return new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long' }).format(new Date(year, month - 1, day));
}
