// Words workers type for the same thing, so knowledge search finds
// "sextortion" when asked for "chantage". Baken's own search aid, not content:
// a group only widens what a search matches, it states no fact.
import { normalizeForSearch, type SynonymTable } from './text-search';

/** Each group: words that find each other. Substring matching, so stems suffice. */
export const knowledgeSynonymGroups: readonly (readonly string[])[] = [
  ['sextortion', 'chantage', 'afpersing', 'afpersen', 'afperser'],
  ['naaktfoto', 'nudes', 'nude', 'naaktbeeld', 'naaktfilm', 'sexting'],
  [
    'doorsturen',
    'doorstuurde',
    'doorgestuurd',
    'verspreid',
    'sexting misbruik',
    'shamesexting',
    'shame sexting',
    'ongewenste sexting',
  ],
  ['grooming', 'kinderlokken'],
  ['aangifte', 'klacht', 'politie'],
];

/** The table for matchesQuery: every word of a group maps to the others. */
export function synonymTable(groups: readonly (readonly string[])[]): SynonymTable {
  const table = new Map<string, string[]>();
  for (const group of groups) {
    const words = group.map(normalizeForSearch);
    for (const word of words) {
      const others = words.filter((other) => other !== word);
      table.set(word, [...new Set([...(table.get(word) ?? []), ...others])]);
    }
  }
  return table;
}

export const knowledgeSynonyms: SynonymTable = synonymTable(knowledgeSynonymGroups);
