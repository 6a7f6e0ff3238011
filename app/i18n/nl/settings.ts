// Instellingen: back-up, terugzetten en samenvoegen, beveiliging, opslag en
// de andere toestelinstellingen; plus de herinnering aan een back-up.

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const settings = {
  title: 'Instellingen',
  saved: 'Bewaard.',
  saveFailed: 'Deze instelling kon niet bewaard worden. Er is niets gewijzigd.',

  backup: {
    title: 'Back-up',
    intro:
      'Zonder synchronisatie staat je logboek alleen op dit toestel. Maak geregeld een back-up: een versleuteld .baken-bestand dat je op een veilige plek bewaart, apart van dit toestel.',
    lastBackup: (when: string) => `Laatste back-up: ${when}.`,
    never: 'Je hebt op dit toestel nog geen back-up gemaakt.',
    reminderLabel: 'Herinner me aan een back-up na',
    reminderDays: (n: number) => plural(n, 'dag', 'dagen'),
  },

  export: {
    title: 'Back-up maken',
    scopeLegend: 'Wat neem je mee?',
    scopeAll: 'Het hele logboek',
    scopeAllHint: 'Voor je eigen back-up of een nieuw toestel. Ook het logboek van acties gaat mee.',
    scopeCases: 'Enkele dossiers (overdracht)',
    scopeCasesHint: 'Voor een collega of coördinator die dossiers overneemt.',
    casesLegend: 'Welke dossiers?',
    noCases: 'Er staan nog geen dossiers in het logboek.',
    caseLabel: (reference: string) => `Dossier ${reference}`,
    caseHint: (knownOn: string, status: string) => `Bekend op ${knownOn} · ${status}`,
    caseStatus: { open: 'open', 'in-rust': 'in rust', afgesloten: 'afgesloten' },
    protectionLegend: 'Beveiligen met',
    protectionCurrent: 'Mijn wachtwoordzin',
    protectionCurrentHint: 'Voor je eigen back-up. Vul je huidige wachtwoordzin opnieuw in.',
    protectionTransfer: 'Een eenmalige wachtwoordzin voor overdracht',
    protectionTransferHint:
      'Voor een collega. Geef de wachtwoordzin apart door, nooit in hetzelfde bericht als het bestand.',
    currentPassphrase: 'Je huidige wachtwoordzin',
    transferPassphrase: 'Wachtwoordzin voor dit bestand',
    transferConfirm: 'Herhaal de wachtwoordzin voor dit bestand',
    submit: 'Back-up maken',
    busy: 'Bezig met de back-up…',
    done: (fileName: string, cases: number) =>
      `Back-up gemaakt: ${fileName} (${plural(cases, 'dossier', 'dossiers')}). Bewaar het bestand op een veilige plek.`,
    damaged: (n: number) =>
      `Let op: ${plural(n, 'beschadigd gegeven kon', 'beschadigde gegevens konden')} niet gelezen worden en ${n === 1 ? 'zit' : 'zitten'} niet in de back-up.`,
    downloadAgain: (fileName: string) => `${fileName} opnieuw downloaden`,
    nothingSelected: 'Kies minstens één dossier.',
    passphraseRequired: 'Vul je huidige wachtwoordzin in.',
    wrongPassphrase: 'Dit is niet je huidige wachtwoordzin.',
    refused: 'Geen back-up gemaakt: kijk de gemarkeerde velden na.',
  },

  import: {
    title: 'Back-up inlezen',
    refused: 'Niet ingelezen: kijk de gemarkeerde velden na.',
    intro:
      'Op een nieuw toestel maak je eerst een logboek aan met een nieuwe wachtwoordzin; daarna zet je hier de back-up terug. Alles wordt opnieuw versleuteld met de sleutel van dit toestel.',
    fileLabel: 'Back-upbestand (.baken)',
    fileHint: 'Alleen bestanden die Baken zelf maakte. Er wordt niets gelezen voor je op "Back-up inlezen" tikt.',
    fileRequired: 'Kies een .baken-bestand.',
    fileWrongType: 'Dit is geen .baken-bestand. Kies een back-up die Baken maakte.',
    modeLegend: 'Hoe lees je de back-up in?',
    modeMerge: 'Samenvoegen met dit logboek',
    modeMergeHint:
      'Nieuwe dossiers komen erbij. Bij een dossier dat hier al staat, wint per onderdeel de nieuwste versie; alle notities komen samen en een vervangen beschrijving van de feiten blijft bij Eerdere versies.',
    modeRestore: 'Terugzetten in een leeg logboek',
    modeRestoreHint: 'Voor een nieuw toestel: alles uit de back-up komt terug, ook het logboek van acties.',
    passphrase: 'Wachtwoordzin van de back-up',
    passphraseHint: 'Je eigen wachtwoordzin van toen je de back-up maakte, of de wachtwoordzin voor overdracht.',
    passphraseRequired: 'Vul de wachtwoordzin van de back-up in.',
    submit: 'Back-up inlezen',
    busy: 'Bezig met inlezen…',
    auditChainIntact: 'De auditketen in het bestand is onbeschadigd nagekeken en op dit toestel verder gezet.',
    auditChainBroken: (seq: number) =>
      `Let op: de auditketen in het bestand is niet intact (vanaf schakel ${seq}). De handelingen zijn toch teruggezet en op dit toestel opnieuw aan elkaar gekoppeld; ankercodes van het oude toestel kunnen ze niet bevestigen.`,
    restored: (cases: number, records: number) =>
      `Teruggezet: ${plural(cases, 'dossier', 'dossiers')} en ${plural(records, 'ander gegeven', 'andere gegevens')}.`,
    /** "2 dossiers teruggezet (met 5 betrokkenen, 7 notities, 1 opvolging)." — parts already in words. */
    restoredInWords: (cases: number, parts: string) =>
      `${plural(cases, 'dossier', 'dossiers')} teruggezet${parts === '' ? '' : ` (met ${parts})`}.`,
    /** Singular and plural per kind of restored record; a kind not named here counts as "ander gegeven". */
    restoredKinds: {
      party: ['betrokkene', 'betrokkenen'],
      assessment: ['inschatting (Vlaggensysteem)', 'inschattingen (Vlaggensysteem)'],
      consent: ['toestemming', 'toestemmingen'],
      note: ['notitie', 'notities'],
      followup: ['opvolging', 'opvolgingen'],
      referral: ['doorverwijzing', 'doorverwijzingen'],
      step: ['afgevinkte stap', 'afgevinkte stappen'],
      takedown: ['stap om materiaal offline te halen', 'stappen om materiaal offline te halen'],
      other: ['ander gegeven', 'andere gegevens'],
    } as Readonly<Record<string, readonly [string, string]>>,
    restoredCount: (n: number, one: string, many: string) => plural(n, one, many),
    merged: (added: number, updated: number) =>
      `Samengevoegd: ${plural(added, 'dossier', 'dossiers')} toegevoegd, bij ${updated} de dossiergegevens bijgewerkt.`,
    /** Records inside cases (notes, betrokkenen, …): a case's own record is counted by `merged`. */
    mergedRecords: (added: number, updated: number, same: number) =>
      `In de dossiers ${plural(added, 'gegeven', 'gegevens')} toegevoegd en ${updated} bijgewerkt; ${same} ${same === 1 ? 'was' : 'waren'} al gelijk.`,
    kept: (n: number) =>
      `${plural(n, 'gegeven', 'gegevens')} bleef zoals het hier stond, omdat de versie op dit toestel nieuwer of anders was.`,
    renumbered: (from: string, to: string) =>
      `Dossier ${from} uit het bestand heet hier ${to}: dat nummer was al in gebruik.`,
    mergeNotes: (n: number) =>
      `Bij ${plural(n, 'dossier', 'dossiers')} staat nu een notitie die zegt wat het samenvoegen veranderde.`,
  },

  progress: {
    label: 'Voortgang',
    checkingPassphrase: 'Wachtwoordzin controleren…',
    reading: 'Gegevens lezen…',
    deriving: 'Sleutel maken uit de wachtwoordzin…',
    encrypting: 'Versleutelen…',
    decrypting: 'Wachtwoordzin controleren en ontsleutelen…',
    validating: (done: number, total: number) => `Alles controleren: ${done} van ${total}…`,
    validatingStart: 'Alles controleren…',
    merging: 'Vergelijken met dit logboek…',
    writing: 'Bewaren…',
    done: 'Klaar.',
  },

  /** Backup codes are in the one error table (nl.dataErrors); the settings word a full device their own way. */
  errors: {
    'storage.full': 'Het toestel is vol. Er is niets bewaard. Maak ruimte vrij en probeer opnieuw.',
    generic: 'Er ging iets mis. Er is niets gewijzigd. Probeer het opnieuw.',
  },

  security: {
    title: 'Beveiliging',
    passphraseTitle: 'Wachtwoordzin wijzigen',
    passphraseIntro:
      'Je gegevens blijven zoals ze zijn; alleen de sleutel wordt opnieuw ingepakt. Je herstelcode blijft geldig. Back-ups die je vroeger maakte, open je met de wachtwoordzin van toen.',
    current: 'Huidige wachtwoordzin',
    next: 'Nieuwe wachtwoordzin',
    confirm: 'Herhaal de nieuwe wachtwoordzin',
    submit: 'Wachtwoordzin wijzigen',
    busy: 'Bezig…',
    changed:
      'Je wachtwoordzin is gewijzigd. Gebruik voortaan de nieuwe. Je vorige back-ups openen alleen met de oude: maak een nieuwe back-up.',
    currentRequired: 'Vul je huidige wachtwoordzin in.',
    wrongCurrent: 'De huidige wachtwoordzin klopt niet. Er is niets gewijzigd.',
    sameAsCurrent: 'De nieuwe wachtwoordzin is dezelfde als de huidige.',
    lockTitle: 'Automatisch vergrendelen',
    autoLock: 'Vergrendelen na zoveel tijd zonder activiteit',
    autoLockHint: 'Je krijgt eerst een waarschuwing met "Blijf aangemeld".',
    minutes: (n: number) => plural(n, 'minuut', 'minuten'),
    hiddenGrace: 'Vergrendelen als Baken op de achtergrond staat, na',
    hiddenGraceHint: 'Bijvoorbeeld als je naar een andere app gaat of het scherm uitzet.',
    seconds: (n: number) => (n === 0 ? 'meteen' : n % 60 === 0 ? plural(n / 60, 'minuut', 'minuten') : `${n} seconden`),
  },

  storage: {
    title: 'Opslag op dit toestel',
    usage: (used: string, quota: string) => `${used} van ${quota} gebruikt.`,
    usageOnly: (used: string) => `${used} gebruikt.`,
    unknown: 'Dit toestel vertelt niet hoeveel opslag Baken gebruikt.',
    persisted: 'Blijvende opslag: ja. De browser wist Baken niet zomaar als het toestel vol raakt.',
    notPersisted:
      'Blijvende opslag: nee. De browser kan de gegevens wissen als het toestel vol raakt. Zet Baken op je beginscherm en maak geregeld een back-up.',
    megabytes: (mb: string) => `${mb} MB`,
  },

  general: {
    title: 'Algemeen',
    jurisdiction: 'Rechtsgebied',
    jurisdictionHint:
      'Het rechtsgebied van een nieuw dossier (wie toestemming geeft, wie beslist en het stappenplan), en waarmee Stappenplan, Verwijzingen en In gesprek openen. Een bestaand dossier houdt zijn eigen rechtsgebied: dat wijzig je in het dossier bij "Feiten aanpassen".',
    jurisdictionSaved: (region: string) =>
      `Bewaard. Nieuwe dossiers volgen nu de regels van ${region}. Bestaande dossiers houden hun eigen rechtsgebied.`,
    vlaanderen: 'Vlaanderen',
    nederland: 'Nederland',
    appBadge:
      'Op het app-icoon: aantal te late opvolgingen, dossiers zonder opvolgdatum en dossiers met stappen met herinnering',
    appBadgeHint: 'Alleen een getal, nooit namen of inhoud.',
    retention: 'Standaard bewaartermijn na het afsluiten van een dossier (voorstel van Baken, geen bron)',
    months: (n: number) => (n % 12 === 0 ? plural(n / 12, 'jaar', 'jaar') : plural(n, 'maand', 'maanden')),
  },

  recovery: {
    title: 'Herstelcode',
    has: 'Dit logboek heeft een herstelcode. Daarmee open je Baken als je je wachtwoordzin vergeet.',
    none: 'Dit logboek heeft geen herstelcode.',
    unconfirmed:
      'Je hebt nog niet bevestigd dat je de herstelcode veilig bewaard hebt. Heb je hem niet meer? Maak dan een nieuwe.',
    storedAnyway: 'Ik heb de herstelcode toch veilig bewaard',
    intro: 'Een nieuwe herstelcode vervangt de vorige: die werkt daarna niet meer.',
    passphrase: 'Je wachtwoordzin',
    passphraseRequired: 'Vul je wachtwoordzin in.',
    make: 'Nieuwe herstelcode maken',
    oldStopped: 'Je vorige herstelcode werkt vanaf nu niet meer.',
    done: 'Klaar',
    made: 'Je nieuwe herstelcode is klaar.',
    revoke: 'Herstelcode intrekken',
    revokeTitle: 'Herstelcode intrekken?',
    revokeBody: 'Daarna opent alleen je wachtwoordzin Baken nog.',
    revoked: 'De herstelcode is ingetrokken.',
    noticeLabel: 'Herstelcode niet bevestigd',
    notice:
      'Je hebt je herstelcode nog niet bevestigd. Bewaar hem veilig, of maak een nieuwe als je hem niet meer hebt.',
    noticeAction: 'Naar Herstelcode in Instellingen',
  },

  reminder: {
    label: 'Herinnering back-up',
    days: (n: number) => `Je hebt al ${n} dagen geen back-up gemaakt.`,
    never: 'Je hebt nog geen back-up gemaakt van je logboek.',
    action: 'Back-up maken',
    later: 'Niet nu',
    /** The "Niet nu" button's name: several notices can show at once, each with its own. */
    laterFor: (notice: string) => `Niet nu — ${notice}`,
  },
} as const;
