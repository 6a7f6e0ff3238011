export const shell = {
  appName: 'Baken',
  skipToContent: 'Naar de inhoud',
  mainNav: 'Hoofdmenu',
  nav: {
    logboek: 'Logboek',
    opvolging: 'Opvolging',
    stappenplan: 'Stappenplan',
    verwijzingen: 'Verwijzingen',
    export: 'Export',
    instellingen: 'Instellingen',
  },
  extra: {
    vlaggensysteem: 'Vlaggensysteem',
    begrippen: 'Begrippen',
    wetgeving: 'Wat zegt de wet',
    gesprek: 'In gesprek',
    praktijkvragen: 'Vragen uit de praktijk',
    auditlog: 'Auditlog controleren',
  },
  network: {
    online: 'Online',
    offline: 'Offline — Baken werkt gewoon verder',
  },
  /** Under a one-line text field that is full: the field takes no more, so a longer paste was cut. */
  fieldFull: (max: number) => `Dit veld is vol (maximaal ${max} tekens): wat je nog typt of plakt, komt er niet bij.`,
  /** Under a field whose maxLength cut off part of a paste: how much is not in the field. */
  pasteCut: (n: number) =>
    n === 1
      ? 'Van wat je plakte, kon 1 teken er niet meer bij: het staat niet in het veld.'
      : `Van wat je plakte, konden ${new Intl.NumberFormat('nl-BE').format(n)} tekens er niet meer bij: ze staan niet in het veld.`,
  sw: {
    offlineReady: 'Klaar voor offline gebruik',
    updateWaiting: 'Nieuwe versie beschikbaar',
    reload: 'Herladen',
    reloadHint: 'Bewaar eerst wat je aan het typen bent: herladen vergrendelt Baken.',
    // Heard alone it still says what it closes ("Sluiten" of what?).
    dismiss: 'Melding sluiten',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    body: 'Deze pagina bestaat niet in Baken.',
    back: 'Naar het logboek',
  },
  placeholder: {
    logboek: 'Hier komen de dossiers: wat er gebeurde, wie betrokken is en wat er is afgesproken.',
    opvolging: 'Hier zie je welke dossiers opvolging nodig hebben, en wanneer.',
    stappenplan: 'Hier staan de stappenplannen, ook zonder netwerk.',
    verwijzingen: 'Hier staan de organisaties waarnaar je kunt verwijzen.',
    export: 'Hier maak je een samenvatting met alleen wat nodig is, of een geanonimiseerd overzicht.',
    instellingen: 'Hier stel je Baken in.',
    vlaggensysteem: 'Hier staat de uitleg bij het Vlaggensysteem.',
    begrippen: 'Hier staan de begrippen en de fasen van grooming.',
    wetgeving:
      'Hier staat wat de Belgische wet over sexting zegt volgens een bron uit 2018, en wat sindsdien veranderde.',
    gesprek: 'Hier staat wat je kunt doen in het gesprek.',
    praktijkvragen: 'Hier staan vragen van scholen en CLB’s.',
    auditlog: 'Hier controleer je een auditlog van Baken.',
  },
} as const;
