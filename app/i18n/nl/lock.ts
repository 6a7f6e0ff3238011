export const lock = {
  setupTitle: 'Baken instellen',
  setupIntro:
    'Kies een wachtwoordzin. Baken versleutelt alles wat je noteert met deze wachtwoordzin, op dit toestel. Niemand anders kan erbij — ook wij niet.',
  passphrase: 'Wachtwoordzin',
  passphraseHint:
    'Minstens 12 tekens. Een zin van vier of meer losse woorden is sterk en makkelijk te onthouden. Plakken mag.',
  noPasswordManager:
    'Bewaar deze wachtwoordzin niet in de wachtwoordbeheerder van de browser: die vult hem in voor iedereen die dit toestel kan gebruiken. Schrijf hem liever op en bewaar dat papier apart van het toestel.',
  confirm: 'Herhaal de wachtwoordzin',
  makeRecoveryCode: 'Maak ook een herstelcode (aangeraden)',
  recoveryCodeExplain:
    'Met de herstelcode kun je Baken op dit toestel openen en een nieuwe wachtwoordzin kiezen als je die vergeet. Een back-upbestand opent ze niet: dat opent alleen met de wachtwoordzin waarmee je het maakte.',
  lossWarning:
    'Let op: vergeet je de wachtwoordzin en heb je geen herstelcode, dan zijn je gegevens verloren. Niemand kan ze terughalen.',
  // Issue 19 follow-up (a Dutch care team's review): the Rechtsgebied was only under Instellingen.
  setupRegion: 'Waar werk je?',
  setupRegionHint:
    'Dit bepaalt de regels voor nieuwe dossiers (wie toestemming geeft en wie beslist) en waarmee Stappenplan, Verwijzingen en In gesprek openen. Je kunt het later wijzigen bij Instellingen, Algemeen.',
  setupRegions: { vlaanderen: 'In Vlaanderen', nederland: 'In Nederland' },
  create: 'Logboek aanmaken',
  creating: 'Bezig met versleutelen…',
  tooShort: (count: number) => `Nog ${count} ${count === 1 ? 'teken' : 'tekens'} nodig (minstens 12).`,
  tooShortError: 'Te kort: een wachtwoordzin heeft minstens 12 tekens.',
  mismatch: 'De twee wachtwoordzinnen zijn niet gelijk.',
  policy: {
    checking: 'Even geduld: de sterkte van de wachtwoordzin wordt gecontroleerd.',
    strongEnough: 'Sterk genoeg.',
    tooGuessable:
      'Deze wachtwoordzin is te makkelijk te raden. Kies een langere zin met woorden die niet bij elkaar horen.',
    warnings: {
      straightRow: 'Toetsen die naast elkaar liggen, zijn makkelijk te raden.',
      keyPattern: 'Toetsenbordpatronen zijn makkelijk te raden.',
      simpleRepeat: 'Herhalingen zoals "aaa" zijn makkelijk te raden.',
      extendedRepeat: 'Herhalingen zoals "abcabc" zijn makkelijk te raden.',
      sequences: 'Reeksen zoals "abc" of "6543" zijn makkelijk te raden.',
      recentYears: 'Recente jaartallen zijn makkelijk te raden.',
      dates: 'Datums zijn makkelijk te raden.',
      topTen: 'Dit is een van de meest gebruikte wachtwoorden.',
      topHundred: 'Dit is een veelgebruikt wachtwoord.',
      common: 'Dit is een veelgebruikt wachtwoord.',
      similarToCommon: 'Dit lijkt op een veelgebruikt wachtwoord.',
      wordByItself: 'Eén woord alleen is makkelijk te raden.',
      namesByThemselves: 'Namen alleen zijn makkelijk te raden.',
      commonNames: 'Veelvoorkomende namen zijn makkelijk te raden.',
      userInputs: 'Woorden die voor de hand liggen, zoals Baken, CLB, welkom of wachtwoord, zijn makkelijk te raden.',
      commonPhrases: 'Een bekende uitdrukking of zin is makkelijk te raden, ook met spaties of tekens ertussen.',
      placeNames: 'Plaatsnamen zijn makkelijk te raden.',
    } as Record<string, string>,
    suggestion: (example: string) => `Tip: neem vier willekeurige woorden, bijvoorbeeld „${example}”.`,
  },
  recoveryTitle: 'Je herstelcode',
  recoveryIntro:
    'Schrijf deze code op of druk hem af, en bewaar hem op een veilige plek, apart van dit toestel. Je ziet hem maar één keer.',
  recoveryLabel: 'Herstelcode',
  print: 'Afdrukken',
  recoveryStored: 'Ik heb de herstelcode veilig bewaard',
  recoveryNotTicked: 'Vink eerst aan dat je de herstelcode veilig bewaard hebt: je ziet hem daarna niet meer terug.',
  continue: 'Verder naar het logboek',
  unlockTitle: 'Baken ontgrendelen',
  unlockIntro: 'Je logboek is vergrendeld. Vul je wachtwoordzin in.',
  unlock: 'Ontgrendelen',
  unlocking: 'Bezig met ontgrendelen…',
  wrongPassphrase: 'Deze wachtwoordzin klopt niet. Probeer het opnieuw.',
  passphraseRequired: 'Vul je wachtwoordzin in.',
  throttled: (seconds: number) =>
    `Te veel foute pogingen. Je kunt het opnieuw proberen over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}.`,
  /** When a wait after wrong attempts is over (the alert that said the wait now says this). */
  waitOver: 'De wachttijd is voorbij. Vul je wachtwoordzin opnieuw in.',
  forgot: 'Wachtwoordzin vergeten? Gebruik je herstelcode',
  recoverTitle: 'Ontgrendelen met herstelcode',
  recoverIntro: 'Vul je herstelcode in en kies een nieuwe wachtwoordzin.',
  recoverCodeLabel: 'Herstelcode',
  recoverCodeHint: 'Hoofdletters, spaties en streepjes maken niet uit.',
  newPassphrase: 'Nieuwe wachtwoordzin',
  recover: 'Ontgrendelen en wachtwoordzin wijzigen',
  wrongRecoveryCode: 'Deze herstelcode klopt niet, of er is geen herstelcode ingesteld.',
  recoverCodeRequired: 'Vul je herstelcode in.',
  /** "Wachtwoordzin vergeten?" on a logbook without a recovery code (never made, revoked, or a paired device). */
  noRecoveryCode:
    'Op dit toestel is geen herstelcode ingesteld, dus een code zal niet werken. Zonder de wachtwoordzin kan Baken dit logboek hier niet openen. Synchroniseert het met een ander toestel, of heb je een back-up? Dan staan je gegevens daar nog.',
  backToUnlock: 'Terug naar ontgrendelen',
  genericError: 'Er ging iets mis. Er is niets gewijzigd. Probeer het opnieuw.',
  storageFull: 'Het toestel is vol. Er is niets bewaard. Maak ruimte vrij en probeer opnieuw.',
  withoutUnlocking: 'Zonder ontgrendelen',
  withoutUnlockingIntro: 'Deze informatie bevat geen persoonsgegevens en werkt ook zonder netwerk.',
  lockNow: 'Vergrendelen',
  idleTitle: 'Baken vergrendelt zo',
  idleBody: (seconds: number) => `Je was een tijd niet actief. Over ${seconds} seconden vergrendelt Baken.`,
  idleWhileTyping: 'Baken vergrendelt zo. Typ gewoon verder om aangemeld te blijven.',
  /** Added when a case page's open form holds input: such forms keep no draft, a lock empties them. */
  idleUnsaved: 'Wat je in een geopend formulier typte en nog niet bewaarde, gaat dan verloren.',
  stay: 'Blijf aangemeld',
  loading: 'Baken laden…',
  /** Setup screen: join an existing logbook from another device (issue 20). */
  pairEntry: 'Koppel dit toestel aan je logboek',
  pairEntryIntro:
    'Gebruik je Baken al op een ander toestel met synchronisatie? Koppel dit toestel dan aan hetzelfde logboek.',
  /** Setup screen: a new phone with a backup file (restore needs a logbook to restore into). */
  restoreHint:
    'Heb je een back-upbestand van Baken (.baken)? Maak hierboven een logboek aan en lees het bestand daarna in bij Instellingen, onder Back-up inlezen. Het opent met de wachtwoordzin waarmee je de back-up maakte.',
} as const;
