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
} as const;
