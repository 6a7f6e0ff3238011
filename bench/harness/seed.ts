// Synthetic, valid logbook data for the bench (no real people). Built from
// schema/factories.ts so every record passes the real schemas; written
// through the real saveRecords() (validate → encrypt → one transaction).
import { makeAssessment, makeCase, makeConsent, makeFollowUp, makeNote, makeParty } from '../../schema/factories';
import type { StoredRecord } from '../../schema/records';
import type { Flag } from '../../schema/records/assessment';
import type { Case, CaseStatus, CaseType } from '../../schema/records/case';
import type { PartyRole } from '../../schema/records/party';

const types: CaseType[] = ['sexting', 'ongewenste-sexting', 'shame-sexting', 'sextortion', 'grooming', 'exposing'];
const flags: Flag[] = ['groen', 'geel', 'rood', 'zwart'];
const statuses: CaseStatus[] = ['open', 'open', 'in-rust', 'afgesloten'];
const schoolNames = [
  'Sint-Jozefscollege',
  'Atheneum Brugge',
  'Sint-Lodewijkscollege',
  'GO! Lyceum Gent',
  'Sint-Barbaracollege',
  'Koninklijk Atheneum Antwerpen',
  'Don Bosco Hoboken',
  'Sint-Jan Berchmanscollege',
  'Heilig-Hartcollege Halle',
  'Technisch Instituut Sint-Vincentius',
  'Stedelijk Lyceum Lange Beeldekens',
  'Sint-Norbertusinstituut',
  'Het Spectrum',
  'Sint-Ritacollege',
  'Campus Comenius',
  'Scheppersinstituut',
];
const letters = 'ABCDEFGH';

/** Deterministic pseudo-random numbers, so every run seeds the same shape. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function pick<T>(list: readonly T[], r: number): T {
  const item = list[Math.floor(r * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

const description =
  'Beeld doorgestuurd in een klasgroep; gesprek met de afgebeelde jongere gepland. Afspraken met de school over ' +
  'het verwijderen van berichten en over wie de ouders informeert.';

/** `n` cases only (bench figure 3): each a realistic case record. */
export function makeCases(n: number, year = 2026): Case[] {
  const random = rng(3);
  const at = new Date().toISOString();
  return Array.from({ length: n }, (_, i) =>
    makeCase({
      id: crypto.randomUUID(),
      reference: `${year}-${String(i + 1).padStart(5, '0')}`,
      knownOn: addDays(`${year}-07-01`, Math.floor(random() * 90)),
      types: [pick(types, random())],
      schools: [pick(schoolNames, random())],
      description,
      status: pick(statuses, random()),
      createdAt: at,
      updatedAt: at,
    }),
  );
}

export interface SeedShape {
  cases: number;
  records: number;
  openFollowUps: number;
}

/**
 * A full logbook of `n` cases, all known in 2026-Q3 (so one auditor export
 * covers all of them): 2–3 betrokkenen, one consent, one assessment, one note,
 * a done follow-up for half of them and an open one (due from 60 days ago to
 * 120 days ahead of `today`) for 60 %. Yields chunks of whole cases.
 */
export function* makeLogbook(n: number, today: string, chunkCases = 1000): Generator<StoredRecord[]> {
  const random = rng(7);
  const at = new Date().toISOString();
  let chunk: StoredRecord[] = [];
  for (let i = 0; i < n; i++) {
    const knownOn = addDays('2026-07-01', Math.floor(random() * 90));
    const kase = makeCase({
      id: crypto.randomUUID(),
      reference: `2026-${String(i + 1).padStart(5, '0')}`,
      knownOn,
      types: [pick(types, random())],
      schools: [pick(schoolNames, random())],
      description,
      status: pick(statuses, random()),
      createdAt: at,
      updatedAt: at,
    });
    chunk.push(kase);
    const partyCount = 2 + (random() < 0.3 ? 1 : 0);
    const roles: PartyRole[] = ['afgebeelde-jongere', 'jongere-die-doorstuurde', 'ontvanger-omstander'];
    const partyIds: string[] = [];
    for (let p = 0; p < partyCount; p++) {
      const party = makeParty({
        id: crypto.randomUUID(),
        caseId: kase.id,
        role: roles[p] ?? 'andere',
        pseudonym: `Jongere ${letters[Math.floor(random() * letters.length)] ?? 'A'}`,
        age: 11 + Math.floor(random() * 8),
        createdAt: at,
        updatedAt: at,
      });
      partyIds.push(party.id);
      chunk.push(party);
    }
    chunk.push(
      makeConsent({
        id: crypto.randomUUID(),
        caseId: kase.id,
        partyId: partyIds[0] ?? kase.id,
        givenOn: knownOn,
        createdAt: at,
        updatedAt: at,
      }),
      makeAssessment({
        id: crypto.randomUUID(),
        caseId: kase.id,
        flag: pick(flags, random()),
        assessedOn: knownOn,
        createdAt: at,
      }),
      makeNote({ id: crypto.randomUUID(), caseId: kase.id, at, createdAt: at }),
    );
    if (random() < 0.5) {
      chunk.push(
        makeFollowUp({
          id: crypto.randomUUID(),
          caseId: kase.id,
          due: addDays(knownOn, 7),
          doneOn: addDays(knownOn, 5 + Math.floor(random() * 10)),
          icsUid: `${crypto.randomUUID()}@baken`,
          createdAt: at,
          updatedAt: at,
        }),
      );
    }
    if (random() < 0.6) {
      chunk.push(
        makeFollowUp({
          id: crypto.randomUUID(),
          caseId: kase.id,
          due: addDays(today, Math.floor(random() * 180) - 60),
          icsUid: `${crypto.randomUUID()}@baken`,
          createdAt: at,
          updatedAt: at,
        }),
      );
    }
    if ((i + 1) % chunkCases === 0) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
