// Sharing a case inside the team (issue 21): the case page's "Toegang"
// section. Kept apart from "Toestemming" (consent-based sharing to outside
// recipients): team sharing follows the team's professional secrecy. Imported
// directly by the lazy team chunk (like sync's texts), so it loads only in a team.
export const teamShare = {
  title: 'Toegang',
  intro:
    'Deel dit dossier met een collega van je team die mee opvolgt. Dat valt onder het gedeelde beroepsgeheim van het team: het is geen delen met toestemming naar buiten (dat noteer je bij Toestemming). Alleen wie je kiest, kan het dossier openen; de server ziet geen inhoud.',
  loading: 'Toegang laden…',
  unavailable:
    'De ledenlijst van het team kon niet gecontroleerd worden op dit toestel. Delen kan pas als de ondertekende ledenlijst klopt.',
  auditor: 'Als auditor ontvang en deel je geen dossiers: je ziet alleen de teamcijfers.',
  othersShared: 'Wie een collega toegang gaf, kan die toegang ook weer intrekken.',
  offline: 'De teamserver is niet bereikbaar. Wie toegang heeft, verschijnt zodra er verbinding is.',
  whoTitle: 'Wie heeft toegang',
  roles: { medewerker: 'medewerker', coordinator: 'coördinator', auditor: 'auditor' },
  entry: (name: string, role: string) => `${name} (${role})`,
  you: 'jij',
  notInList: 'iemand die niet meer in de ledenlijst staat',
  onlyYou: 'Alleen jij hebt toegang tot dit dossier.',
  shareLabel: 'Collega',
  sharePick: 'Kies een collega',
  shareButton: 'Delen met collega',
  shareNone: 'Er is geen andere medewerker of coördinator in het team om mee te delen.',
  shared: (name: string) => `Gedeeld met ${name}.`,
  shareFailed: 'Delen lukte niet. Controleer de verbinding met de teamserver en probeer opnieuw.',
  withdrawButton: (name: string) => `Toegang intrekken voor ${name}`,
  withdrawConfirmTitle: (name: string) => `Toegang van ${name} intrekken?`,
  withdrawExplain: (name: string) =>
    `Het dossier krijgt een nieuwe sleutel. Wat jij of andere collega's vanaf nu schrijven, kan ${name} niet meer lezen. Wat ${name} al ontving (het dossier zoals het tot nu toe gedeeld was) blijft op diens toestel: dat kan Baken niet terugnemen.`,
  withdrawConfirm: 'Toegang intrekken',
  cancel: 'Annuleren',
  withdrawn: (name: string) =>
    `Toegang ingetrokken voor ${name}. Nieuwe wijzigingen gebruiken een nieuwe sleutel. Wat ${name} al ontving, blijft op diens toestel. Verlaat ${name} het team, vraag dan ook de beheerder de servertoegang te beëindigen.`,
  withdrawFailed: 'Intrekken lukte niet. Controleer de verbinding met de teamserver en probeer opnieuw.',
  withdrawnFromMe:
    'Een collega heeft jouw toegang tot dit dossier ingetrokken. Wat al op dit toestel stond, blijft hier leesbaar. Nieuwe wijzigingen van het team komen niet meer binnen, en wat je hier nog schrijft, gaat niet meer naar het team.',
} as const;
