// Interface strings for the case logbook: case list, new incident, case detail.
// Language rules (DOMAIN.md): betrokkenen and neutral roles, never
// "slachtoffer" or "dader"; condemn behaviour, not young people.
import { caseTypeLabels } from './case-types';
import { competence, flags } from './logbook-assessment';
import { partyRoleLabels } from './party-roles';
import { consentRules, factsRules, names, shareRules } from './logbook-consent';
import { stepSections } from './logbook-steps';

export const logbook = {
  listTitle: 'Logboek',
  newCase: 'Nieuw incident',
  intro: 'Je dossiers, gesorteerd op de volgende opvolgdatum. Alles blijft versleuteld op dit toestel.',
  loading: 'Dossiers laden…',
  /** The encrypted case index is rebuilt from the records (after an update or when it was out of step). */
  indexRebuilding: (done: number, total: number) =>
    `Overzicht van je dossiers opnieuw opbouwen: ${done} van ${total} onderdelen…`,
  draftWaiting: 'Je hebt een incident dat nog niet bewaard is.',
  /** A case page's form left open: on return it is open again with what was typed (until lock). */
  keptUnsaved: 'Je was hier nog bezig. Wat je typte, is nog niet bewaard.',
  keptWaiting: 'Hier staat nog iets klaar dat je typte en nog niet bewaarde.',
  /** An open form whose item changed meanwhile (another tab or device): it stays, with what was typed. */
  changedMeanwhile: {
    note: 'Deze notitie is intussen gecorrigeerd, in een ander tabblad of op een ander toestel. Deze correctie kan niet meer bewaard worden. Wat je typte, staat hieronder: neem over wat je nodig hebt in een nieuwe notitie.',
    followUp:
      'Deze opvolging is intussen afgevinkt. Verplaatsen kan niet meer. Wat je typte, staat hieronder tot je annuleert.',
    consent:
      'Deze toestemming is intussen ingetrokken, in een ander tabblad of op een ander toestel. Wat je typte, staat hieronder tot je annuleert.',
  },
  draftContinue: 'Verder invullen',
  search: 'Zoeken',
  searchHint: 'Op dossiernummer, pseudoniem of school.',
  filters: 'Filters',
  filterStatus: 'Status',
  filterType: 'Soort',
  filterFlag: 'Vlag',
  filterAll: 'Alle',
  noFlagYet: 'Nog geen vlag',
  resultCount: (shown: number, total: number) =>
    total === 0
      ? 'Geen dossiers gevonden.'
      : shown < total
        ? `${shown} van ${total} dossiers getoond.`
        : `${total} ${total === 1 ? 'dossier' : 'dossiers'} gevonden.`,
  empty: 'Nog geen dossiers. Kies “Nieuw incident” om te beginnen.',
  showMore: (n: number) => `Toon meer (nog ${n})`,
  damaged: 'beschadigd',
  damagedBody: 'Dit dossier kan niet gelezen worden. Het is niet gewijzigd.',
  nextFollowUp: (date: string) => `Opvolging: ${date}`,
  nextFollowUpLate: (date: string) => `Opvolging: ${date}, te laat`,
  noFollowUp: 'Geen opvolgdatum',
  latestFlag: (label: string, meaning: string) => `Vlag: ${label} (${meaning})`,
  dueForErasureTitle: 'Bewaartermijn verstreken — wissen?',
  dueForErasureBody:
    'Van deze afgesloten dossiers is de bewaartermijn voorbij. Wis ze als je ze niet meer nodig hebt. Wissen kan niet ongedaan worden.',
  retentionPassed: (date: string) => `Bewaren tot ${date} (verstreken)`,
  eraseCase: (reference: string) => `Dossier ${reference} wissen`,
  erased: (reference: string) => `Dossier ${reference} is gewist.`,

  /** Sensoa's four flags (DOMAIN.md, Vlaggensysteem). */
  flagNames: {
    groen: { label: 'Groen', meaning: 'aanvaardbaar' },
    geel: { label: 'Geel', meaning: 'licht grensoverschrijdend' },
    rood: { label: 'Rood', meaning: 'ernstig grensoverschrijdend' },
    zwart: { label: 'Zwart', meaning: 'zwaar grensoverschrijdend' },
  },
  status: {
    open: 'open',
    inRust: (date: string) => `in rust tot ${date}`,
    inRustNoDate: 'in rust',
    afgesloten: 'afgesloten',
  },
  statusFilter: {
    open: 'Open',
    'in-rust': 'In rust',
    afgesloten: 'Afgesloten',
  },

  // ---- new incident -------------------------------------------------------
  newTitle: 'Nieuw incident',
  newIntro: 'Noteer kort wat er gebeurde. Je kunt later alles aanvullen.',
  knownOn: 'Bekend sinds',
  knownVia: 'Hoe werd het bekend?',
  knownViaOptions: {
    'betrokkene-zelf': 'De betrokkene zelf',
    klasgenoot: 'Een klasgenoot',
    leerkracht: 'Een leerkracht',
    ouder: 'Een ouder',
    'ander-clb-of-school': 'Een ander CLB of een andere school',
    'child-focus': 'Child Focus',
    andere: 'Andere',
  },
  /** A case in the Netherlands: no CLB there, and Child Focus (Belgian) is not offered. */
  knownViaOtherSchoolNl: 'Een andere school',
  types: 'Soort incident',
  typesHint: 'Kies één of meer. Kies eerst wat het meest past: die soort telt in de cijfers voor de auditor.',
  typeLabels: caseTypeLabels,
  schools: 'School of scholen',
  school: (n: number) => `School ${n}`,
  addSchool: 'Nog een school',
  removeSchool: (n: number) => `School ${n} weghalen`,
  description: 'Wat gebeurde er?',
  /** The facts at their maximum length (the field takes no more). */
  descriptionAtMaximum: (max: number) =>
    `De feiten zijn ${max} tekens lang, het maximum: wat je nog typt of plakt, komt er niet bij. Houd het kort en zakelijk; details horen in een notitie.`,
  descriptionHint:
    'Noteer concrete feiten: wat, wanneer, wie (pseudoniemen), welke school. Zoek niet naar de waarheid: feitenonderzoek is voor de politie. Noteer nooit beelden of links naar beelden.',
  save: 'Bewaren',
  saving: 'Bezig met bewaren…',
  cancel: 'Annuleren',
  discardDraft: 'Concept weggooien',
  discardDraftTitle: 'Dit concept weggooien?',
  discardDraftBody: 'Wat je in dit formulier typte, wordt gewist van dit toestel. Dat kan niet ongedaan worden.',
  discardDraftConfirm: 'Weggooien',
  discardDraftCancel: 'Niet weggooien',
  draftSaved: 'Concept bewaard op dit toestel (versleuteld).',
  /** Put in a draft where a link to an image was typed: drafts keep no such links either. */
  draftImageLinkLeftOut: '[link naar een beeld, niet bewaard]',
  draftRestored: 'Je onafgewerkte invoer is teruggezet.',
  created: (reference: string) => `Dossier ${reference} is aangemaakt.`,

  // ---- case detail ---------------------------------------------------------
  caseTitle: (reference: string) => `Dossier ${reference}`,
  /**
   * A case's number as shown wherever cases are named. Numbers are per worker, so a case a colleague
   * shared may have the same number as one of mine: it says who shared it ("2026-002 (gedeeld door
   * Anna)"); `null`: the person is not in the team's member list here.
   */
  caseName: (reference: string, sharedBy?: string | null) =>
    sharedBy === undefined ? reference : `${reference} (gedeeld door ${sharedBy ?? 'een collega'})`,
  /** The browser tab's title on a case page: never the case number (it would stay in the history). */
  caseDocumentTitle: 'Dossier',
  caseLoading: 'Dossier laden…',
  caseNotFound: 'Dit dossier bestaat niet (meer) op dit toestel.',
  /** A case address from before a reload, or from another tab: the handle in it means nothing here. */
  caseLinkExpired: 'Open het dossier opnieuw vanuit het logboek',
  caseLinkExpiredBody:
    'Het adres van een dossierpagina werkt alleen zolang die pagina open is. Zo blijft er geen dossier achter in de adresbalk of de geschiedenis van de browser. Na het herladen, of in een nieuw tabblad, kies je het dossier opnieuw in het logboek.',
  partsDamaged: (n: number) =>
    `${n} ${n === 1 ? 'onderdeel' : 'onderdelen'} van dit dossier ${n === 1 ? 'kan' : 'kunnen'} niet gelezen worden en ${n === 1 ? 'wordt' : 'worden'} niet getoond.`,
  backToList: 'Terug naar het logboek',
  sectionNav: 'Onderdelen van het dossier',
  saved: 'Bewaard.',

  facts: {
    title: 'Incident',
    status: 'Status',
    knownOn: 'Bekend sinds',
    knownVia: 'Bekend via',
    types: 'Soort',
    schools: 'School',
    noSchools: 'Geen school genoteerd',
    description: 'Feiten',
    jurisdiction: 'Rechtsgebied',
    jurisdictionLegend: 'Rechtsgebied van dit dossier',
    jurisdictionHint:
      'Welke regels gelden voor dit dossier: wie toestemming geeft, wie beslist en welk stappenplan. Kies je een ander, dan beoordeelt Baken de toestemmingen van dit dossier volgens die regels.',
    jurisdictionHintNew:
      'Welke regels gelden voor dit dossier: wie toestemming geeft, wie beslist en welk stappenplan. Baken stelt voor wat in Instellingen staat.',
    jurisdictions: { vlaanderen: 'Vlaanderen', nederland: 'Nederland' },
    edit: 'Feiten aanpassen',
    editTitle: 'Feiten aanpassen',
    /** After "changed meanwhile": the worker may still save what they typed over the other version. */
    meanwhileChoice:
      'Je kunt ook je eigen versie bewaren. Ze vervangt dan wat intussen bewaard werd; vervangen feiten blijven zichtbaar bij Eerdere versies.',
    keepMine: 'Toch mijn versie bewaren',
    ...factsRules,
  },

  names,

  parties: {
    title: 'Betrokkenen',
    none: 'Nog geen betrokkenen genoteerd.',
    add: 'Betrokkene toevoegen',
    edit: (pseudonym: string) => `${pseudonym} aanpassen`,
    formTitleAdd: 'Betrokkene toevoegen',
    formTitleEdit: (pseudonym: string) => `${pseudonym} aanpassen`,
    role: 'Rol',
    // The facts of a case are the depicted young person's information (DOMAIN.md): in grooming, the
    // young person who was approached (a Dutch care team review recorded the young person as "andere").
    roleHintGrooming:
      'Bij grooming: kies "afgebeelde jongere" voor de jongere die benaderd werd, ook als er geen beeld is. Dan gaat de toestemming van die jongere of van de ouders (wie beslist, staat bij Toestemming) over de feiten.',
    roles: partyRoleLabels,
    pseudonym: 'Pseudoniem',
    pseudonymHint: 'Baken toont overal het pseudoniem, niet de naam.',
    realName: 'Echte naam (gevoelig)',
    realNameHint: 'Gevoelig — alleen invullen als het nodig is. De naam wordt alleen getoond als je erom vraagt.',
    /** A review: "Emma Janssens" as both showed the name wherever a pseudonym goes. */
    pseudonymIsRealName:
      'Het pseudoniem is hier de echte naam. Kies liever een verzonnen naam, zoals "Jongere A": het pseudoniem staat overal, de echte naam alleen als je erom vraagt.',
    showRealName: (pseudonym: string) => `Toon echte naam van ${pseudonym}`,
    hideRealName: (pseudonym: string) => `Verberg echte naam van ${pseudonym}`,
    realNameLabel: 'Echte naam',
    age: 'Leeftijd (jaar)',
    ageHint: 'Toen de zaak bekend werd. Leeg laten als je die niet kent.',
    school: 'School (optioneel)',
    className: 'Klas (optioneel)',
    ageText: (age: number) => `${age} jaar`,
    ageUnknown: 'leeftijd onbekend',
    saved: (pseudonym: string) => `${pseudonym} is bewaard.`,
  },

  competence,
  flags,

  steps: {
    title: 'Stappenplan',
    intro: 'De stappen van het plan dat bij dit soort incident past. Vink af wat gedaan is.',
    none: 'Er is geen stappenplan voor dit soort incident.',
    loading: 'Stappenplan laden…',
    planRegion: (region: string) => `Geldt in: ${region}`,
    step: (n: number, title: string) => `Stap ${n}: ${title}`,
    missing: (n: number) => `Stap ${n} ontbreekt in de bron`,
    done: (date: string) => `Gedaan op ${date}`,
    notDone: 'Nog niet gedaan',
    markDone: 'Afvinken',
    markDoneLabel: (n: number) => `Stap ${n} afvinken`,
    undo: 'Niet meer afgevinkt',
    doneOn: 'Gedaan op',
    doneOnHint: 'Leeg laten zolang de stap niet gedaan is: dan bewaar je alleen de notitie.',
    note: 'Korte notitie (optioneel)',
    reminders: {
      geheimhouding: 'Nooit geheimhouding beloven',
      beelden: 'Nooit beelden bekijken of vragen',
    },
    remindersLabel: 'Denk eraan',
    remind: 'Herinneren in Opvolging',
    reminded: 'Staat in Opvolging tot de stap gedaan is',
  },

  ...stepSections,

  consent: {
    title: 'Toestemming',
    intro:
      'Noteer per betrokkene wie wat mag weten. Mondeling, genoteerd in het dossier, is genoeg. Deel alleen wat nodig is. De feiten, afspraken, Vlaggensysteem-beoordeling en opvolging gaan over de afgebeelde jongere. Alleen een geldige toestemming voor haar of hem geeft ze vrij: van de jongere zelf, van de ouders of van beide, naargelang leeftijd en bekwaamheid. Het formulier zegt wie.',
    // A case in the Netherlands: "mondeling is genoeg" is the Flemish decree's rule (DOMAIN.md, CLB →
    // school), and who decides goes by age only there.
    introNl:
      'Noteer per betrokkene wie wat mag weten. Deel alleen wat nodig is. De feiten, afspraken, Vlaggensysteem-beoordeling en opvolging gaan over de afgebeelde jongere. Alleen een geldige toestemming voor haar of hem geeft ze vrij: van de jongere zelf, van de ouders of van beide, naargelang de leeftijd. Het formulier zegt wie.',
    none: 'Nog geen toestemming genoteerd.',
    needParty: 'Voeg eerst een betrokkene toe.',
    add: 'Toestemming noteren',
    formTitle: 'Toestemming noteren',
    party: 'Van wie is de informatie?',
    recipient: 'Aan wie mag het?',
    recipients: {
      school: 'school',
      'ander-clb': 'ander CLB',
      'ouders-voogd': 'ouders/voogd',
      'politie-parket': 'politie/parket',
      'child-focus': 'Child Focus',
      hulpverlening: 'hulpverlening',
    },
    /** The same recipient in a case in the Netherlands (the parket is Belgian). */
    recipientPoliceNl: 'politie',
    categories: 'Welke informatie?',
    categoriesHint: '"Namen van betrokkenen" is de naam van deze persoon, met school en klas als die genoteerd zijn.',
    categoryLabels: {
      feiten: 'feiten',
      afspraken: 'afspraken',
      'vlaggen-beoordeling': 'Vlaggensysteem-beoordeling',
      'namen-betrokkenen': 'namen van betrokkenen',
      opvolging: 'opvolging',
      'offline-halen': 'materiaal offline halen',
      bewijsmateriaal: 'bewijsmateriaal',
      'klacht-politie': 'klacht bij de politie',
      'andere-scholen': "andere scholen en CLB's op de hoogte",
      'grooming-signalen': 'signalen van grooming',
      gesprekken: 'gesprekken',
    },
    // A case in the Netherlands: "aangifte" (see stepSections.policeNl), and no CLBs.
    categoryLabelsNl: { 'klacht-politie': 'aangifte bij de politie', 'andere-scholen': 'andere scholen op de hoogte' },
    givenBy: 'Gegeven door',
    givenByOptions: {
      jongere: 'de jongere',
      'ouder-voogd': 'ouder/voogd',
    },
    givenOn: 'Wanneer?',
    how: 'Hoe?',
    howOptions: {
      'mondeling-genoteerd': 'mondeling, genoteerd in het dossier',
      schriftelijk: 'schriftelijk',
    },
    entryTitle: (pseudonym: string, recipient: string) => `${pseudonym} → ${recipient}`,
    entryCategories: (list: string) => `Informatie: ${list}`,
    entryGiven: (by: string, on: string, how: string) => `Toestemming van ${by} op ${on}, ${how}.`,
    withdrawnOn: (date: string) => `Ingetrokken op ${date}`,
    // A withdrawal dated ahead: until that day the consent still counts.
    withdrawsOn: (date: string) => `Wordt ingetrokken op ${date}; tot dan geldt de toestemming nog`,
    // Only that it is not withdrawn: whether it is enough ("Geldig", "Nog niet genoeg…") is the validity badge's to say.
    active: 'Niet ingetrokken',
    withdraw: 'Intrekken',
    /** Names one consent among several to the same recipient: who gave it and when, after the usual words. */
    withdrawLabel: (title: string, by: string, on: string) => `Toestemming ${title} intrekken (van ${by}, ${on})`,
    withdrawDate: 'Ingetrokken op',
    withdrawDateHint:
      'Vanaf die dag geldt de toestemming niet meer. Kies je een latere dag, dan geldt ze tot dan. Een intrekking kun je achteraf niet meer wijzigen.',
    withdrawConfirm: 'Intrekking bewaren',
    saved: 'De toestemming is bewaard.',
    withdrawn: 'De intrekking is bewaard.',
    unknownParty: 'onbekende betrokkene',
    ruleFor: (pseudonym: string) => `Voor ${pseudonym}:`,
    ...consentRules,
  },

  share: {
    title: 'Delen zonder toestemming',
    add: 'Delen zonder toestemming noteren',
    intro:
      'Alleen bij een noodtoestand (ernstig en reëel gevaar dat niet anders af te wenden is) of met art. 458bis van het oude Strafwetboek (het parket informeren). Dat artikelnummer is dat van het Strafwetboek van 1867; sinds 8 april 2026 geldt een nieuw Strafwetboek met een andere nummering. Baken vermeldt die nieuwe nummers niet. Schrijf altijd op waarom, en beantwoord de controlevragen.',
    /** A case under Dutch rules: DOMAIN.md and the seeds give the bases for sharing without consent for Flanders only. */
    introNl:
      'Art. 458bis is Belgisch recht en geldt niet in Nederland; de bronnen van Baken beschrijven delen zonder toestemming alleen voor Vlaanderen. Noteer hier alleen een noodtoestand (ernstig en reëel gevaar voor deze jongere of anderen dat niet anders af te wenden is) en volg daarnaast de afspraken van je organisatie. Schrijf altijd op waarom, en beantwoord de controlevragen.',
    badge: 'Gedeeld zonder toestemming',
    /** Case-level categories in a share about someone other than a depicted young person. */
    notOwnInformation: (list: string) =>
      `Telt niet voor ${list}: dat is informatie over de afgebeelde jongere. Gaat wat je deelt over het incident zelf, noteer het delen dan over de afgebeelde jongere.`,
    basis: 'Grond',
    bases: {
      noodtoestand: 'noodtoestand',
      'art-458bis': 'art. 458bis van het oude Strafwetboek (nummering van vóór 8 april 2026)',
    },
    sharedOn: 'Gedeeld op',
    justification: 'Verantwoording',
    justificationHint:
      'Wat deel je, waarom, en wat gebeurt er daarna? Het moet voor iedereen duidelijk zijn. Deze tekst staat in de samenvatting voor wie je informeert: schrijf er alleen in wat die moet weten.',
    checks: 'Controlevragen',
    checkQuestions: {
      solutionWithinTrustImpossible: 'Is een oplossing binnen de vertrouwensrelatie onmogelijk?',
      consultedOthers:
        'Heb je overlegd met anderen (bv. het Vertrouwenscentrum Kindermishandeling), zonder de jongere te noemen?',
      discussedWithYoungPerson: 'Heb je het met de jongere besproken?',
      canBeMotivatedToReport: 'Kan de jongere gemotiveerd worden om zelf te melden?',
    },
    /** The Vertrouwenscentrum Kindermishandeling is Flemish: not named as an example in a Dutch case. */
    consultedOthersNl: 'Heb je overlegd met anderen, zonder de jongere te noemen?',
    yes: 'ja',
    no: 'nee',
    bestPlacedToInform: 'Wie kan het best geïnformeerd worden?',
    entryBasis: (basis: string, on: string) => `Grond: ${basis}, gedeeld op ${on}.`,
    saved: 'Het delen zonder toestemming is genoteerd.',
    ...shareRules,
  },

  notes: {
    title: 'Tijdlijn',
    intro:
      'Notities kun je niet wijzigen of wissen. Corrigeer met een nieuwe notitie; de geschiedenis blijft zichtbaar.',
    none: 'Nog geen notities.',
    add: 'Notitie toevoegen',
    formTitle: 'Nieuwe notitie',
    kind: 'Soort notitie',
    kinds: {
      gesprek: 'gesprek',
      overleg: 'overleg',
      stap: 'stap',
      melding: 'melding',
      afspraak: 'afspraak',
    },
    text: 'Notitie',
    textHint: 'Feiten en afspraken. Geen beelden, geen links naar beelden.',
    /** Shown from 90 % of a note's maximum length on. */
    charactersLeft: (left: number, max: number) => `Nog ${left} ${left === 1 ? 'teken' : 'tekens'} (maximaal ${max}).`,
    /** Announced once the note is as long as it can be (the field takes no more). */
    atMaximum: (max: number) =>
      `De notitie is ${max} tekens lang, het maximum: wat je nog typt of plakt, komt er niet bij. Schrijf de rest in een nieuwe notitie.`,
    correct: 'Corrigeren',
    correctLabel: (date: string, kind: string) => `Notitie van ${date} (${kind}) corrigeren`,
    correctedText: 'Verbeterde notitie',
    reason: 'Waarom corrigeer je?',
    reasonHint: 'Verplicht. De oude notitie blijft leesbaar in de geschiedenis.',
    saveCorrection: 'Correctie bewaren',
    /** `date`: when the correction was written. */
    supersededBy: (date: string) => `Vervangen door de correctie van ${date}`,
    superseded: 'Vervangen',
    /**
     * One note corrected more than once, each time without the other (two devices or colleagues before
     * they synchronised): `dates`, when each correction was written.
     */
    supersededByMany: (dates: string) =>
      `Vervangen door meer dan één correctie (van ${dates}), elk gemaakt zonder de andere: op een ander toestel of door een collega. Ze staan allemaal in de tijdlijn; kijk na welke klopt en corrigeer zo nodig.`,
    /** On a correction whose note was also corrected elsewhere: `dates` of the other corrections. */
    alsoCorrected: (dates: string) =>
      `Dezelfde notitie werd ook elders gecorrigeerd (correctie van ${dates}), zonder deze correctie te kennen. Kijk na welke klopt en corrigeer zo nodig.`,
    /** Who wrote the note, in a team (the name in the team's member list). */
    by: (name: string) => `Door ${name}`,
    /** `date`: when the corrected note's event was (a correction keeps it); `madeOn`: when the correction was written. */
    correctionOf: (date: string, reason: string, madeOn: string) =>
      `Correctie van de notitie van ${date}, geschreven op ${madeOn}. Reden: ${reason}`,
    saved: 'De notitie is bewaard.',
    /** Text typed while the note was being saved is not part of it: it stays in the field. */
    savedTypedOn: 'De notitie is bewaard. Wat je typte terwijl ze bewaard werd, staat nog in het veld.',
    corrected: 'De correctie is bewaard.',
  },

  referrals: {
    title: 'Doorverwijzingen',
    none: 'Nog geen doorverwijzingen.',
    add: 'Doorverwijzing noteren',
    organisation: 'Organisatie',
    chooseOrganisation: 'Kies een organisatie',
    referredOn: 'Wanneer?',
    byInitials: 'Door (initialen)',
    byInitialsHint: 'Bijvoorbeeld: KV',
    entry: (name: string, on: string, by: string) => `${name} — ${on}, door ${by}`,
    saved: 'De doorverwijzing is bewaard.',
    loading: 'Verwijzingen laden…',
  },

  followUp: {
    title: 'Opvolging en status',
    intro: 'Laat het rusten en kom erop terug op een vaste datum.',
    none: 'Geen opvolgdatum gepland.',
    noneClosed: 'Een afgesloten dossier heeft geen opvolging. Heropen het om opnieuw een datum te plannen.',
    add: 'Laten rusten tot…',
    due: 'Laten rusten tot',
    dueHint: 'Voorstel van Baken (een eigen keuze, geen bron): over een week.',
    purpose: 'Waarvoor kom je erop terug?',
    save: 'Opvolgdatum bewaren',
    entry: (date: string, purpose: string) => `Tot ${date}: ${purpose}`,
    /** How the buttons' names call a follow-up that shares its day with another in the same list. */
    dateAndPurpose: (date: string, purpose: string) => `${date} (${purpose})`,
    doneOn: (date: string) => `Afgevinkt op ${date}`,
    markDone: 'Klaar',
    markDoneLabel: (date: string) => `Klaar: opvolging van ${date} afvinken`,
    reschedule: 'Verplaatsen',
    rescheduleLabel: (date: string) => `Opvolging van ${date} verplaatsen`,
    rescheduleTo: 'Nieuwe datum',
    rescheduleReason: 'Waarom verplaats je de opvolging?',
    saveReschedule: 'Nieuwe datum bewaren',
    history: (from: string, to: string, reason: string) => `Verplaatst van ${from} naar ${to}: ${reason}`,
    saved: 'De opvolgdatum is bewaard.',
    done: 'De opvolging is afgevinkt.',
    undo: 'Weer openzetten',
    undoLabel: (date: string) => `Opvolging van ${date} weer openzetten`,
    undone: 'De opvolging staat weer open.',
    rescheduled: 'De opvolging is verplaatst.',
    past: 'Eerdere opvolging',
  },

  close: {
    title: 'Dossier afsluiten',
    titleClosed: 'Afgesloten dossier',
    button: 'Dossier afsluiten',
    retentionUntil: 'Bewaren tot',
    retentionHint: (months: number) =>
      `Standaard ${months} maanden (instelling; die standaard is een keuze van Baken, geen bron). Daarna stelt Baken voor om het dossier te wissen.`,
    confirm: 'Afsluiten',
    // After the status "afgesloten" (facts-section.tsx), so it does not say it again.
    closed: (date: string) => `bewaren tot ${date}.`,
    reopen: 'Dossier heropenen',
    reopened: 'Het dossier is heropend.',
    closedDone: 'Het dossier is afgesloten.',
  },

  erase: {
    button: 'Dossier wissen',
    title: (reference: string) => `Dossier ${reference} wissen?`,
    body: 'Het dossier en alles wat erbij hoort (betrokkenen, toestemmingen, beoordelingen, notities, opvolging) wordt definitief van dit toestel gewist, en bij synchronisatie ook van je andere toestellen. Dit kan niet ongedaan worden. Er blijft alleen een vermelding in het auditlogboek dat er iets gewist is, zonder inhoud. Zette je een opvolging in je agenda, verwijder die daar zelf.',
    /** Only on a device that syncs. */
    syncNote:
      'Wijzigingen aan dit dossier op je andere toestellen die nog niet gesynchroniseerd zijn, gaan ook verloren.',
    confirm: 'Definitief wissen',
    cancel: 'Niet wissen',
  },

  common: {
    /** Under a file field: the browser's own field can show as little as one letter of the name at large text. */
    chosenFile: (name: string) => `Gekozen bestand: ${name}`,
    date: 'Datum',
    save: 'Bewaren',
    cancel: 'Annuleren',
    saving: 'Bezig met bewaren…',
    close: 'Sluiten',
    choose: 'Kies…',
  },

  /** Dutch texts for the forms' own rules; data codes are in nl.dataErrors, schema codes in nl.errors. */
  errors: {
    generic: 'Er ging iets mis. Er is niets gewijzigd. Probeer het opnieuw.',
    checkFields: 'Niet bewaard: kijk de gemarkeerde velden na.',
    required: 'Vul dit veld in.',
    choose: 'Maak een keuze.',
    chooseOne: 'Kies minstens één mogelijkheid.',
    ageRange: 'Vul een leeftijd in hele jaren in, van 0 tot 120.',
  },
  /** A withdrawal dated before the consent was given: says the earliest day. */
  withdrawnBeforeGiven: (given: string) =>
    `Deze datum ligt te vroeg: de toestemming werd gegeven op ${given}. Kies die dag of later.`,
} as const;
