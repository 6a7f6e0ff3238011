import type { SchemaErrorCode } from '../../../schema/errors';

/** Before errors['text.imageData'] when the part holding image data was found: what to remove. */
export const imageDataFound = (start: string): string => `Verwijder dit uit het veld: „${start}”.`;

/** Dutch texts for the stable validation codes of schema/ (one per code, checked by the type). */
export const errors: Record<SchemaErrorCode, string> = {
  'text.required': 'Vul dit veld in.',
  'text.tooShort': 'Deze tekst is te kort.',
  'text.tooLong': 'Deze tekst is te lang. Houd het kort en zakelijk.',
  'text.imageData':
    'Baken bewaart nooit beelden, ook niet als tekst of link met beeldgegevens. ' +
    'Seksueel beeldmateriaal van minderjarigen bekijken, bewaren of doorsturen is zelf strafbaar, ' +
    'ook voor een hulpverlener. Vraag daarom naar namen en feiten, niet naar beelden: wie is ' +
    'betrokken en op welke school? Bewijs blijft bij de jongere of bij de politie.',
  'text.link': 'Noteer hier geen link of webadres. Baken bewaart nooit waar materiaal of bewijs staat.',
  'field.invalidDate': 'Geef een geldige datum.',
  'field.invalidTimestamp': 'Geef een geldig tijdstip.',
  'field.invalidId': 'Deze verwijzing is ongeldig.',
  'field.invalidReference': 'Gebruik een dossiernummer zoals 2026-014.',
  'field.duplicate': 'Deze keuze staat er al in.',
  'field.emptyList': 'Kies minstens één mogelijkheid.',
  'field.invalidInitials': 'Geef je initialen: 1 tot 5 letters, zonder punten.',
  'note.reasonRequired': 'Schrijf kort waarom je deze notitie vervangt.',
  'note.supersedesSelf': 'Een notitie kan zichzelf niet vervangen.',
  'date.inFuture': 'Deze datum ligt in de toekomst. Kies vandaag of een eerdere dag.',
  'date.beforeKnown':
    'Deze datum ligt vóór ‘Bekend sinds’ van dit dossier. Toestemming, delen of een beoordeling van dit incident kan pas vanaf die dag.',
  'consent.withdrawnBeforeGiven': 'De intrekking ligt vóór de datum van de toestemming.',
  'note.alreadySuperseded': 'Deze notitie is al vervangen. Verbeter de nieuwste versie.',
  'consent.alreadyWithdrawn': 'Deze toestemming is al ingetrokken.',
  'consent.notWithdrawable':
    'Delen zonder toestemming kan je niet intrekken: het is een eenmalige, verantwoorde beslissing die zichtbaar blijft.',
  'consent.partyNotInCase': 'Kies een betrokkene van dit dossier.',
  'share.checkRequired': 'Beantwoord elke controlevraag voor je zonder toestemming deelt.',
  'assessment.criterionMissing': 'Beoordeel elk criterium. "Onbekend" mag.',
  'assessment.criterionUnknown': 'Dit criterium hoort niet bij de gekozen versie van het Vlaggensysteem.',
  'party.pseudonymTaken': 'Dit pseudoniem wordt al gebruikt in dit dossier. Kies een ander.',
  'followup.dueInPast': 'Kies een datum vanaf vandaag.',
  'followup.dueTooFar': 'Kies een datum binnen een jaar. Kijk het jaartal na.',
  'followup.sameDate': 'Kies een andere datum dan de huidige.',
  'followup.alreadyDone': 'Deze opvolging is al afgerond.',
  'followup.notDone': 'Deze opvolging staat al open.',
  'case.closed': 'Dit dossier is afgesloten. Heropen het eerst.',
  'case.notClosed': 'Dit dossier is niet afgesloten.',
  'case.openFollowUps':
    'Er staat nog een opvolging open. Vink die eerst af met ‘Klaar’; daarna kun je het dossier afsluiten.',
  'case.retentionInPast': 'Kies een bewaardatum vanaf vandaag.',
  'case.retentionTooFar':
    'Kies een bewaardatum binnen 10 jaar (de langste termijn in Instellingen). Kijk het jaartal na.',
  'case.knownOnTooLongAgo': 'Deze datum ligt meer dan 5 jaar terug. Kijk het jaartal na.',
  'case.knownOnAfterRecords':
    'In dit dossier staat al een toestemming, een beslissing om te delen of een beoordeling met een vroegere datum. ‘Bekend sinds’ kan niet later liggen dan die datum: een toestemming van vóór ‘Bekend sinds’ telt niet. Kies een vroegere datum, of kijk eerst die gegevens na.',
  'consent.giverNotEntitledCompetent':
    'Deze jongere beslist zelf: vanaf 12 jaar wordt een jongere in Vlaanderen bekwaam geacht, tenzij een beoordeling anders zegt. Toestemming van de ouders geldt hier niet; vraag de toestemming van de jongere.',
  'consent.giverNotEntitledNotCompetent':
    'Deze jongere is (nog) niet bekwaam om zelf te beslissen: jonger dan 12, of zo beoordeeld. Vraag de toestemming van de ouders of voogd.',
  'consent.giverNotEntitledJudgedCompetent':
    'Deze jongere is beoordeeld als bekwaam om zelf te beslissen (zie de beoordeling bij de betrokkene). Toestemming van de ouders geldt hier niet; vraag de toestemming van de jongere.',
  'consent.giverNotEntitledJudgedNotCompetent':
    'Deze jongere is beoordeeld als (nog) niet bekwaam om zelf te beslissen (zie de beoordeling bij de betrokkene). Vraag de toestemming van de ouders of voogd.',
  'consent.giverNotEntitledNl':
    'In Nederland beslissen de ouders onder 12 jaar, vanaf 16 jaar de jongere zelf, en van 12 tot 16 jaar de jongere en de ouders samen. Wie je koos, kan voor deze jongere geen toestemming geven: vraag die van de ouders (onder 12 jaar) of van de jongere zelf (vanaf 16 jaar).',
  'consent.giverNotEntitledAdult': 'Een volwassene geeft zelf toestemming over de eigen gegevens.',
  'share.art458bisParketOnly':
    'Art. 458bis van het oude Strafwetboek laat alleen toe de procureur des Konings (parket) te informeren. Kies "politie/parket" (voor het parket) of deel op een andere grond.',
  'share.art458bisNotInNl':
    'Art. 458bis is Belgisch recht en geldt niet voor een dossier in Nederland. Noteer een noodtoestand, of deel niet zonder toestemming.',
  'share.bestPlacedToHelpRequired': 'Schrijf wie (persoon of dienst) het best kan helpen in deze noodtoestand.',
  'share.informedRequired':
    'Noteer of de jongere weet wat je deelt, waarom en wat er daarna gebeurt, of waarom dat niet kon.',
  'share.warningNotConfirmed': 'Bevestig eerst dat je de waarschuwing bij de controlevragen gelezen hebt.',
  'record.changedMeanwhile':
    'Dit werd intussen gewijzigd, in een ander venster of op een ander toestel. Je wijziging hier is niet bewaard, zodat de andere niet verloren gaat: annuleer, bekijk de nieuwe versie en pas opnieuw aan.',
  'case.factsReasonRequired': 'Schrijf kort waarom je de feiten aanpast. De vorige versie blijft zichtbaar.',
  'case.factsUnchanged': 'De feiten zijn niet veranderd.',
  'conversation.agreementRequired':
    'Een gesprek kan alleen als elke betrokkene ermee instemde. Vink het aan als dat zo is.',
  'conversation.jointNeedsTwo': 'Een gezamenlijk gesprek is met minstens twee betrokkenen.',
};
