// Team (issue 21): creating a team, inviting, joining, the signed member list.
// Not in the core catalogue object: it loads with the team chunk.
import type { TeamRole } from '../../../schema/team';

export const teamRoleLabels: Record<TeamRole, string> = {
  medewerker: 'medewerker',
  coordinator: 'coördinator',
  auditor: 'auditor',
};

export const team = {
  title: 'Team',
  intro:
    'Werk samen met je CLB- of zorgteam: een dossier delen met een collega, een coördinator die de opvolging van het team ziet, een auditor die alleen cijfers ziet. Alles blijft versleuteld; de server krijgt geen sleutel.',
  loading: 'Team laden…',
  required: 'Vul dit in.',
  teamId: 'Team-id',
  teamIdHint: 'Kleine letters, cijfers en streepjes, zoals "clb-gent". Je krijgt het van wie de server beheert.',
  teamIdInvalid: 'Een team-id begint met een kleine letter en heeft 3 tot 41 kleine letters, cijfers of streepjes.',
  chooseJoin: 'Aansluiten met een uitnodigingscode',
  chooseCreate: 'Een nieuw team aanmaken',
  account: 'Account voor het team',
  password: 'Wachtwoord van het teamaccount',
  name: 'Jouw naam in het team',
  nameHint: "Zo zien je collega's je in de ledenlijst.",
  createTitle: 'Een team aanmaken',
  createIntro:
    "Je wordt de teamverantwoordelijke: jouw toestel ondertekent de ledenlijst en nodigt collega's uit. De beheerder van de server maakt eerst het team en je account met een rol in het team.",
  leadRole: 'Jouw rol in het team',
  create: 'Team aanmaken',
  creating: 'Team aanmaken…',
  joinTitle: 'Aansluiten bij een team',
  joinIntro:
    'Je kreeg een uitnodigingscode van de teamverantwoordelijke. Vul ze in met het team-id en je account. De code werkt één keer en vervalt na 24 uur.',
  code: 'Uitnodigingscode',
  codeHint: '24 tekens, zoals de teamverantwoordelijke ze doorgaf; streepjes, spaties en hoofdletters maken niet uit.',
  join: 'Aansluiten',
  joining: 'Aansluiten…',
  youAre: (teamId: string, role: string) => `Je bent in team ${teamId} als ${role}.`,
  /** How a listed member leaves: only the lead changes the signed list (a review: no way out was said). */
  leaveHow:
    'Wil je uit het team? Vraag de teamverantwoordelijke om je uit het team te halen. Daarna kun je het team op dit toestel vergeten.',
  leaveHowLead: 'Wil je zelf uit het team? Draag dan eerst de rol van teamverantwoordelijke over.',
  youAreLead: 'Jij bent de teamverantwoordelijke: jouw toestel ondertekent de ledenlijst.',
  waiting:
    'Je aanvraag wacht op de teamverantwoordelijke. Vergelijk samen je sleutelvingerafdruk met wat op het scherm van de teamverantwoordelijke staat.',
  /** A waiting request can be declined (it then waits forever) or no longer wanted: the way out. */
  waitingStop:
    'Weigerde de teamverantwoordelijke je aanvraag, of wil je niet meer aansluiten? Vergeet dan het team op dit toestel. Met een nieuwe code kun je daarna opnieuw aansluiten.',
  waitingRole: (teamId: string, role: string) => `Aanvraag voor team ${teamId} als ${role}.`,
  removedFromTeam: (teamId: string) =>
    `Je staat niet meer in de ledenlijst van team ${teamId}: de teamverantwoordelijke haalde je uit het team. Niemand geeft je nog nieuwe sleutels. Wat al op dit toestel staat, blijft hier.`,
  forget: 'Team op dit toestel vergeten',
  /** After forgetting: what happened, and the way back. */
  forgotten: (teamId: string) => `Team ${teamId} is vergeten op dit toestel.`,
  yourFingerprint: 'Jouw sleutelvingerafdruk',
  fingerprint: 'Sleutelvingerafdruk',
  refresh: 'Vernieuwen',
  membersTitle: 'Leden',
  membersIntro:
    'De ledenlijst is ondertekend door de teamverantwoordelijke. Baken controleert die handtekening voor het een sleutel aan iemand geeft.',
  membersVersion: (version: number, date: string) => `Versie ${version}, ondertekend op ${date}.`,
  membersLoading: 'Ledenlijst laden…',
  membersOffline: 'Offline: dit is de laatst gecontroleerde ledenlijst.',
  /** After "Vernieuwen": what the press did. */
  membersChecked: (time: string) => `Ledenlijst en aanvragen gecontroleerd om ${time}.`,
  membersNotChecked: 'Geen verbinding: de ledenlijst is niet opnieuw gecontroleerd.',
  memberLine: (name: string, role: string, account: string) => `${name}, ${role} (account ${account})`,
  leadMark: 'teamverantwoordelijke',
  youMark: 'jij',
  inviteTitle: 'Iemand uitnodigen',
  inviteIntro:
    'Kies de rol en maak een eenmalige uitnodigingscode. Geef de code persoonlijk of via een kanaal dat je vertrouwt. De beheerder van de server geeft die persoon een account met dezelfde rol.',
  inviteRole: 'Rol',
  inviteCreate: 'Maak een uitnodigingscode',
  inviteBusy: 'Code maken…',
  inviteCode: 'Uitnodigingscode',
  inviteFor: (role: string, time: string) => `Voor een ${role}. Eén keer geldig, tot ${time}.`,
  inviteAnother: 'Nog een code maken',
  inviteCopy: 'Kopieer de code',
  inviteCopied: 'De code is gekopieerd.',
  inviteCancel: 'Uitnodiging intrekken',
  inviteCancelled: 'De uitnodiging is ingetrokken.',
  inviteCancelBusy: 'Intrekken…',
  /** Withdrawing failed: the invite is still on the server, so its code still works. */
  inviteNotCancelled: (reason: string, time: string) =>
    `De uitnodiging is niet ingetrokken. ${reason} Tot ze ingetrokken is, werkt de code nog (uiterlijk tot ${time}).`,
  /** Why withdrawing failed when the team server could not be reached. */
  cancelNeedsServer: 'Intrekken kan alleen met verbinding met de teamserver. Probeer opnieuw zodra die er is.',
  /** The lead's earlier codes, still open: role and expiry only (the code itself is never shown again). */
  openTitle: 'Open uitnodigingen',
  openIntro:
    'Codes die je op dit toestel maakte en die nog niet gebruikt, ingetrokken of verlopen zijn. De code zelf toont Baken niet opnieuw: is ze zoek, trek ze dan in en maak een nieuwe.',
  openLine: (role: string, time: string) => `Voor een ${role}, geldig tot ${time}.`,
  openWithdrawShort: 'Intrekken',
  /** The accessible name of a listed invite's button: which invite. */
  openWithdraw: (role: string, time: string) => `Uitnodiging voor een ${role}, geldig tot ${time}, intrekken`,
  /** The code shown was used: its join request is under "Aanvragen". */
  inviteUsed: (name: string) => `De uitnodigingscode is gebruikt door ${name}.`,
  requestsTitle: 'Aanvragen',
  requestsIntro:
    'Wie een uitnodigingscode gebruikte, staat hier. Vergelijk de sleutelvingerafdruk met wat op het scherm van die persoon staat, en laat dan toe.',
  requestsEmpty: 'Geen aanvragen.',
  requestLine: (name: string, role: string, account: string) =>
    `${name} vraagt toegang als ${role} (account ${account})`,
  admit: (name: string) => `${name} toelaten`,
  decline: (name: string) => `Aanvraag van ${name} weigeren`,
  admitted: (name: string) => `${name} staat nu in de ledenlijst.`,
  declined: (name: string) => `De aanvraag van ${name} is geweigerd.`,
  notDeclined: (name: string, reason: string) => `De aanvraag van ${name} is niet geweigerd. ${reason}`,
  declineNeedsServer: 'Weigeren kan alleen met verbinding met de teamserver. Probeer opnieuw zodra die er is.',
  remove: (name: string) => `${name} uit het team halen`,
  removeTitle: (name: string) => `${name} uit het team halen?`,
  removeConfirm: 'Uit het team halen',
  removeCancel: 'Annuleren',
  removeExplain:
    'Deze persoon verdwijnt uit de ondertekende ledenlijst: geen enkel toestel geeft nog een nieuwe sleutel aan hem of haar, en de dossiers die met die persoon gedeeld waren, krijgen een nieuwe sleutel. Niet-gedeelde lopende dossiers van die persoon verdwijnen uit het teamoverzicht. Wat het toestel van die persoon al ontving, blijft daar leesbaar: die gedeelde dossiers zoals ze tot nu toe waren, de coördinatiegegevens die het al had (dossiernummers, opvolgdata, status, vlag), de ledenlijst en, voor een coördinator of auditor, de teamcijfers tot nu toe. De toegang tot de server eindigt pas als de beheerder van de server de rol in het team weghaalt: vraag dat meteen.',
  removed: (name: string) =>
    `${name} staat niet meer in de ledenlijst. Vraag de beheerder van de server om de rol in het team weg te halen.`,
  removedHooksFailed: (count: number) =>
    `${count === 1 ? 'Eén stap' : `${count} stappen`} om sleutels te vernieuwen lukte niet. Probeer later opnieuw.`,
  /** The server does not give the account the team role (role: its Dutch label; serverRole: the CouchDB role). */
  roleMissing: (role: string, serverRole: string) =>
    `De server geeft dit account niet de rol ${role} in dit team. Daarom is er nog niets opgeslagen. Vraag wie de sync-server beheert om het account de rol ${serverRole} te geven en probeer het daarna opnieuw.`,
  errors: {
    'team.exists': 'Dit team heeft al een ledenlijst. Vraag de teamverantwoordelijke om een uitnodiging.',
    'team.none': 'Dit toestel is in geen team.',
    'team.unknown':
      'Er is geen team met dit team-id op de server. Controleer het team-id (zoals de teamverantwoordelijke het gaf); de code kan wel kloppen.',
    'team.notLead': 'Alleen de teamverantwoordelijke kan dat.',
    'team.notMember': 'Deze persoon staat niet in de ledenlijst.',
    'team.self': 'Je kunt jezelf niet uit het team halen.',
    'team.invite.invalidCode': 'Deze code klopt niet: een uitnodigingscode heeft 24 tekens.',
    'team.invite.unknown':
      'Deze code is onbekend, ingetrokken of al gebruikt. Vraag de teamverantwoordelijke om een nieuwe code.',
    'team.invite.used': 'Deze code is al gebruikt. Vraag de teamverantwoordelijke om een nieuwe code.',
    'team.invite.expired': 'Deze uitnodiging is verlopen. Vraag de teamverantwoordelijke om een nieuwe code.',
    'team.invite.wrongTeam': 'Deze code hoort niet bij dit team. Controleer het team-id.',
    'team.join.invalid': 'Deze aanvraag is niet geldig en werd niet toegelaten.',
    'team.list.missing': 'Er is nog geen ledenlijst voor dit team op de server.',
    'team.list.invalid': 'De ledenlijst op de server is onleesbaar. Baken gebruikt de laatst gecontroleerde lijst.',
    'team.list.wrongTeam':
      'De ledenlijst op de server hoort bij een ander team. Baken gebruikt de laatst gecontroleerde lijst.',
    'team.list.signature':
      'De ledenlijst op de server is niet ondertekend door jullie teamverantwoordelijke: ze werd gewijzigd of vervalst. Baken weigert ze en gebruikt de laatst gecontroleerde lijst. Verwittig de teamverantwoordelijke.',
    'team.list.rollback':
      'De server toont een oudere ledenlijst dan Baken al kent. Baken weigert ze en gebruikt de laatst gecontroleerde lijst. Verwittig de teamverantwoordelijke.',
    'team.handover.role': 'Alleen een coördinator of medewerker kan teamverantwoordelijke worden.',
    'team.role.missing':
      'De server geeft dit account niet de rol die je in dit team krijgt. Vraag wie de sync-server beheert om die rol toe te voegen en probeer het daarna opnieuw.',
    'sync.unauthorized': 'Aanmelding geweigerd: controleer het account en het wachtwoord.',
    'sync.lockedOut':
      'De teamserver heeft dit account even geblokkeerd na te veel mislukte aanmeldpogingen. Wacht enkele minuten en probeer dan opnieuw.',
    'sync.forbidden':
      'Dit account heeft geen rol in dit team op de server. Controleer het team-id of vraag de beheerder van de server.',
    'sync.notFound': 'Dit team bestaat niet op de server. Controleer het team-id.',
    'sync.offline': 'Je bent offline. Probeer opnieuw zodra er netwerk is.',
    'sync.unreachable': 'De server is niet bereikbaar. Probeer het later opnieuw.',
    'sync.conflict': 'Een ander toestel wijzigde tegelijk. Probeer het opnieuw.',
    'sync.failed': 'De server gaf een onverwachte fout. Probeer het later opnieuw.',
    generic: 'Dat lukte niet. Probeer het opnieuw.',
  },
} as const;
