// Sync status line and "tegenstrijdige wijziging" items (issue 20, helper F).
const count = (n: number) => new Intl.NumberFormat('nl-BE').format(n);

export const syncStatus = {
  label: 'Synchronisatie',
  toSettings: 'Naar Synchronisatie in Instellingen',
  off: 'Synchronisatie staat uit op dit toestel.',
  busy: 'Bezig met synchroniseren…',
  offline:
    'Dit toestel is offline. Je wijzigingen blijven bewaard en gaan mee zodra er weer verbinding is en Baken ontgrendeld is.',
  syncedAt: (time: string) => `Gesynchroniseerd om ${time}.`,
  neverSynced: 'Nog niet gesynchroniseerd.',
  waiting: (n: number) => (n === 1 ? '1 wijziging wacht.' : `${count(n)} wijzigingen wachten.`),
  progress: (done: number, total: number, direction: 'ontvangen' | 'verzonden') =>
    `${count(done)} van ${count(total)} onderdelen ${direction}.`,
  /** On every screen while a long pull runs (a newly paired device): the aside's name, then its text. */
  receivingTitle: 'Logboek wordt binnengehaald',
  receiving:
    'Je logboek wordt nog binnengehaald van de sync-server. Tot dat klaar is, ontbreken er dossiers in de lijst.',
  refused: (n: number) =>
    n === 1
      ? '1 ontvangen onderdeel is geweigerd (beschadigd of ongeldig) en niet bewaard.'
      : `${count(n)} ontvangen onderdelen zijn geweigerd (beschadigd of ongeldig) en niet bewaard.`,
  tooLarge: (n: number) =>
    n === 1
      ? '1 wijziging is te groot voor de sync-server en wordt voorlopig niet verzonden. Ze blijft bewaard op dit toestel.'
      : `${count(n)} wijzigingen zijn te groot voor de sync-server en worden voorlopig niet verzonden. Ze blijven bewaard op dit toestel.`,
  notAccepted: (n: number) =>
    n === 1
      ? '1 wijziging werd door de sync-server geweigerd en wordt voorlopig niet opnieuw verzonden. Ze blijft bewaard op dit toestel.'
      : `${count(n)} wijzigingen werden door de sync-server geweigerd en worden voorlopig niet opnieuw verzonden. Ze blijven bewaard op dit toestel.`,
  errors: {
    auth: 'Aanmelding geweigerd: controleer het account en het wachtwoord.',
    lockedOut:
      'De sync-server heeft dit account even geblokkeerd na te veel mislukte aanmeldingen. Je wijzigingen blijven bewaard op dit toestel. Wacht enkele minuten en vul daarna het wachtwoord van het account opnieuw in bij Instellingen, Synchronisatie.',
    forbidden: 'Geen toegang tot deze database.',
    network: 'Geen verbinding met de sync-server. Baken probeert het opnieuw; je wijzigingen blijven bewaard.',
    server: 'De sync-server gaf een fout. Baken probeert het opnieuw; je wijzigingen blijven bewaard.',
    protocol: 'De sync-server antwoordde onverwacht. Baken probeert het opnieuw.',
  },
  /** On every screen once this device found itself removed from the worker's device list. */
  removed:
    'Dit toestel werd verwijderd uit je lijst van toestellen en synchroniseert niet meer. Wat je hier nu noteert, blijft alleen op dit toestel.',
  /** With `removed`, when changes waited to be sent at the moment the removal was found. */
  removedUnsent: (n: number) =>
    (n === 1
      ? '1 wijziging van vóór de verwijdering is niet verstuurd en staat alleen op dit toestel.'
      : `${count(n)} wijzigingen van vóór de verwijdering zijn niet verstuurd en staan alleen op dit toestel.`) +
    ' Maak een back-up (Instellingen) als je ze wilt bewaren of overdragen.',
  /** Local changes not yet sent, discarded with a case erased on another device (never its number). */
  erasedUnsentTitle: 'Wijzigingen bij een gewist dossier',
  erasedUnsent: (n: number) =>
    n === 1
      ? '1 wijziging op dit toestel hoorde bij een dossier dat op een ander toestel gewist werd. Ze is niet bewaard, zoals het dossier zelf.'
      : `${count(n)} wijzigingen op dit toestel hoorden bij een dossier dat op een ander toestel gewist werd. Ze zijn niet bewaard, zoals het dossier zelf.`,
  conflicts: {
    title: 'Tegenstrijdige wijzigingen',
    intro:
      'Voor hetzelfde gegeven kwamen twee verschillende waarden binnen, bewaard op toestellen die niet met elkaar verbonden waren; soms kan Baken niet nagaan of maar één ervan gewijzigd werd. Kies welke waarde klopt; tot dan blijven beide bewaard.',
    item: (what: string) => `Tegenstrijdige wijziging: ${what}`,
    /** On every screen while cases wait for a choice. */
    waiting: (n: number) =>
      n === 1
        ? 'In 1 dossier moet je kiezen tussen tegenstrijdige wijzigingen. Tot dan geldt er één van de waarden.'
        : `In ${n} dossiers moet je kiezen tussen tegenstrijdige wijzigingen. Tot dan geldt er telkens één van de waarden.`,
    caseLink: (reference: string) => `Dossier ${reference}: kiezen`,
    /** In Instellingen, where backups are made: a backup holds only the value that applies now. */
    backupNote:
      'Een back-up bewaart alleen de waarde die nu geldt, niet de andere. Kies dus eerst, en maak dan de back-up.',
    /** Where the differing values are: the case page's section (with the betrokkene's pseudonym), then the field. */
    field: (section: string, field: string) => `${section} — ${field}`,
    section: (title: string, name: string) => `${title} (${name})`,
    /** A short value; the button shows it whole. */
    choose: (value: string) => `Kies ${value}`,
    /** A long value (shown whole above its button), or two values that read the same: numbered. */
    chooseNumbered: (n: number, value: string) => `Kies waarde ${n}: ${value}`,
    valueNumbered: (n: number) => `Waarde ${n}:`,
    chosen: 'De gekozen waarde is bewaard.',
    /** The reason shown with a text of the facts that was not chosen (kept under Eerdere versies). */
    notChosen: 'Niet gekozen bij een tegenstrijdige wijziging',
    /** An item about a real name: like "Toon echte naam" on the case page, the values show only on request. */
    hiddenNames: 'De echte namen worden alleen getoond als je erom vraagt.',
    showNames: 'Toon echte namen',
    hideNames: 'Verberg echte namen',
    empty: '(leeg)',
    failed: 'Dat lukte niet. Probeer het opnieuw.',
    /** A record or field this version of Baken has no name for (from a newer version on another device). */
    otherRecord: 'Dossier',
    otherField: 'een ander gegeven',
    unknownParty: 'onbekende betrokkene',
    /** Fields no form shows by this name. */
    fields: {
      reference: 'Dossiernummer',
      closedAt: 'Afgesloten op',
      factsHistory: 'Eerdere versies van de feiten',
      answers: 'Antwoorden per criterium',
      sequence: 'Aantal keer verplaatst',
      icsUid: 'Agenda-item',
    },
  },
} as const;
