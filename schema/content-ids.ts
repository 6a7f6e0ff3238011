// Plain constants of the content model, without zod, so the knowledge screens
// (on the lock screen's critical path) can use them without the schema library.

/** A seed file name such as "000_8b6da676571e0853.txt". */
export const seedFilePattern = /^\d{3}_[0-9a-f]{16}\.txt$/;

/** A named public source: "publieke bron: <naam>". */
export const publicSourcePrefix = 'publieke bron: ';

/** Baken's own rule or default, labelled as such: "keuze van Baken: <wat>". */
export const bakenChoicePrefix = 'keuze van Baken: ';

/** The incident types a case can have (DOMAIN.md). */
export const incidentTypeIds = [
  'sexting',
  'ongewenste-sexting',
  'shame-sexting',
  'sextortion',
  'grooming',
  'exposing',
  'doxing',
  'anders',
] as const;

export const topicIds = [
  'sexting',
  'sextortion',
  'grooming',
  'beelden-verwijderen',
  'aangifte-melding',
  'ouders',
  'professionals',
] as const;

/** Vlaggensysteem criteria, 2021 version (Sensoa, used in Flanders). */
export const criteria2021Ids = [
  'wederzijdse-toestemming',
  'vrijwilligheid',
  'gelijkwaardigheid',
  'ontwikkelings-of-functioneringsniveau',
  'context',
  'impact',
] as const;

/** The older NL criteria that the sources name (incomplete; see vlaggensysteem.json). */
export const criteriaOuderNlIds = ['leeftijds-ontwikkelingsadequaat', 'contextadequaat', 'zelfrespect'] as const;
