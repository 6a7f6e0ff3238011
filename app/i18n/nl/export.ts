// Export screen: need-to-know summary, anonymised auditor figures, audit log.
import { caseTypeLabels } from './case-types';
import { partyRoleLabels } from './party-roles';
import type { ChainProblem } from '../../../schema/audit-chain';
import type { SummaryLabels } from '../../../schema/summary-text';

const summaryLabels = {
  confidential: 'Vertrouwelijk — alleen wat nodig is',
  title: (reference: string, recipient: string) => `Samenvatting dossier ${reference} voor ${recipient}`,
  date: (date: string) => `Datum: ${date}`,
  anchor: (code: string) => `Ankercode auditlog: ${code}`,
  recipients: {
    school: 'de school',
    'ander-clb': 'een ander CLB',
    'ouders-voogd': 'de ouders/voogd',
    hulpverlening: 'de hulpverlening',
  },
  categories: {
    feiten: 'Feiten',
    afspraken: 'Afspraken',
    'vlaggen-beoordeling': 'Vlaggensysteem-beoordeling',
    'namen-betrokkenen': 'Namen van betrokkenen',
    opvolging: 'Opvolging',
    'offline-halen': 'Materiaal offline halen',
    bewijsmateriaal: 'Bewijsmateriaal',
    'klacht-politie': 'Klacht bij de politie',
    'andere-scholen': "Andere scholen en CLB's op de hoogte gebracht",
    'grooming-signalen': 'Signalen van grooming',
    gesprekken: 'Gesprekken',
  },
  // The summary names the catch-all role in full; a list heading gives the logbook that context.
  roles: { ...partyRoleLabels, andere: 'andere betrokkene', betrokkene: 'betrokkene' },
  caseTypes: caseTypeLabels,
  knownVia: {
    'betrokkene-zelf': 'de betrokkene zelf',
    klasgenoot: 'een klasgenoot',
    leerkracht: 'een leerkracht',
    ouder: 'een ouder',
    'ander-clb-of-school': 'een ander CLB of een andere school',
    'child-focus': 'Child Focus',
    andere: 'een andere weg',
  },
  flags: {
    groen: 'groen (aanvaardbaar)',
    geel: 'geel (licht grensoverschrijdend)',
    rood: 'rood (ernstig grensoverschrijdend)',
    zwart: 'zwart (zwaar grensoverschrijdend)',
  },
  takedownSteps: {
    'verspreider-gevraagd': 'Wie het verspreidde, is gevraagd het te verwijderen',
    'ontvangers-gevraagd': 'Ontvangers zijn gevraagd het te verwijderen en niet door te sturen',
    'platform-gemeld': 'Gemeld bij het platform of een moderator',
    'child-focus': 'Child Focus gecontacteerd',
    helpwanted: 'Helpwanted.nl gecontacteerd',
  },
  takedownStatuses: { gedaan: 'gedaan', 'lukte-niet': 'lukte niet', 'niet-nodig': 'niet nodig' },
  evidenceExists: {
    ja: 'er is bewijsmateriaal',
    nee: 'er is geen bewijsmateriaal',
    onbekend: 'niet bekend of er bewijsmateriaal is',
  },
  evidenceForms: { schermafbeeldingen: 'schermafbeeldingen', links: 'links', berichten: 'berichten' },
  evidenceHolders: {
    jongere: 'de jongere',
    'ouders-voogd': 'de ouders/voogd',
    politie: 'de politie',
    school: 'de school',
    andere: 'iemand anders',
  },
  policeStages: {
    overwogen: 'Klacht bij de politie overwogen',
    aangeraden: 'Klacht bij de politie aangeraden',
    neergelegd: 'Klacht bij de politie neergelegd',
  },
  policeActors: {
    jongere: 'de jongere',
    'ouders-voogd': 'de ouders/voogd',
    school: 'de school',
    clb: 'het CLB',
    andere: 'iemand anders',
  },
  institutionKinds: { school: 'school', clb: 'CLB' },
  conversationFormats: { samen: 'samen', apart: 'apart' },
  // The phase names of seed 001 (Qpido), quoted.
  groomingPhases: {
    slachtofferselectie: 'Slachtofferselectie',
    'informatie-en-vertrouwen': 'Informatie inwinnen en vertrouwen winnen',
    'voorzien-in-behoefte': 'Voorzien in behoefte',
    'verleggen-van-grenzen': 'Verleggen van grenzen',
    'daadwerkelijk-misbruik': 'Daadwerkelijk misbruik',
  },
  how: { 'mondeling-genoteerd': 'mondeling genoteerd', schriftelijk: 'schriftelijk' },
  basis: {
    noodtoestand: 'noodtoestand',
    'art-458bis': 'art. 458bis van het oude Strafwetboek (nummering van vóór 8 april 2026)',
  },
  party: (name: string, age: number | undefined) => (age === undefined ? name : `${name} (${age})`),
  sourceConsent: (who: string, givenBy: 'jongere' | 'ouder-voogd', how: string, date: string) =>
    givenBy === 'jongere'
      ? `Bron: gedeeld met toestemming van ${who}, ${how}, ${date}`
      : `Bron: gedeeld met toestemming van de ouder/voogd van ${who}, ${how}, ${date}`,
  sourceJudgement: (competent: boolean, by: string, date: string) =>
    competent
      ? `; beoordeeld als bekwaam om zelf te beslissen door ${by} op ${date}`
      : `; beoordeeld als niet bekwaam om zelf te beslissen door ${by} op ${date}`,
  sourceWithout: (basis: string, who: string, date: string) =>
    `Bron: gedeeld zonder toestemming (${basis}), over ${who}, ${date}`,
  justification: (text: string) => `Verantwoording: ${text}`,
  facts: {
    types: (list: string) => `Soort incident: ${list}`,
    known: (date: string, via: string) => `Bekend sinds ${date}, via ${via}`,
    description: (text: string) => `Wat er gebeurde: ${text}`,
    schools: (list: string) => `School: ${list}`,
    agreement: (date: string, text: string) => `${date}: ${text}`,
    assessment: (flag: string, date: string) => `Vlag ${flag}, beoordeeld op ${date}`,
    behaviour: (text: string) => `Gedrag: ${text}`,
    reasoning: (text: string) => `Toelichting: ${text}`,
    party: (role: string, pseudonym: string, age: number | undefined) =>
      age === undefined ? `${pseudonym}, ${role}` : `${pseudonym} (${age}), ${role}`,
    realName: (name: string) => `Naam: ${name}`,
    school: (school: string, className: string | undefined) =>
      className === undefined ? `School: ${school}` : `School: ${school}, klas ${className}`,
    followUp: (date: string, purpose: string) => `${date}: ${purpose}`,
    takedown: (step: string, status: string, date: string) => `${step}: ${status} (${date})`,
    evidence: (exists: string, forms: string, holders: string, date: string) =>
      [exists, forms === '' ? '' : `: ${forms}`, holders === '' ? '' : `, bij ${holders}`, ` (${date})`].join(''),
    conversation: (date: string, format: string) => `${date}: gesprek (${format})`,
    grooming: (phases: string, date: string) => `Opgemerkt (fasen uit de bron, geen volgorde): ${phases} (${date})`,
    informed: (kind: string, institution: string, date: string) =>
      `${institution} (${kind}), op de hoogte gebracht op ${date}`,
    police: (stage: string, by: string, date: string, informed: boolean) =>
      `${stage} door ${by} (${date})${informed ? '; uitgelegd wat een klacht betekent' : ''}`,
  },
  withheld: (list: string) => `Niet gedeeld: ${list}`,
  withheldOthers: (category: string) => `${category} (over de andere betrokkenen)`,
  nothingShared:
    'Er is niets dat je met deze ontvanger mag delen: er is geen geldige toestemming en geen gedocumenteerde noodtoestand voor vandaag.',
} as const satisfies SummaryLabels;

