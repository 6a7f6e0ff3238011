// Interface strings for the offline knowledge screens (stappenplan,
// verwijzingen, vlaggensysteem, begrippen). Content text itself comes from
// public/content/*.json; only the chrome around it lives here.
import { caseTypeLabels } from './case-types';

export const knowledge = {
  content: {
    loading: 'Inhoud laden…',
    errorTitle: 'Deze inhoud kon niet geladen worden',
    errorBody:
      'Baken kon deze informatie nu niet openen. Je gegevens zijn niet aangetast. Probeer het opnieuw; lukt het niet, open Baken dan één keer met netwerk zodat de inhoud weer op dit toestel staat.',
    retry: 'Opnieuw proberen',
    version: (version: string) => `Inhoudsversie ${version}`,
  },
  source: {
    /** Readable titles of the seed documents, by the seed file's 3-digit prefix (see DOMAIN.md). */
    seeds: {
      '000': 'Qpido — Wat doe je bij… Sexting 18- / Grooming 18-',
      '001': 'Qpido — training voor professionals',
      '002': 'KIS — overzichtskaart Sexting misbruik',
      '003': 'SlachtofferWijzer — folder over sexting',
      '004': 'Interview ‘Als sexting misgaat’ (CLB Antwerpen)',
    } as Record<string, string>,
    seed: (title: string, number: string) => `${title} (brondocument ${number})`,
    unknownSeed: (number: string) => `brondocument ${number}`,
    publicSource: (name: string) => `${name} (publieke bron)`,
    bakenChoice: (what: string) => `keuze van Baken, geen bron (${what})`,
    lastChecked: (date: string) => `Laatst gecontroleerd: ${date}`,
    prefix: (sources: string) => `Bron: ${sources}`,
    quotePrefix: (sources: string) => `Letterlijk uit: ${sources}`,
  },
  seeAlso: 'Zie ook',
  guide: {
    checklistHint: 'Vink af wat gedaan is. Baken bewaart deze vinkjes niet.',
    references: 'Wetsartikelen zoals in de bron',
  },
  gap: {
    title: (types: string, region: string) => `Geen stappenplan voor ${types} in ${region}`,
    noNote: 'De bronnen van Baken geven hier geen stappenplan. Baken vult er zelf geen in.',
    planLink: (title: string) => `Stappenplan: ${title}`,
  },
  jurisdiction: {
    own: (region: string) => `Jouw rechtsgebied: ${region}`,
    other: (region: string) => `Ander rechtsgebied: ${region}`,
    hint: 'Je rechtsgebied kies je bij Instellingen.',
  },
  regions: {
    vlaanderen: 'Vlaanderen',
    nederland: 'Nederland',
    beide: 'Vlaanderen en Nederland',
  },
  // The logbook's names, plus the source's second name for shame sexting.
  incidentTypes: { ...caseTypeLabels, 'shame-sexting': 'shame sexting / sexting misbruik' },
  stappenplan: {
    intro: 'Wat je kunt doen, stap voor stap. Open een stap voor de details. Werkt ook zonder netwerk.',
    choosePlan: 'Kies een stappenplan',
    region: (region: string) => `Geldt in: ${region}`,
    appliesTo: (types: string) => `Bij: ${types}`,
    /** Incident types Baken gives a plan that its source does not name. */
    appliesToByChoice: (types: string) => `Voor ${types} is dit plan een keuze van Baken: de bron noemt het niet.`,
    steps: 'Stappen',
    step: (number: number) => `Stap ${number}`,
    missingStep: (number: number) => `Stap ${number} ontbreekt in de bron`,
    doList: 'Wat doe/zeg je wel',
    dontList: 'Wat doe/zeg je niet',
    remindersLabel: 'Denk eraan (herinneringen van Baken)',
    reminders: {
      geheimhouding: 'Beloof nooit geheimhouding.',
      beelden: 'Vraag niet naar beelden en bekijk ze niet: noteer namen en feiten.',
    },
    followUp: 'Spreek hier een datum af om erop terug te komen (opvolgdatum).',
    referrals: 'Organisaties bij deze stap',
    tips: 'Tips',
    tipRegion: (region: string) => `alleen ${region}`,
    unknownPlan: 'Dit stappenplan bestaat niet (meer). Kies hieronder een stappenplan.',
    otherRegionPlan: (region: string) =>
      `Dit stappenplan hoort bij een ander rechtsgebied (${region}). Het geldt niet voor dossiers in jouw rechtsgebied.`,
  },
  verwijzingen: {
    intro:
      'Organisaties waarnaar je kunt verwijzen of die je zelf kunt raadplegen. Openingsuren en nummers veranderen: kijk naar de datum van laatste controle.',
    pinnedHeading: 'Bij acuut gevaar',
    filterLabel: 'Verwijzingen zoeken en filteren',
    search: 'Zoeken',
    searchHint:
      'Naam, onderwerp of waarvoor, ook woorden als chantage of nudes. Zoekt ook in Begrippen. Hoofdletters en accenten maken niet uit.',
    region: 'Regio',
    regionAll: 'Alle',
    regionOther: (region: string) => `${region} (ander rechtsgebied)`,
    termsHeading: 'Ook in Begrippen',
    termsCount: (count: number) => (count === 1 ? '1 begrip gevonden' : `${count} begrippen gevonden`),
    topic: 'Onderwerp',
    topicAll: 'Alle onderwerpen',
    topics: {
      sexting: 'sexting',
      sextortion: 'sextortion',
      grooming: 'grooming',
      'beelden-verwijderen': 'beelden laten verwijderen',
      'aangifte-melding': 'aangifte/melding',
      ouders: 'voor ouders',
      professionals: 'voor professionals',
    },
    resultsHeading: 'Organisaties',
    resultCount: (count: number) =>
      count === 0 ? 'Geen organisaties gevonden' : `${count} ${count === 1 ? 'organisatie' : 'organisaties'} gevonden`,
    noResults: 'Niets gevonden met deze zoekterm en filters.',
    clearFilters: 'Filters wissen',
    /** No match in the chosen region, but in another one. */
    elsewhere: (count: number) =>
      count === 1
        ? 'In een andere regio past wel 1 organisatie.'
        : `In een andere regio passen wel ${count} organisaties.`,
    showAllRegions: 'Toon alle regio’s',
    helpsWith: 'Helpt bij',
    forWhom: 'Voor wie',
    phone: 'Telefoon',
    call: (display: string) => `Bel ${display}`,
    /** Under the numbers of an organisation in the other Rechtsgebied: they are dialled as written from its own country. */
    phonesFrom: (region: 'vlaanderen' | 'nederland') => {
      const country = region === 'vlaanderen' ? 'België' : 'Nederland';
      return `Zo gebeld werken deze nummers vanuit ${country}; van elders misschien niet, of je komt bij een andere dienst uit.`;
    },
    email: 'E-mail',
    website: 'Website',
    address: 'Adres',
    hours: 'Openingsuren',
    topicsLabel: 'Onderwerpen',
    free: 'gratis',
    anonymous: 'anoniem',
    lastChecked: (date: string) => `Laatst gecontroleerd: ${date}`,
    noContact: 'De bron noemt geen telefoonnummer, adres of website.',
    status: {
      open: 'Open nu',
      openUntil: (time: string) => `Open nu, tot ${time}`,
      openUntilLabel: (label: string, time: string) => `Open nu (${label}), tot ${time}`,
      closed: 'Gesloten',
      closedUntil: (when: string) => `Gesloten, opent ${when}`,
      closedLabel: (label: string) => `Gesloten (${label})`,
      closedUntilLabel: (label: string, when: string) => `Gesloten (${label}), opent ${when}`,
      today: (time: string) => `vandaag om ${time}`,
      tomorrow: (time: string) => `morgen om ${time}`,
      onDay: (day: string, time: string) => `${day} om ${time}`,
      always: '24/7 bereikbaar',
      unknown: 'Openingsuren onbekend',
    },
    weekdaysShort: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
    allDays: 'elke dag',
    slot: (days: string, from: string, to: string) => `${days} ${from}–${to}`,
  },
  vlaggensysteem: {
    intro:
      'Het Vlaggensysteem van Sensoa helpt om seksueel gedrag van jongeren in te schatten. Beoordeel samen met de betrokkenen, per criterium.',
    noExplanation:
      'Uitleg ontbreekt: de bronnen van Baken geven bij dit criterium geen uitleg. Baken vult ze niet zelf in; zie het Vlaggensysteem-materiaal van Sensoa.',
    incomplete: 'Onvolledig in de bronnen',
    flags: 'De vier vlaggen',
    notASum: 'Geen optelsom',
    alwaysTransgressive: 'Altijd grensoverschrijdend',
    bakenChoices: 'Keuzes van Baken',
  },
  wetgeving: {
    intro:
      'Wat zegt de Belgische wet over sexting? Uit het CLB-interview, met de datum van de bron. Werkt ook zonder netwerk en zonder te ontgrendelen.',
    sourceDate: 'Datum van de bron',
    reform: 'Let op: de wet is sindsdien veranderd',
  },
  gesprek: {
    intro:
      'Wat je kunt doen in het gesprek met de betrokkenen, de mogelijke gevolgen, zorg en steun, en hoe je ouders informeert.',
  },
  praktijk: {
    intro:
      'Vragen van scholen en CLB’s bij ongewenste sexting, met de antwoorden uit het CLB-interview, en de preventiepiramide.',
  },
  caseGuide: {
    title: 'In gesprek',
    intro: 'Houvast voor het gesprek, uit de bronnen. Open een onderdeel.',
    more: 'Meer lezen',
  },
  begrippen: {
    intro: 'Begrippen uit de bronnen, met de fasen van het groomingproces.',
    terms: 'Woordenlijst',
    phasesHint: 'Geen vaste volgorde',
  },
} as const;
