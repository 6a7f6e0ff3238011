// Interface strings for team coordination (issue 21): the coordinator's team
// view in Opvolging, pick-up requests for the worker, and the auditor's
// "Teamcijfers". Case numbers only: never a name, pseudonym or fact.
// `name` below is a case's number as nl.logbook.caseName gives it: with who
// shared it when a colleague shared it with me (numbers are per worker).
import { plural } from './plural';

export const teamCoord = {
  refresh: 'Teamoverzicht bijwerken',
  refreshing: 'Bijwerken…',
  /** For a medewerker, who has no team overview of their own. */
  refreshWorker:
    'Het teamoverzicht is voor de coördinator. Bijwerken stuurt de opvolgdata van je eigen dossiers (nummers, datums, status en vlag) naar dat overzicht en haalt vragen om op te nemen op.',
  updatedAt: (time: string) => `Bijgewerkt om ${time}.`,
  offline: 'Geen verbinding: je ziet het overzicht van de laatste keer.',
  failed: 'Bijwerken lukte niet. Je ziet het overzicht van de laatste keer.',
  unreachable:
    'De sync-server is niet bereikbaar: je ziet het overzicht van de laatste keer. Probeer het later opnieuw.',
  /** No team context: this device is not (yet, or no longer) on the signed member list. */
  notMember:
    'Er is niets bijgewerkt: je staat (nog) niet op de ondertekende ledenlijst van het team. Kijk bij Instellingen → Team.',
  noKey:
    'Dit toestel heeft de coördinatiesleutel van het team nog niet. Die komt zodra een coördinator van het team online is.',
  team: {
    title: 'Team',
    intro:
      'De opvolging van het hele team, per medewerker. Je ziet alleen dossiernummers, datums, status en vlag: geen namen of feiten. Een dossier openen kan alleen als het met jou gedeeld is.',
    empty: 'Nog geen opvolging van het team ontvangen.',
    worker: (name: string, total: number, overdue: number) =>
      overdue > 0
        ? `${name}: ${plural(total, 'dossier', 'dossiers')}, ${overdue} te laat`
        : `${name}: ${plural(total, 'dossier', 'dossiers')}`,
    unknownWorker: 'Onbekende medewerker',
    /** The worker's device last sent its follow-ups before today: what changed since is not here. */
    asOf: (date: string) => `Laatst doorgegeven op ${date}; wat daarna veranderde, staat hier niet.`,
    urgencies: {
      'te-laat': 'Te laat',
      vandaag: 'Vandaag',
      'deze-week': 'Deze week',
      later: 'Later',
      'zonder-datum': 'Zonder opvolgdatum',
    },
    item: (name: string) => `Dossier ${name}`,
    due: (date: string) => `Volgende opvolging: ${date}`,
    noDue: 'Geen opvolgdatum',
    status: { open: 'open', 'in-rust': 'in rust', afgesloten: 'afgesloten' },
    flag: (flag: string) => `Vlag: ${flag}`,
    ask: 'Vraag om op te nemen',
    askLabel: (caseName: string, worker: string) => `Vraag ${worker} om dossier ${caseName} op te nemen`,
    asking: 'Vragen…',
    askedButton: 'Gevraagd',
    askedLabel: (caseName: string, worker: string) => `${worker} is gevraagd om dossier ${caseName} op te nemen`,
    asked: (caseName: string, worker: string) => `${worker} is gevraagd om dossier ${caseName} op te nemen.`,
    askFailed: 'Vragen lukte niet. Probeer opnieuw als je verbinding hebt.',
    /** A medewerker or coordinator on the member list of whom nothing arrived yet (e.g. just admitted). */
    noData: (name: string) =>
      `Nog geen gegevens van ${name}. Die komen zodra Baken op het toestel van ${name} open is en verbinding heeft.`,
    /** Their counts arrived, but no open case. */
    noOpenCases: (name: string) => `${name}: geen lopende dossiers.`,
  },
  /** A refresh that failed when no overview was stored yet ("van de laatste keer" would not be true). */
  offlineFirst: 'Geen verbinding. Het teamoverzicht komt zodra er netwerk is.',
  failedFirst: 'Bijwerken lukte niet. Probeer het later opnieuw.',
  unreachableFirst: 'De sync-server is niet bereikbaar. Het teamoverzicht komt zodra de server weer antwoordt.',
  pickups: {
    title: 'Gevraagd om op te nemen',
    item: (name: string, from: string, date: string) =>
      `${from || 'Een coördinator'} vraagt je dossier ${name} op te nemen (gevraagd op ${date}).`,
    /** The link to the case, when it is on this device. */
    open: (name: string) => `Dossier ${name} openen`,
    /** The case the request is about is not (or no longer) on this device. */
    notHere: 'Dit dossier staat niet (meer) op dit toestel.',
    dismiss: 'Gezien',
    dismissLabel: (name: string) => `Vraag over dossier ${name} gezien`,
  },
  figures: {
    title: 'Teamcijfers',
    intro:
      'Cijfers van het hele team per kwartaal, berekend op het toestel van een coördinator uit de tellingen van elke medewerker. Kleine aantallen (1 tot 4) zijn verborgen, net als in je eigen auditorexport.',
    auditorNote: 'Als auditor krijg je nooit dossiers of opvolging te zien.',
    coordinatorNote:
      'Je toestel berekent, ondertekent en publiceert deze cijfers telkens je het teamoverzicht bijwerkt. Hier zie je ze zoals de auditor ze krijgt.',
    empty: 'Nog geen teamcijfers ontvangen.',
    period: (period: string) => `Kwartaal ${period}`,
    signed: (name: string, date: string) =>
      `Ondertekend door coördinator ${name} op ${date}. Handtekening gecontroleerd.`,
    members: (n: number, from: string | undefined) =>
      from ? `Tellingen van ${n} teamleden, de oudste van ${from}.` : `Tellingen van ${n} teamleden.`,
    refused: (n: number) =>
      n === 1
        ? '1 document met teamcijfers is geweigerd: de handtekening klopte niet of kwam niet van een coördinator.'
        : `${n} documenten met teamcijfers zijn geweigerd: de handtekening klopte niet of kwam niet van een coördinator.`,
    downloadCsv: (period: string) => `Teamcijfers ${period} als CSV`,
    downloadJson: (period: string) => `Teamcijfers ${period} als JSON`,
    fileName: (period: string, ext: 'csv' | 'json') => `baken-teamcijfers-${period}.${ext}`,
  },
} as const;
