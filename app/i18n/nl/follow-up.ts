// Interface strings for the follow-up overview ("Opvolging") and the
// calendar file. Relative dates ("over 3 dagen") come from schema/follow-up.ts.
export const followUp = {
  title: 'Opvolging',
  intro: 'Wanneer kom je terug op een dossier? Wat te laat is, staat bovenaan.',
  loading: 'Opvolging laden…',
  groups: {
    'te-laat': 'Te laat',
    vandaag: 'Vandaag',
    'deze-week': 'Deze week',
    later: 'Later',
  },
  groupHeading: (label: string, count: number) => `${label} (${count})`,
  groupEmpty: {
    'te-laat': 'Niets te laat.',
    vandaag: 'Niets voor vandaag.',
    'deze-week': 'Niets meer deze week.',
    later: 'Niets gepland voor later.',
  },
  attention: {
    groups: {
      'zonder-opvolgdatum': 'Zonder opvolgdatum',
      'stappen-met-herinnering': 'Stappen met herinnering',
    },
    intro: {
      'zonder-opvolgdatum':
        'Dossiers die niet afgesloten zijn en geen open opvolging hebben. Plan een datum in het dossier.',
      'stappen-met-herinnering':
        'Dossiers met stappen uit het stappenplan die nog open staan en die je liet herinneren.',
    },
    empty: {
      'zonder-opvolgdatum': 'Elk open dossier heeft een opvolgdatum.',
      'stappen-met-herinnering': 'Geen open stappen met herinnering.',
    },
    status: { open: 'open', 'in-rust': 'in rust' },
    statusLabel: 'Status',
    knownOn: 'Bekend sinds',
    reminderSteps: 'Open stappen met herinnering',
    loading: 'Dossiers zonder opvolgdatum laden…',
  },
  empty: 'Er staan geen opvolgingen open. Een opvolgdatum plan je in een dossier in het logboek.',
  emptyFiltered: 'Geen opvolgingen die bij deze filters passen.',
  /** In a team: what follows the team part is this worker's own follow-up (and what was shared with them). */
  ownIntro:
    'Hieronder staat de opvolging van je eigen dossiers en van de dossiers die collega’s met je deelden. De filters gelden alleen voor dit deel.',
  emptyOwn:
    'Er staan geen opvolgingen open in je eigen dossiers. Een opvolgdatum plan je in een dossier in het logboek.',
  showMore: (n: number) => `Toon meer (nog ${n})`,

  item: {
    caseTitle: (reference: string) => `Dossier ${reference}`,
    /** After the case title when the case has more than one card: which follow-up this is. */
    which: (date: string, purpose: string) => ` · opvolging van ${date} (${purpose})`,
    caseUnreadable: 'Dossier (kan niet gelezen worden)',
    damaged: 'Deze opvolging kan niet gelezen worden. Er is niets gewijzigd.',
    purpose: 'Waarvoor',
    pseudonyms: 'Betrokkenen',
    noPseudonyms: 'geen betrokkenen genoteerd',
    types: 'Soort',
    flag: 'Vlag',
    due: 'Datum',
    dueText: (relative: string, absolute: string) => `${relative} — ${absolute}`,
    history: 'Eerder verplaatst',
    historyEntry: (from: string, to: string, reason: string) => `Verplaatst van ${from} naar ${to}: ${reason}`,
  },

  done: {
    button: 'Klaar',
    label: (reference: string) => `Klaar: opvolging van dossier ${reference} afvinken`,
    /** When the case has more than one card on the screen. */
    labelOn: (reference: string, purpose: string) => `Klaar: opvolging van dossier ${reference} afvinken (${purpose})`,
    busy: 'Bezig…',
    announced: (reference: string) => `De opvolging van dossier ${reference} is afgevinkt.`,
    undoLabel: (reference: string) => `Opvolging van dossier ${reference} weer openzetten`,
    undone: (reference: string) => `De opvolging van dossier ${reference} staat weer open.`,
  },

  reschedule: {
    button: 'Verplaatsen',
    label: (reference: string) => `Opvolging van dossier ${reference} verplaatsen`,
    labelOn: (reference: string, purpose: string) => `Opvolging van dossier ${reference} verplaatsen (${purpose})`,
    formTitle: (reference: string) => `Opvolging van dossier ${reference} verplaatsen`,
    to: 'Nieuwe datum',
    reason: 'Reden',
    reasonHint: 'Verplicht. Kort en zakelijk; de reden blijft zichtbaar in de geschiedenis.',
    save: 'Verplaatsing bewaren',
    saving: 'Bezig met bewaren…',
    cancel: 'Annuleren',
    announced: (reference: string, date: string) => `De opvolging van dossier ${reference} is verplaatst naar ${date}.`,
    errors: {
      toRequired: 'Kies een nieuwe datum.',
      toInvalid: 'Geef een geldige datum.',
      toPast: 'Kies vandaag of een latere datum.',
      toSame: 'Kies een andere datum dan de huidige.',
      reasonRequired: 'Geef een reden op.',
    },
  },

  filters: {
    legend: 'Filteren',
    summary: 'Filteren op school, soort of vlag',
    summaryActive: 'Filteren op school, soort of vlag (filter actief)',
    school: 'School',
    schoolHint: 'Een deel van de naam is genoeg.',
    type: 'Soort incident',
    flag: 'Vlag',
    all: 'Alle',
    clear: 'Filters wissen',
    cleared: 'Filters gewist: alle opvolgingen staan er weer.',
    busy: 'Bezig met filteren…',
    result: (n: number) => (n === 1 ? '1 opvolging gevonden.' : `${n} opvolgingen gevonden.`),
  },

  calendar: {
    title: 'In je agenda',
    intro:
      'Download een agenda-bestand met alle open opvolgingen, met een herinnering de dag ervoor om 9 uur (voor vandaag en morgen: die dag om 8 uur). Het bevat alleen het dossiernummer en de datum: geen namen, pseudoniemen, school of soort incident.',
    button: 'Agenda-bestand (.ics)',
    busy: 'Bezig met maken…',
    done: (n: number) =>
      n === 1
        ? 'Het agenda-bestand met 1 opvolging is gedownload.'
        : `Het agenda-bestand met ${n} opvolgingen is gedownload.`,
    none: 'Er staan geen opvolgingen open. Er is geen agenda-bestand gemaakt.',
    skipped: (n: number) =>
      `${n} ${n === 1 ? 'opvolging kon' : 'opvolgingen konden'} niet gelezen worden en ${n === 1 ? 'staat' : 'staan'} er niet in.`,
    again:
      'Open het bestand opnieuw in je agenda na elke wijziging: verplaatste opvolgingen worden dan bijgewerkt. Afgevinkte opvolgingen en die van afgesloten of gewiste dossiers verdwijnen niet vanzelf uit je agenda: verwijder ze daar zelf.',
  },
} as const;
