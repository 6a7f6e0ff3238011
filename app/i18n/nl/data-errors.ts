import type { BackupErrorCode } from '../../data/backup-file';
import type { DataErrorCode } from '../../data/errors';

/** Every stable code of app/data (data, vault and backup errors); schema codes are in ./errors.ts. */
export type AppErrorCode = DataErrorCode | BackupErrorCode;

/** Dutch text per backup or import refusal (app/data/backup.ts); every text says nothing was read in. */
export const backupErrors: Record<BackupErrorCode, string> = {
  'backup.tooLarge': 'Dit bestand is te groot voor een Baken-back-up (meer dan 64 MB). Er is niets ingelezen.',
  'backup.notBackup':
    'Dit is geen Baken-back-up. Kies een .baken-bestand dat Baken zelf maakte. Er is niets ingelezen.',
  'backup.newerVersion':
    'Deze back-up komt uit een nieuwere versie van Baken. Werk Baken eerst bij (open de app met netwerk en herlaad) en probeer opnieuw. Er is niets ingelezen.',
  'backup.damaged':
    'Dit bestand is onvolledig of beschadigd, of er is iets in veranderd. Er is niets ingelezen. Gebruik een andere kopie of vraag een nieuwe back-up.',
  'backup.wrongPassphrase':
    'Deze wachtwoordzin opent de back-up niet. Het kan ook de wachtwoordzin voor overdracht zijn, of je wachtwoordzin van toen. Klopt de wachtwoordzin zeker, dan is het bestand gewijzigd of beschadigd: neem een andere kopie. Er is niets ingelezen.',
  'backup.weakProtection':
    'Deze back-up is beveiligd met te zwakke instellingen. Baken weigert ze. Er is niets ingelezen.',
  'backup.invalid':
    'De inhoud van deze back-up klopt niet met wat Baken verwacht. Het hele bestand is geweigerd; er is niets ingelezen.',
  'backup.imageData':
    'Deze back-up bevat beeldgegevens. Baken bewaart nooit beelden, daarom is het hele bestand geweigerd. Er is niets ingelezen.',
  'backup.notEmpty':
    'Terugzetten kan alleen in een leeg logboek, en in dit logboek staan al gegevens. Kies "Samenvoegen met dit logboek". Er is niets gewijzigd.',
  'backup.conflict':
    'Deze back-up botst met gegevens in dit logboek: eenzelfde sleutel wordt voor iets anders gebruikt. Er is niets ingelezen.',
  'backup.futureDated':
    'In deze back-up staan gegevens met een datum die meer dan een dag na vandaag ligt. Samenvoegen zou ze altijd laten winnen, daarom is het hele bestand geweigerd. Controleer de datum en tijd van beide toestellen. Er is niets ingelezen.',
  'backup.nothingSelected': 'Kies minstens één dossier.',
};

/**
 * Dutch text per data and backup error code: one per code, checked by the
 * type (a missing code does not compile). Read it through errorText()
 * (app/i18n/error-text.ts). Every text says whether anything changed.
 */
export const dataErrors: Record<AppErrorCode, string> = {
  'vault.missing': 'Er staat nog geen logboek op dit toestel.',
  'vault.exists': 'Er staat al een logboek op dit toestel. Er is niets gewijzigd.',
  'vault.locked': 'Baken is vergrendeld. Ontgrendel en probeer opnieuw.',
  'vault.corrupt': 'De sleutel van dit logboek kan niet gelezen worden. Er is niets gewijzigd.',
  'vault.passphraseTooShort': 'Deze wachtwoordzin is te kort: gebruik minstens 12 tekens.',
  'vault.wrongPassphrase': 'Deze wachtwoordzin klopt niet. Probeer het opnieuw.',
  'vault.wrongRecoveryCode': 'Deze herstelcode klopt niet, of er is geen herstelcode ingesteld.',
  'vault.recoveryCodeInvalid': 'Deze herstelcode is onvolledig of bevat een tikfout. Kijk hem na.',
  'vault.noRecoveryCode': 'Voor dit logboek is geen herstelcode ingesteld.',
  'vault.throttled': 'Te veel foute pogingen. Wacht even en probeer het dan opnieuw.',
  'vault.kdfDowngrade':
    'De beveiliging van dit logboek is zwakker dan Baken toelaat. Baken gebruikt ze niet. Er is niets gewijzigd.',
  'record.damaged': 'Dit onderdeel kan niet gelezen worden. Er is niets gewijzigd.',
  'record.notFound': 'Dit onderdeel bestaat niet meer op dit toestel. Er is niets gewijzigd.',
  'record.invalid': 'Niet bewaard: kijk de gemarkeerde velden na.',
  'record.appendOnly': 'Een bewaarde notitie kan niet gewijzigd worden. Corrigeer met een nieuwe notitie.',
  'record.conflict': 'Dit kon niet bewaard worden door een conflict. Er is niets gewijzigd. Probeer het opnieuw.',
  'storage.full':
    'Het toestel is vol. Er is niets opgeslagen. Maak ruimte vrij of maak een back-up en probeer opnieuw.',
  'storage.failed': 'Bewaren is niet gelukt. Er is niets opgeslagen. Probeer het opnieuw.',
  ...backupErrors,
};

/** For anything without a code (a bug, an unexpected browser error). */
export const genericError = 'Er ging iets mis. Er is niets gewijzigd. Probeer het opnieuw.';
