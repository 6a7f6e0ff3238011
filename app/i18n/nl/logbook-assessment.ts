// Texts for the competence and flag assessments of a case, spread into
// ./logbook.ts so the paths stay nl.logbook.competence.* and nl.logbook.flags.*.

export const competence = {
  title: 'Wie geeft toestemming?',
  unknownAge: 'Vul de leeftijd in om te zien wie toestemming geeft.',
  givers: {
    jongere: 'de jongere zelf',
    'ouder-voogd': 'de ouders of voogd',
    both: 'de jongere én de ouders of voogd samen',
  },
  decides: (who: string) => `Toestemming geeft: ${who}.`,
  rules: {
    'vl-vermoeden-bekwaam':
      'Vlaanderen: vanaf 12 jaar wordt een jongere vermoed zelf te kunnen oordelen over zijn belangen (vermoeden van bekwaamheid).',
    'vl-vermoeden-niet-bekwaam':
      'Vlaanderen: onder 12 jaar wordt een kind niet vermoed zelf te kunnen oordelen; de ouders of voogd beslissen, tenzij je het kind bekwaam beoordeelt.',
    'vl-beoordeeld-bekwaam': 'Vlaanderen: deze jongere is beoordeeld als bekwaam om zelf te beslissen.',
    'vl-beoordeeld-niet-bekwaam': 'Vlaanderen: deze jongere is beoordeeld als niet bekwaam om zelf te beslissen.',
    'nl-onder-12': 'Nederland: onder 12 jaar beslissen de ouders.',
    'nl-12-tot-16': 'Nederland: van 12 tot 16 jaar beslissen de jongere en de ouders samen.',
    'nl-16-plus': 'Nederland: vanaf 16 jaar beslist de jongere alleen.',
    volwassene: 'Vanaf 18 jaar is iemand volwassen en beslist zelf over de eigen gegevens.',
  },
  assessed: (by: string, on: string, reason: string) => `Beoordeeld door ${by} op ${on}. Waarom: ${reason}`,
  beforeKnown: (on: string) =>
    `Het oordeel over de bekwaamheid is gedateerd op ${on}, vóór ‘Bekend sinds’ van dit dossier. Kijk de datum na en pas ze aan.`,
  overrideNotApplied:
    'Er is een eigen beoordeling genoteerd, maar de regels voor Nederland kennen geen afwijking. Ze is niet toegepast.',
  overrideAdult:
    'Er is een beoordeling van bekwaamheid genoteerd, maar die geldt niet voor een volwassene. Ze is niet toegepast.',
  override: 'Bekwaamheid zelf beoordelen (afwijken van het vermoeden)',
  overrideHint: 'Alleen in Vlaanderen. Noteer wie het beoordeelde, wanneer en waarom.',
  competent: 'Beoordeling',
  competentYes: 'Bekwaam om zelf te beslissen',
  competentNo: 'Niet bekwaam om zelf te beslissen',
  assessedBy: 'Beoordeeld door',
  assessedByHint: 'Naam of initialen van wie het beoordeelde.',
  assessedOn: 'Beoordeeld op',
  reason: 'Waarom?',
} as const;

export const flags = {
  title: 'Vlaggensysteem',
  intro:
    'De vlag is geen optelsom van de criteria en Baken berekent ze nooit. Noteer per criterium je inschatting (‘onbekend’ mag), kies daarna zelf een vlag en schrijf op waarom. De antwoordschaal is een keuze van Baken, geen bron.',
  add: 'Beoordeling toevoegen',
  formTitle: 'Nieuwe beoordeling',
  answers: {
    'in-orde': 'in orde',
    twijfel: 'twijfel',
    'niet-in-orde': 'niet in orde',
    onbekend: 'onbekend',
  },
  flag: 'Vlag (jouw keuze)',
  flagHint: 'Jij kiest de vlag. Doorsturen zonder toestemming is altijd grensoverschrijdend.',
  reasoning: 'Waarom deze vlag?',
  assessedOn: 'Datum van de beoordeling',
  history: 'Alle beoordelingen',
  none: 'Nog geen beoordeling.',
  entry: (date: string, label: string, meaning: string) => `${date}: ${label} — ${meaning}`,
  saved: 'De beoordeling is bewaard.',
  latest: 'meest recent',
  // Issue 15: flags per behaviour and the label set used.
  criteriaVersion: 'Welke versie van het Vlaggensysteem?',
  criteriaVersions: {
    '2021': 'versie 2021 (Vlaanderen, zes criteria)',
    'nl-oud': 'oudere versie (nog gebruikt in Nederland)',
  },
  behaviour: 'Over welk gedrag gaat deze beoordeling? (optioneel)',
  behaviourHint:
    'Bijvoorbeeld ‘eigen foto gestuurd’ of ‘foto doorgestuurd zonder toestemming’. Elk gedrag kan een eigen vlag krijgen.',
  parties: 'Over welke betrokkenen? (optioneel)',
  behaviourText: (text: string) => `Gedrag: ${text}`,
  partiesText: (list: string) => `Betrokkenen: ${list}`,
  versionText: (label: string) => `Vlaggensysteem ${label}`,
  versionShort: { '2021': 'versie 2021', 'nl-oud': 'oudere versie' },
  /** The older Dutch version: only the criteria the sources name (its gap note follows). */
  incomplete: 'Onvolledig in de bronnen.',
  incompleteShort: 'onvolledig in de bronnen',
} as const;
