// Texts for the step sections of a case (materiaal offline halen, bewijsmateriaal,
// politie, andere scholen en CLB's, signalen van grooming, gesprekken), spread into
// ./logbook.ts so paths stay nl.logbook.takedown.* … nl.logbook.conversations.*.
// Language rules (DOMAIN.md): betrokkenen and neutral roles, never
// "slachtoffer" or "dader".

export const stepSections = {
  takedown: {
    title: 'Materiaal offline halen',
    intro:
      'Welke stappen zijn gezet om het materiaal offline te krijgen? Noteer alleen dát en wanneer. Het materiaal zelf en links ernaar horen niet in Baken.',
    none: 'Nog geen stap genoteerd.',
    add: 'Stap noteren',
    formTitle: 'Stap om het materiaal offline te halen noteren',
    step: 'Welke stap?',
    steps: {
      'verspreider-gevraagd': 'Wie het verspreidde, is gevraagd het te verwijderen',
      'ontvangers-gevraagd': 'Ontvangers zijn gevraagd het te verwijderen en niet door te sturen',
      'platform-gemeld': 'Gemeld bij het platform of een moderator',
      'child-focus': 'Child Focus gecontacteerd',
      helpwanted: 'Helpwanted.nl gecontacteerd',
    },
    status: 'Stand',
    statuses: { gedaan: 'gedaan', 'lukte-niet': 'lukte niet', 'niet-nodig': 'niet nodig' },
    on: 'Datum',
    byInitials: 'Jouw initialen',
    byInitialsHint: 'Een tot vijf letters.',
    entry: (status: string, date: string, initials: string) => `${status} op ${date} (${initials})`,
    history: 'Eerder',
    saved: 'De stap is genoteerd.',
  },

  evidence: {
    title: 'Bewijsmateriaal',
    intro:
      'Is er bewijs, zoals schermafbeeldingen of links, en wie heeft het? Noteer alleen dát het bestaat en bij wie. Het bewijs zelf blijft bij de jongere of de politie, nooit in Baken.',
    none: 'Nog niets genoteerd.',
    add: 'Bewijsmateriaal noteren',
    formTitle: 'Bewijsmateriaal noteren',
    exists: 'Is er bewijsmateriaal?',
    existsOptions: { ja: 'ja', nee: 'nee', onbekend: 'weet ik niet' },
    forms: 'Wat is er?',
    formOptions: { schermafbeeldingen: 'schermafbeeldingen', links: 'links', berichten: 'berichten' },
    heldBy: 'Wie heeft het?',
    holderOptions: {
      jongere: 'de jongere',
      'ouders-voogd': 'ouders/voogd',
      politie: 'politie',
      school: 'school',
      andere: 'iemand anders',
    },
    on: 'Datum',
    byInitials: 'Jouw initialen',
    byInitialsHint: 'Een tot vijf letters.',
    current: 'Nu',
    entry: (exists: string, date: string, initials: string) => `${exists}, genoteerd op ${date} (${initials})`,
    formsText: (list: string) => `Wat: ${list}`,
    heldByText: (list: string) => `Bij: ${list}`,
    history: 'Eerder',
    saved: 'Het bewijsmateriaal is genoteerd.',
  },

  police: {
    title: 'Politie',
    intro:
      'Is een klacht bij de politie overwogen, aangeraden of neergelegd? Noteer door wie en wanneer. Een klacht is niet de enige manier om ongewenste sexting te stoppen.',
    none: 'Nog niets genoteerd.',
    add: 'Klacht noteren',
    formTitle: 'Klacht bij de politie noteren',
    stage: 'Wat gebeurde er?',
    stages: {
      overwogen: 'Klacht overwogen',
      aangeraden: 'Klacht aangeraden',
      neergelegd: 'Klacht neergelegd',
    },
    by: 'Door wie?',
    actors: {
      jongere: 'de jongere',
      'ouders-voogd': 'ouders/voogd',
      school: 'school',
      clb: 'CLB',
      andere: 'iemand anders',
    },
    on: 'Datum',
    informed: 'Uitleg',
    informedOption: 'De jongere of de ouders weten wat een klacht betekent',
    // Seed 004 (interview "Als sexting misgaat", CLB Antwerpen): Belgian law, shown for a case in Vlaanderen.
    informedHint:
      'Je bent niet verplicht om klacht neer te leggen. Een klacht kan niet anoniem. Een minderjarige kan zelf klacht neerleggen bij politie of parket; ouders hoeven er niet bij te zijn, maar de briefwisseling gaat wel naar het adres van de ouders.',
    // Seed 000 (Qpido stappenplan), for a case in the Netherlands: no Dutch source says more.
    informedHintNl:
      'Bespreek of het doen van aangifte of melding gewenst is (Qpido, stappenplan). Over een aangifte door een minderjarige heeft Baken geen Nederlandse bron.',
    informedText: 'Uitgelegd wat een klacht betekent',
    notInformedText: 'Nog niet genoteerd dat uitgelegd is wat een klacht betekent',
    byInitials: 'Jouw initialen',
    byInitialsHint: 'Een tot vijf letters.',
    entry: (by: string, date: string, initials: string) => `door ${by} op ${date} (${initials})`,
    history: 'Eerder',
    saved: 'De klacht is genoteerd.',
  },
  // The same section for a case in the Netherlands: "aangifte" is the Dutch term there (seed 000,
  // Qpido stappenplan: "het doen van aangifte"; seed 003: "Overweeg aangifte bij politie"). The
  // stored stages are the same; "neergelegd" reads "gedaan". Seed 004's "not the only way to stop
  // unwanted sexting" is about a Belgian klacht, and wrong next to grooming by an adult: not said here.
  policeNl: {
    intro: 'Is aangifte bij de politie overwogen, aangeraden of gedaan? Noteer door wie en wanneer.',
    add: 'Aangifte noteren',
    formTitle: 'Aangifte bij de politie noteren',
    stages: {
      overwogen: 'Aangifte overwogen',
      aangeraden: 'Aangifte aangeraden',
      neergelegd: 'Aangifte gedaan',
    },
    informedOption: 'De jongere of de ouders weten wat een aangifte betekent',
    informedText: 'Uitgelegd wat een aangifte betekent',
    notInformedText: 'Nog niet genoteerd dat uitgelegd is wat een aangifte betekent',
    saved: 'De aangifte is genoteerd.',
  },

  informed: {
    title: "Andere scholen en CLB's",
    intro:
      'Zijn er leerlingen van een andere school betrokken? Breng die school of dat CLB op de hoogte met alleen wat ze moeten weten. Liefst vertel je het eerst aan de betrokken leerlingen. Noteer welke school of welk CLB, wanneer en op welke grond.',
    none: 'Nog geen andere school of CLB op de hoogte gebracht.',
    add: 'School of CLB noteren',
    formTitle: 'Andere school of CLB op de hoogte gebracht',
    institutionKind: 'Wie?',
    institutionKinds: { school: 'een andere school', clb: 'een ander CLB' },
    institution: 'Naam van de school of het CLB',
    institutionHint: 'Alleen de naam van de school of het CLB. Namen van personen zijn niet nodig.',
    on: 'Wanneer?',
    basis: 'Op welke grond?',
    basisHint: 'Zonder toestemming? Noteer de verantwoording ook bij Toestemming, onder delen zonder toestemming.',
    bases: {
      toestemming: 'met toestemming',
      dreiging: 'zonder toestemming: ernstige dreiging voor de leerlingen',
    },
    pupilsToldFirst: 'Leerlingen',
    pupilsToldFirstOption: 'De betrokken leerlingen wisten het eerst',
    byInitials: 'Jouw initialen',
    byInitialsHint: 'Een tot vijf letters.',
    entry: (kind: string, date: string, basis: string, initials: string) =>
      `${kind}, op ${date}, ${basis} (${initials})`,
    /** The entry's basis is not on record under Toestemming (the entry itself is kept). */
    basisMissing: {
      dreiging:
        'De verantwoording ontbreekt nog: noteer bij Toestemming, onder "Delen zonder toestemming", waarom je zonder toestemming deelde (noodtoestand).',
      toestemming:
        'Bij Toestemming staat nog geen toestemming voor deze ontvanger die op die dag genoeg was. Noteer ze daar, van wie moet beslissen.',
    },
    toldFirst: 'De leerlingen wisten het eerst.',
    notToldFirst: 'De leerlingen wisten het niet eerst.',
    saved: 'De school of het CLB is genoteerd.',
  },
  // The same section for a case in the Netherlands: there is no CLB, so it speaks of schools only
  // (DOMAIN.md step 7: inform the other school with need-to-know information only). A stored
  // "een ander CLB" still reads as such.
  informedNl: {
    title: 'Andere scholen',
    intro:
      'Zijn er leerlingen van een andere school betrokken? Breng die school op de hoogte met alleen wat ze moet weten. Liefst vertel je het eerst aan de betrokken leerlingen. Noteer welke school, wanneer en op welke grond.',
    none: 'Nog geen andere school op de hoogte gebracht.',
    add: 'School noteren',
    formTitle: 'Andere school op de hoogte gebracht',
    institution: 'Naam van de school',
    institutionHint: 'Alleen de naam van de school. Namen van personen zijn niet nodig.',
    /** Where a real name was typed (the name warning's words). */
    nameWhere: 'de naam van de school',
    saved: 'De school is genoteerd.',
  },

  grooming: {
    title: 'Signalen van grooming',
    intro:
      'Welke fasen van grooming zie je? De fasen zijn geen vaste volgorde: vink aan wat je opmerkt. Noteer opnieuw als het beeld verandert; het vorige blijft bewaard.',
    none: 'Nog niets genoteerd.',
    add: 'Signalen noteren',
    formTitle: 'Signalen van grooming noteren',
    phases: 'Wat merk je op?',
    phasesHint:
      'De namen van de fasen komen letterlijk uit de bron (Qpido). Laat alles leeg als je niets (meer) opmerkt.',
    phaseLabels: {
      slachtofferselectie: 'Slachtofferselectie',
      'informatie-en-vertrouwen': 'Informatie inwinnen en vertrouwen winnen',
      'voorzien-in-behoefte': 'Voorzien in behoefte',
      'verleggen-van-grenzen': 'Verleggen van grenzen',
      'daadwerkelijk-misbruik': 'Daadwerkelijk misbruik',
    },
    nothingObserved: 'Niets (meer) opgemerkt',
    observedOn: 'Datum',
    byInitials: 'Jouw initialen',
    byInitialsHint: 'Een tot vijf letters.',
    current: 'Nu opgemerkt',
    entry: (date: string, initials: string) => `Genoteerd op ${date} (${initials})`,
    history: 'Eerder',
    saved: 'De signalen zijn genoteerd.',
  },

  conversations: {
    title: 'Gesprekken',
    intro:
      'Een gesprek gebeurt alleen als de leerling ermee instemt: samen met de afgebeelde leerling en wie het doorstuurde als beiden dat willen, anders apart. Wat er gezegd werd, noteer je in de tijdlijn.',
    none: 'Nog geen gesprek genoteerd.',
    needParty: 'Voeg eerst een betrokkene toe.',
    add: 'Gesprek noteren',
    formTitle: 'Gesprek noteren',
    on: 'Wanneer?',
    format: 'Samen of apart?',
    formats: { samen: 'samen', apart: 'apart' },
    parties: 'Met wie?',
    agreed: 'Instemming',
    agreedOption: 'Elke betrokkene in dit gesprek stemde ermee in',
    byInitials: 'Jouw initialen',
    byInitialsHint: 'Een tot vijf letters.',
    entry: (date: string, format: string, initials: string) => `${date}, ${format} (${initials})`,
    with: (list: string) => `Met: ${list}`,
    agreedText: 'Iedereen stemde in met het gesprek.',
    saved: 'Het gesprek is genoteerd.',
  },
} as const;
