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
  notMember:
    'Je staat niet (of nog niet) op de ondertekende ledenlijst van het team, dus je kunt geen dossiers delen of ontvangen.',
  toTeamSettings: 'Naar Team in Instellingen',
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
  // Erasing a shared case: for everyone (the owner) or only my copy (anyone else).
  eraseTitle: 'Gedeeld dossier wissen',
  eraseOwnerButton: 'Dossier wissen voor iedereen',
  eraseHolderButton: 'Mijn kopie wissen en toegang opgeven',
  eraseOwnerIntro:
    'Jij deelde dit dossier. Wissen voor iedereen doe je als de bewaartermijn voorbij is of als het dossier per vergissing gemaakt werd. "Dossier wissen" bij Opvolging wist alleen jouw kopie en beëindigt jouw toegang.',
  eraseHolderIntro: (owner: string) =>
    `${owner} deelde dit dossier met jou. Alleen ${owner} kan het voor iedereen wissen. Jij kunt je eigen kopie wissen en je toegang opgeven.`,
  eraseOwnerConfirmTitle: 'Dossier wissen voor iedereen?',
  eraseOwnerExplain:
    'Het dossier wordt definitief gewist op dit toestel en op het toestel van elke collega met toegang, zodra dat toestel verbinding heeft met de teamserver. Op de teamserver worden de versleutelde onderdelen en sleutels verwijderd; er blijft een ondertekende wismelding zonder inhoud. Een collega wiens toegang eerder werd ingetrokken en die de server niet meer bereikt, houdt wat die al ontving. Dit kan niet ongedaan worden.',
  eraseHolderConfirmTitle: 'Jouw kopie wissen en toegang opgeven?',
  eraseHolderExplain: (owner: string) =>
    `Alleen jouw kopie wordt van dit toestel gewist en je toegang stopt. ${owner} en de andere collega's met toegang houden het dossier. Dit kan niet ongedaan worden.`,
  eraseConfirm: 'Definitief wissen',
  erasedAll: "Het dossier is gewist, ook bij je collega's zodra hun toestel verbinding heeft.",
  erasedMine: 'Jouw kopie is gewist en je toegang is opgegeven.',
  eraseFailed:
    'Wissen lukte niet. Controleer de verbinding met de teamserver en probeer opnieuw. Op dit toestel is niets gewist.',
} as const;
