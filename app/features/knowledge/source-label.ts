// Readable "Bron" lines for content items. Sources are stored as seed file
// names or "publieke bron: …" parts (see sourceSchema); the UI shows the seed's
// title from the catalogue so a reader can trace every fact.
import { seedFilePattern } from '../../../schema/content-ids';
import { nl } from '../../i18n/core';

const publicPrefix = 'publieke bron: ';

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
  if (part.startsWith(publicPrefix)) return t.publicSource(part.slice(publicPrefix.length));
  return part;
}

/** Readable text for one or more source strings: parts de-duplicated, in first-seen order. */
export function formatSources(...sources: readonly string[]): string {
  const parts = [...new Set(sources.flatMap(sourceParts))];
  return parts.map(formatSourcePart).join('; ');
}
