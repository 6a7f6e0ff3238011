// Texts for issue 14 (who may consent, whose information, sharing without
// consent, names in free text), spread into ./logbook.ts so paths stay
// nl.logbook.consent.*, nl.logbook.share.* and nl.logbook.names.*.

export const consentRules = {
  validity: {
    geldig: 'Geldig',
    releasesNothing: 'Geeft niets vrij',
    waiting: 'Geldig, maar geeft nog niets vrij',
    'nog-niet': 'Nog niet van kracht',
    ingetrokken: (date: string) => `Ingetrokken vanaf ${date}`,
    'voor-bekend':
      'Niet geldig: gegeven vóór ‘Bekend sinds’ van dit dossier, dus niet over dit incident. Ze wordt nooit gebruikt. Vraag opnieuw toestemming.',
    'niet-bevoegd-bij-geven':
      'Niet geldig: wie toestemming gaf, kon op die dag niet beslissen. Ze wordt nooit gebruikt.',
    'niet-meer-bevoegd': 'Niet meer geldig: wie toestemming gaf, beslist nu niet (meer). Vraag opnieuw toestemming.',
    'opnieuw-vragen':
      'Niet meer geldig: toen ze gegeven werd, was niet zeker of de jongere al zelf mocht beslissen (de verjaardag is niet bekend). Vraag opnieuw toestemming.',
    onvolledig: (who: string) => `Nog niet genoeg: ook toestemming van ${who} is nodig.`,
    /** Some of its categories already go, together with another consent of the same person. */
    onvolledigPart: (who: string, waiting: string, released: string) =>
      `Nog niet genoeg voor ${waiting}: ook toestemming van ${who} is nodig. Samen met een andere toestemming geldig voor ${released}.`,
  },
  giverNames: { jongere: 'de jongere', 'ouder-voogd': 'de ouders of voogd' },
  /** An adult's own consent (stored as giver "jongere": the person the information is about). */
  adultSelf: 'de betrokkene zelf',
  decides: (who: string) => `Beslist: ${who}.`,
  decidesUncertain: (who: string) =>
    `Beslist: ${who} samen, omdat een leeftijdsgrens in deze periode kan vallen (de verjaardag is niet bekend).`,
  why: {
    volwassene: 'Een volwassene beslist zelf over de eigen gegevens.',
    oordeel: (competent: boolean, by: string, on: string) =>
      competent ? `Beoordeeld als bekwaam door ${by} op ${on}.` : `Beoordeeld als niet bekwaam door ${by} op ${on}.`,
    leeftijd: (min: number, max: number) =>
      min === max ? `Leeftijd: ${min} jaar.` : `Leeftijd: ${min} of ${max} jaar.`,
    'leeftijd-onbekend':
      'Leeftijd niet ingevuld: Baken vraagt dan de toestemming van allebei. Vul de leeftijd in als je die kent.',
  },
  waitingForDepicted: (list: string, others: string) =>
    `Nog niet gedeeld: ${list}. Het incident gaat ook over ${others}: dit gaat pas naar deze ontvanger als er ook voor ${others} geldige toestemming is.`,
  notOwnInformation: (list: string) =>
    `Telt niet voor ${list}: dat is informatie over de afgebeelde jongere. Alleen een toestemming voor haar of hem geldt daarvoor (van de jongere zelf, de ouders of beide, naargelang leeftijd en bekwaamheid).`,
  /** A case in the Netherlands: who decides goes by age only there. */
  notOwnInformationNl: (list: string) =>
    `Telt niet voor ${list}: dat is informatie over de afgebeelde jongere. Alleen een toestemming voor haar of hem geldt daarvoor (van de jongere zelf, de ouders of beide, naargelang de leeftijd).`,
  // Issue 15 item 3: a category that no longer exists, as an older record names it.
  retiredCategoryLabels: { contactgegevens: 'contactgegevens (categorie vervallen)' },
  onlyRetired:
    'Deze soort informatie bestaat niet meer in Baken en er werd nooit iets onder bewaard. Deze registratie blijft in de geschiedenis staan, maar geeft niets vrij.',
  timeline: 'Verloop van de geldigheid',
  timelineEntry: (date: string, status: string) => `Vanaf ${date}: ${status}`,
};

