import type { SchemaErrorCode } from '../../../schema/errors';

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
  'field.invalidDate': 'Geef een geldige datum.',
  'field.invalidTimestamp': 'Geef een geldig tijdstip.',
  'field.invalidId': 'Deze verwijzing is ongeldig.',
  'field.invalidReference': 'Gebruik een dossiernummer zoals 2026-014.',
  'field.duplicate': 'Deze keuze staat er al in.',
  'field.emptyList': 'Kies minstens één mogelijkheid.',
  'field.invalidInitials': 'Geef je initialen: 1 tot 5 letters, zonder punten.',
  'note.reasonRequired': 'Schrijf kort waarom je deze notitie vervangt.',
  'note.supersedesSelf': 'Een notitie kan zichzelf niet vervangen.',
  'consent.withdrawnBeforeGiven': 'De intrekking ligt vóór de datum van de toestemming.',
  'note.alreadySuperseded': 'Deze notitie is al vervangen. Verbeter de nieuwste versie.',
  'consent.alreadyWithdrawn': 'Deze toestemming is al ingetrokken.',
  'consent.notWithdrawable':
    'Delen zonder toestemming kan je niet intrekken: het is een eenmalige, verantwoorde beslissing die zichtbaar blijft.',
  'consent.partyNotInCase': 'Kies een betrokkene van dit dossier.',
  'share.checkRequired': 'Beantwoord elke controlevraag voor je zonder toestemming deelt.',
  'assessment.criterionMissing': 'Beoordeel elk criterium. "Onbekend" mag.',
  'assessment.criterionUnknown': 'Dit criterium hoort niet bij de gekozen versie van het Vlaggensysteem.',
  'party.pseudonymTaken': 'Deze schuilnaam wordt al gebruikt in dit dossier. Kies een andere.',
  'followup.dueInPast': 'Kies een datum vanaf vandaag.',
  'followup.sameDate': 'Kies een andere datum dan de huidige.',
  'followup.alreadyDone': 'Deze opvolging is al afgerond.',
  'case.closed': 'Dit dossier is afgesloten. Heropen het eerst.',
  'case.notClosed': 'Dit dossier is niet afgesloten.',
  'case.openFollowUps': 'Er staat nog een opvolging open. Rond die eerst af of verzet ze.',
  'case.retentionInPast': 'Kies een bewaardatum vanaf vandaag.',
};
