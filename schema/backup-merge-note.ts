// The note a backup merge adds to each case it changed: stored data, not
// interface text, so its Dutch lives here rather than in app/i18n. Split from
// schema/backup.ts (re-exported there) to keep that file readable.
import type { CaseMergeChange } from './backup';
import type { RecordKind } from './records/base';

const caseFieldNl: Record<string, string> = {
  reference: 'dossiernummer',
  knownOn: 'bekend op',
  knownVia: 'bekend via',
  types: 'soort incident',
  schools: 'scholen',
  description: 'beschrijving',
  factsHistory: 'eerdere versies van de feiten',
  jurisdiction: 'rechtsgebied',
  status: 'status',
  retentionUntil: 'bewaren tot',
  closedAt: 'afgesloten op',
};

const kindNl: Record<RecordKind, [one: string, many: string]> = {
  case: ['dossier', 'dossiers'],
  party: ['betrokkene', 'betrokkenen'],
  consent: ['toestemming', 'toestemmingen'],
  assessment: ['beoordeling', 'beoordelingen'],
  note: ['notitie', 'notities'],
  followup: ['opvolging', 'opvolgingen'],
  referral: ['verwijzing', 'verwijzingen'],
  step: ['stap', 'stappen'],
  takedown: ['stap om materiaal offline te halen', 'stappen om materiaal offline te halen'],
  evidence: ['notitie over bewijsmateriaal', 'notities over bewijsmateriaal'],
  police: ['notitie over een klacht bij de politie', 'notities over een klacht bij de politie'],
  informed: ['geïnformeerde school of CLB', "geïnformeerde scholen of CLB's"],
  grooming: ['observatie van grooming', 'observaties van grooming'],
  conversation: ['gesprek', 'gesprekken'],
  audit: ['logregel', 'logregels'],
  draft: ['concept', 'concepten'],
};

function countList(counts: Partial<Record<RecordKind, number>>): string {
  return (Object.entries(counts) as Array<[RecordKind, number]>)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => {
      const [one, many] = kindNl[kind] ?? [kind, kind];
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(', ');
}

/**
 * The text of the note a merge adds to a case: what changed, never the
 * content itself (names of changed fields and counts only).
 */
export function mergeNoteText(change: CaseMergeChange): string {
  const parts: string[] = [];
  if (change.caseFields.length > 0) {
    parts.push(`dossiergegevens bijgewerkt (${change.caseFields.map((f) => caseFieldNl[f] ?? f).join(', ')})`);
  }
  const added = countList(change.added);
  if (added) parts.push(`toegevoegd: ${added}`);
  const updated = countList(change.updated);
  if (updated) parts.push(`bijgewerkt: ${updated}`);
  const kept = countList(change.kept);
  if (kept) parts.push(`eigen versie behouden (nieuwer of anders): ${kept}`);
  return `Samengevoegd uit back-up: ${parts.length > 0 ? parts.join('; ') : 'niets gewijzigd'}.`;
}

/**
 * True when the merge changed this case. Keeping the device's newer version
 * alone changes nothing, so re-importing an older backup adds no notes.
 */
export function isNoteworthy(change: CaseMergeChange): boolean {
  const any = (c: Partial<Record<RecordKind, number>>) => Object.values(c).some((n) => (n ?? 0) > 0);
  return change.caseFields.length > 0 || any(change.added) || any(change.updated);
}

/** The note on a case a merge renumbered: the number the case had in the file's logbook, to find it there. */
export function renumberNoteText(from: string, to: string): string {
  return `Ingelezen uit een back-up. In dat logboek heette dit dossier ${from}; dat nummer was hier al in gebruik, dus heet het hier ${to}.`;
}