export const shareRules = {
  recipient458bis:
    'Art. 458bis van het oude Strafwetboek laat alleen toe de procureur des Konings (parket) te informeren.',
  bestPlacedToHelp: 'Wie (persoon of dienst) kan het best helpen?',
  bestPlacedToHelpHint:
    'In een noodtoestand betrek je de derde die het meest hulp kan bieden, niet noodzakelijk politie of parket. Dat kan dezelfde zijn als wie je hierboven noemde.',
  bestPlacedToHelpHintNl:
    'In een noodtoestand betrek je de derde die het meest hulp kan bieden, niet noodzakelijk de politie. Dat kan dezelfde zijn als wie je hierboven noemde.',
  informed: 'Weet de jongere wat je deelt, waarom en wat er daarna gebeurt?',
  informedOptions: { ja: 'ja, de jongere is ingelicht', nee: 'nee, dat kon niet' },
  informedOn: 'Wanneer ingelicht?',
  informedHow: 'Hoe ingelicht?',
  informedWhyNot: 'Waarom kon dat niet?',
  warningsTitle: 'Let op: deze antwoorden pleiten tegen delen zonder toestemming',
  warnings: {
    'oplossing-binnen-vertrouwensrelatie-mogelijk':
      'Je antwoordt dat een oplossing binnen de vertrouwensrelatie mogelijk is. Dan is delen zonder toestemming meestal niet nodig.',
    'jongere-kan-zelf-melden':
      'Je antwoordt dat de jongere gemotiveerd kan worden om zelf te melden. Dan is het gevaar misschien ook anders af te wenden.',
    'niet-besproken-met-jongere':
      'Je hebt het niet met de jongere besproken. Betrek de jongere waar het kan: doe het in overleg met de leerling.',
  },
  confirmWarnings: 'Ik heb deze waarschuwing gelezen en deel toch zonder toestemming.',
  entryHelper: (who: string) => `Best geplaatst om te helpen: ${who}.`,
  entryInformed: (on: string, how: string) => `De jongere is ingelicht op ${on}: ${how}`,
  entryNotInformed: (why: string) => `De jongere is niet ingelicht: ${why}`,
  entryInformedUnknown: 'Niet vastgelegd of de jongere ingelicht is (genoteerd voor Baken dit vroeg).',
  entryWarnings: (count: number) =>
    count === 1
      ? 'Eén waarschuwing bij de controlevragen bevestigd.'
      : `${count} waarschuwingen bij de controlevragen bevestigd.`,
  invalid458bis: 'Telt niet: art. 458bis (oud Strafwetboek) laat alleen het parket toe, niet deze ontvanger.',
};

export const names = {
  warning: 'Je typt een echte naam. Namen in vrije tekst zijn ook namen: gebruik liever het pseudoniem.',
  suggestion: (found: string, pseudonym: string) => `"${found}": schrijf "${pseudonym}".`,
  replace: 'Vervang door schuilnamen',
  /** The button's accessible name where more than one warning can be on the page (unique names). */
  replaceIn: (where: string) => `Vervang door schuilnamen in ${where}`,
  inNewNote: 'de nieuwe notitie',
  inCorrection: (when: string) => `de verbetering van de notitie van ${when}`,
  inJustification: 'de verantwoording',
  inInstitution: 'de naam van de school of het CLB',
};

export const factsRules = {
  reason: 'Waarom pas je de feiten aan?',
  reasonHint:
    'Verplicht als de beschrijving verandert. De vorige versie blijft zichtbaar; de samenvatting gebruikt de nieuwe.',
  history: (count: number) => (count === 1 ? 'Eerdere versie (1)' : `Eerdere versies (${count})`),
  historyEntry: (date: string, reason: string) => `Vervangen op ${date}. Reden: ${reason}`,
};