// A case in the Netherlands says "aangifte" where Flanders says "klacht" (logbook stepSections.policeNl).
const summaryLabelsNl = {
  ...summaryLabels,
  categories: {
    ...summaryLabels.categories,
    'klacht-politie': 'Aangifte bij de politie',
    'andere-scholen': 'Andere scholen op de hoogte gebracht',
  },
  knownVia: { ...summaryLabels.knownVia, 'ander-clb-of-school': 'een andere school' },
  policeStages: {
    overwogen: 'Aangifte bij de politie overwogen',
    aangeraden: 'Aangifte bij de politie aangeraden',
    neergelegd: 'Aangifte bij de politie gedaan',
  },
  facts: {
    ...summaryLabels.facts,
    police: (stage: string, by: string, date: string, informed: boolean) =>
      `${stage} door ${by} (${date})${informed ? '; uitgelegd wat een aangifte betekent' : ''}`,
  },
} as const satisfies SummaryLabels;

export const exportScreen = {
  intro:
    'Alles wordt op dit toestel gemaakt, ook zonder netwerk. Er gaat niets vanzelf naar buiten: jij kiest wat je afdrukt, kopieert of bewaart.',
  sectionsNav: 'Onderdelen van de export',

  summary: {
    title: 'Samenvatting: alleen wat nodig is',
    intro:
      'Voor één dossier en één ontvanger. Alleen wat een geldige toestemming of een gedocumenteerde noodtoestand toelaat, komt erin. Wat niet gedeeld wordt, staat erbij als soort informatie, nooit de inhoud.',
    case: 'Dossier',
    chooseCase: 'Kies een dossier',
    noCases: 'Er zijn nog geen dossiers.',
    loadingCases: 'Dossiers laden…',
    recipient: 'Voor wie?',
    make: 'Samenvatting maken',
    making: 'Bezig…',
    ready: 'De samenvatting is klaar. Lees ze hieronder na voor je ze deelt.',
    caseRequired: 'Kies een dossier.',
    caseGone: 'Dit dossier bestaat niet (meer) of kan niet gelezen worden.',
    failed: 'De samenvatting kon niet gemaakt worden. Er is niets gedeeld.',
    conflictsOpen:
      'In dit dossier wacht nog een keuze tussen tegenstrijdige wijzigingen. Kies eerst op de pagina van het dossier: tot dan weet Baken niet zeker wat het moet weglaten. Er is niets gedeeld.',
    preview: 'Voorbeeld',
    previewHint:
      'Lees na wat je gaat delen. Het maken van deze samenvatting staat in het auditlog (ontvanger en soorten informatie, geen inhoud).',
    /** What stands in a summary where free text held a phone number or an e-mail address. */
    contactLeftOut: { email: '[e-mailadres weggelaten]', phone: '[telefoonnummer weggelaten]' },
    classLeftOut: '[klas weggelaten]',
    imageLinkLeftOut: '[link naar een beeld weggelaten]',
    /** Above the preview when one was left out. */
    contactsLeftOut:
      'Telefoonnummers en e-mailadressen laat Baken weg uit een samenvatting: Baken weet niet van wie ze zijn, en geen toestemming in Baken geldt voor contactgegevens. Geef ze alleen door als de persoon van wie ze zijn (of wie voor hem of haar beslist) daarmee instemt.',
    /** Above the preview, for the worker only: the depicted young persons whose consent is still missing. */
    awaitingDepicted: (list: string) =>
      `Informatie over het incident (zoals de feiten) deel je alleen als elke afgebeelde jongere, of wie voor haar of hem beslist, ermee instemt voor deze ontvanger, of bij een genoteerde noodtoestand. Nog geen geldige toestemming voor wat hier niet gedeeld wordt: ${list}.`,
    /** Above the preview when a shared name has a part (a surname) in common with a name that is not shared. */
    namesSharePart:
      'Let op: een naam die je deelt, heeft een deel gemeen met de naam van een betrokkene van wie de naam niet gedeeld mag worden (bijvoorbeeld dezelfde familienaam). Wie de samenvatting leest, kan die betrokkene zo herkennen. Deel ze alleen als dat kan, of vraag ook die betrokkene (of wie voor hem of haar beslist) om toestemming.',
    /** Shown above the preview when its text still holds something like a phone number or e-mail address. */
    contactDetails:
      'Let op: in deze samenvatting staat iets wat op een telefoonnummer of e-mailadres lijkt. Baken weet niet van wie het is. Deel het alleen als de persoon van wie het is (of wie voor hem of haar beslist) daarmee instemt; anders corrigeer je de notitie of het veld waar het in staat, en maak je de samenvatting opnieuw.',
    print: 'Afdrukken',
    copy: 'Tekst kopiëren',
    copyConfirmTitle: 'Tekst op het klembord zetten?',
    copyConfirmBody:
      'De samenvatting bevat het dossiernummer en wat je mag delen, met de namen als die gedeeld mogen worden. Op het klembord kunnen andere apps op dit toestel ze lezen. Baken maakt het klembord leeg als het vergrendelt, als het toestel dat toelaat; niet als je de pagina herlaadt of sluit.',
    copyConfirm: 'Ja, kopiëren',
    copyCancel: 'Niet kopiëren',
    copied: 'De tekst staat op het klembord. Plak hem alleen in een beveiligd kanaal.',
    copyFailed: 'Kopiëren lukte niet. Selecteer de tekst hieronder en kopieer hem zelf.',
    textLabel: 'Samenvatting als tekst',
    pageNumbers: 'Paginanummers staan onderaan elke afgedrukte pagina als je browser dat ondersteunt.',
    caseOption: (reference: string, status: string) => `${reference} (${status})`,
    statuses: { open: 'open', 'in-rust': 'in rust', afgesloten: 'afgesloten' },
  },
  summaryLabels,
  summaryLabelsNl,

  /** The jump link to the team figures (a device in a team). */
  teamFiguresLink: 'Teamcijfers',
  audit: {
    title: 'Geanonimiseerd overzicht voor de auditor',
    intro:
      'Aantallen per kwartaal, over de dossiers op dit toestel die in dat kwartaal bekend werden. Geen namen, pseudoniemen, scholen, exacte datums of vrije tekst. Een 0 wordt getoond, behalve in een tabel die alleen haar totaal kan tonen. Elk aantal van 1 tot 4 wordt verborgen, en ook een tweede cel wanneer een totaal het verborgen aantal zou verraden. Een tabel met 1 tot 4 in totaal toont alleen “minder dan 5”; een kwartaal zonder dossiers toont overal 0. Per maand kan niet: een maand en haar kwartaal zouden samen verborgen aantallen verraden.',
    year: 'Jaar',
    quarterLabel: 'Welk kwartaal?',
    quarters: ['1e kwartaal (jan–mrt)', '2e kwartaal (apr–jun)', '3e kwartaal (jul–sep)', '4e kwartaal (okt–dec)'],
    yearInvalid: 'Geef een jaar tussen 2000 en 2100.',
    make: 'Overzicht maken',
    progress: (done: number, total: number) => `Gegevens lezen: ${done} van ${total}`,
    progressLabel: 'Voortgang',
    ready: 'Het overzicht is klaar.',
    failed: 'Het overzicht kon niet gemaakt worden. Er is niets gewijzigd.',
    downloadCsv: 'CSV bewaren',
    downloadJson: 'JSON bewaren',
    suppressed: 'verborgen',
    lessThanK: 'minder dan 5',
    // A percentage or median of nothing (no case, no follow-up, no share in the quarter).
    nothingToCount: 'niets te tellen',
    suppressedHint:
      '“verborgen” betekent: 1 tot 4, of verborgen zodat een totaal een klein aantal niet verraadt. Een 0 is echt 0.',
    cell: 'Categorie',
    value: 'Aantal',
    tables: {
      types: 'Dossiers per soort incident (eerste gekozen soort)',
      ageBands: 'Dossiers per leeftijdsgroep van de afgebeelde jongere (de jongste als er meer zijn)',
      flags: 'Dossiers per vlag (laatste beoordeling)',
      firstFollowUp: 'Dossiers met een afgeronde opvolging',
      followUps: 'Opvolgingen op tijd of te laat',
      shares: 'Keren dat informatie gedeeld werd (gemaakte samenvattingen en delen zonder toestemming)',
      'takedown-verspreider-gevraagd': 'Dossiers waarin wie het verspreidde gevraagd werd het te verwijderen',
      'takedown-ontvangers-gevraagd':
        'Dossiers waarin ontvangers gevraagd werden het te verwijderen en niet door te sturen',
      'takedown-platform-gemeld': 'Dossiers waarin het gemeld werd bij het platform of een moderator',
      'takedown-child-focus':
        'Dossiers waarin Child Focus (Vlaanderen) of Helpwanted.nl (Nederland) gecontacteerd werd',
      complaints: 'Dossiers waarin klacht (Vlaanderen) of aangifte (Nederland) bij de politie gedaan werd',
      otherSchools: 'Dossiers waarin een andere school of een ander CLB op de hoogte gebracht werd',
      firstConversation: 'Dossiers met minstens één gesprek (genoteerd bij Gesprekken, niet als notitie)',
    },
    stats: {
      medianDays: 'Dagen tot de eerste afgeronde opvolging (mediaan)',
      p90Days: 'Dagen tot de eerste afgeronde opvolging (90e percentiel)',
      pctOverdue: 'Opvolgingen te laat (%)',
      pctConsent: 'Delen met gedocumenteerde toestemming (%)',
      medianDaysConversation: 'Dagen van bekend worden tot het eerste gesprek (mediaan)',
    },
    statsCaption: 'Kerncijfers',
    total: 'Totaal',
    cells: {
      ageBands: {
        'tot-11': '11 jaar of jonger',
        '12-13': '12–13 jaar',
        '14-15': '14–15 jaar',
        '16-17': '16–17 jaar',
        '18-plus': '18 jaar of ouder',
        onbekend: 'leeftijd onbekend',
      },
      flags: {
        groen: 'groen',
        geel: 'geel',
        rood: 'rood',
        zwart: 'zwart',
        geen: 'nog geen beoordeling',
      },
      firstFollowUp: { afgerond: 'met een afgeronde opvolging', 'nog-niet': 'nog zonder afgeronde opvolging' },
      followUps: { 'niet-te-laat': 'op tijd of nog niet vervallen', 'te-laat': 'te laat' },
      takedown: { gedaan: 'stap gedaan', 'niet-gedaan': 'niet (of nog niet) gedaan' },
      withOrWithout: { ja: 'ja', nee: 'nee (of nog niet)' },
      shares: {
        toestemming: 'met toestemming',
        noodtoestand: 'zonder toestemming: noodtoestand',
        'art-458bis': 'zonder toestemming: art. 458bis (oud Strafwetboek)',
      },
    },
    fileName: (period: string, ext: string) => `baken-auditor-${period}.${ext}`,
    rowLog: {
      title: 'Rij per dossier (gepseudonimiseerd, niet verplicht)',
      intro:
        'Eén rij per dossier van dit kwartaal: een pseudoniem dat bij elke export anders is, de week waarin het dossier bekend werd, soort, leeftijdsgroep, vlag, aantallen, en als keuzes en weken: offline halen, bewijsmateriaal, klacht of aangifte bij de politie, andere scholen of CLB’s op de hoogte, groomingsignalen en gesprekken. Geen namen, scholen, datums of vrije tekst. Dit zijn gepseudonimiseerde persoonsgegevens: bewaar en deel het bestand zoals persoonsgegevens.',
      identifiable:
        'Let op: elke rij is één dossier, met de soort, de leeftijdsgroep en de week. Wie de school of de week kent, kan daarin soms een leerling herkennen, ook waar het overzicht hierboven kleine aantallen verbergt. Maak het bestand alleen als de auditor het echt nodig heeft, en geef het alleen aan die persoon.',
      download: 'Rij per dossier bewaren (JSON, gepseudonimiseerd)',
      busy: 'Bezig…',
      done: 'Het gepseudonimiseerde bestand is klaar om te bewaren.',
      failed: 'Het bestand kon niet gemaakt worden. Er is niets gewijzigd.',
      fileName: (period: string) => `baken-auditor-rijen-gepseudonimiseerd-${period}.json`,
    },
  },

  log: {
    title: 'Auditlog',
    intro:
      'Baken houdt elke handeling bij in een keten: elke schakel verwijst naar de vorige, zodat niets ongemerkt gewijzigd, weggelaten of tussengevoegd kan worden. Noteer de ankercode hieronder buiten Baken (op papier of in je dossiersysteem): daarmee kan je later nagaan dat de geschiedenis tot dan niet herschreven is. Het bestand toont per handeling alleen de soort, de dag en versleutelde verwijzingen. De dag is die in wereldtijd (UTC): een handeling tussen middernacht en 1 uur ’s nachts (in de zomer 2 uur) staat bij de dag ervoor.',
    personalData:
      'Het auditlog bevat gepseudonimiseerde persoonsgegevens: geen namen of inhoud, maar wel gegevens over handelingen in dossiers van personen. Bewaar en deel het zoals persoonsgegevens. Het bestand zegt dat zelf ook.',
    anchorNow: (code: string) => `Huidige ankercode: ${code}`,
    noAnchor: 'Er staat nog niets in de keten.',
    download: 'Auditlog bewaren (JSON)',
    fileName: (date: string) => `baken-auditlog-gepseudonimiseerd-${date}.json`,
    exporting: 'Bezig met het auditlog…',
    exportFailed: 'Het auditlog kon niet gemaakt worden. Er is niets gewijzigd.',
    headMismatch:
      'Let op: het einde van deze keten is niet het einde dat dit toestel bewaart. De nieuwste handelingen ontbreken in het bestand.',
    exported: (n: number) => `Het auditlog met ${n} ${n === 1 ? 'handeling' : 'handelingen'} is klaar om te bewaren.`,
    damaged: (n: number) =>
      `${n} ${n === 1 ? 'handeling kan' : 'handelingen kunnen'} niet gelezen worden; de controle zal die plek aanwijzen.`,
    verifyTitle: 'Auditlog controleren',
    verifyIntro: 'Open een auditlog dat met Baken bewaard werd. Alleen zo’n bestand (.json) wordt aanvaard.',
    verifyIntroStandalone:
      'Kreeg je een auditlog van Baken? Controleer hier of de keten van handelingen klopt. Je hebt er geen eigen logboek voor nodig. Het bestand blijft op dit toestel: Baken bewaart of verstuurt het niet. Alleen een .json-bestand van Baken wordt aanvaard.',
    file: 'Auditlogbestand',
    fileHint: 'Een .json-bestand van Baken, hoogstens 20 MB.',
    anchor: 'Ankercode die je eerder noteerde (niet verplicht)',
    anchorHint: 'Een nummer, een streepje en zestien tekens, bv. 42-ABCD-EFGH-JKMN-PQRS.',
    anchorInvalid:
      'Een ankercode is een nummer, een streepje en zestien tekens (cijfers en letters), bv. 42-ABCD-EFGH-JKMN-PQRS. Oudere codes van tien tekens worden niet meer aanvaard.',
    verify: 'Controleren',
    verifying: 'Bezig met controleren…',
    fileRequired: 'Kies een auditlogbestand.',
    fileTooLarge: 'Dit bestand is groter dan 20 MB. Het is geen auditlog van Baken.',
    fileWrongType: 'Kies een .json-bestand van Baken.',
    // Without an anchor noted earlier, a chain that holds together proves no more than that: whoever has
    // the file can compute a whole new chain (SECURITY.md, "Tamper-evident audit log").
    valid: (n: number, anchor: string | null) =>
      `Geldig: de keten van ${n} handelingen klopt in zichzelf.${anchor === null ? '' : ` Ankercode van dit bestand: ${anchor}.`}`,
    validNoAnchor:
      'Of er niets herschreven werd, toont alleen een ankercode die je eerder noteerde: wie het bestand heeft, kan een hele keten opnieuw berekenen.',
    validAnchor: 'De ankercode die je opgaf, staat in de keten: tot die schakel werd de geschiedenis niet herschreven.',
    invalid: (seq: number | null, reason: string) =>
      seq === null
        ? `Ongeldig: ${reason}`
        : `Ongeldig vanaf schakel ${seq}${seq === 0 ? ' (de eerste)' : ''}: ${reason}`,
    reasons: {
      format: 'dit is geen geldig auditlog van Baken.',
      altered: 'dit is een auditlog van Baken, maar het werd gewijzigd: de inhoud past niet meer in het vaste formaat.',
      damaged:
        'dit is een auditlog van Baken, maar het bestand is onvolledig of beschadigd en niet meer te lezen. Het kan onvolledig gedownload of gewijzigd zijn: vraag of bewaar een nieuw auditlog.',
      seq: 'een schakel ontbreekt of staat op de verkeerde plaats.',
      prev: 'de schakel verwijst niet naar de vorige.',
      hash: 'de inhoud van de schakel is gewijzigd.',
      head: 'het einde van de keten klopt niet.',
      checksum: 'de gegevens van het bestand zijn gewijzigd.',
      anchor:
        'de ankercode past niet bij de schakel met dat nummer. Controleer of je de code juist overnam; klopt ze, dan werd de geschiedenis tot daar herschreven.',
      anchorPastEnd:
        'de keten in dit bestand eindigt vóór de schakel die de ankercode noemt. Werd dit bestand gemaakt vóór je die code noteerde, dan is dat de verklaring: controleer een nieuwer auditlog. Anders werd de geschiedenis ingekort.',
    } satisfies Record<ChainProblem, string>,
  },
} as const;
