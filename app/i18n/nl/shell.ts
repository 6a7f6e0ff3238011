export const shell = {
  appName: 'Baken',
  tagline: 'Logboek voor CLB en zorgteams',
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
  network: {
    online: 'Online',
    offline: 'Offline — Baken werkt gewoon verder',
  },
  sw: {
    offlineReady: 'Klaar voor offline gebruik',
    updateWaiting: 'Nieuwe versie beschikbaar',
    reload: 'Herladen',
    reloadHint: 'Bewaar eerst wat je aan het typen bent.',
    dismiss: 'Sluiten',
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
    export: 'Hier maak je een need-to-know samenvatting of een geanonimiseerd overzicht.',
    instellingen: 'Hier stel je Baken in.',
  },
} as const;
