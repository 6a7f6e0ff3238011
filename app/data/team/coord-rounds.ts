// One team coordination round's server work (issue 21), without local
// storage: coord-sync.ts feeds it the case index and keeps its state.
// - every medewerker's and coordinator's device publishes one coordination
//   record per open case (`coord-<HMAC of the case id>`; a shared case has one
//   record, written by the holder who wrote it first), deletes the records
//   of cases closed or erased, and publishes its counts (`counts-<memberId>`),
//   all under the newest coordination key;
// - a coordinator reads every coordination record, asks a worker to pick up a
//   case (`pickup-<random>`), sums the counts into suppressed team figures,
//   signs them and publishes them under the figures key (`figures-<period>`);
// - an auditor reads the figures and verifies the signer against the verified
//   member list (role coordinator). The auditor has no coordination key and no
//   access to the coord db.
import { canonicalJson, signJson, verifyJson } from './seal';
import { followUpGroupOf, boundsForToday } from '../../../schema/follow-up';
import type { CoordRecord, PickupRequest } from '../../../schema/team-coord';
import { buildTeamFigures, memberCountsSchema, signedTeamFiguresSchema } from '../../../schema/team-figures';
import type { MemberCounts, SignedTeamFigures, TeamFigures } from '../../../schema/team-figures';
import { caseOf, flagOf, openFollowUpsOfEntry } from '../index/index-reads';
import type { CaseEntry } from '../index/entries';
import { coordDocId, decodeTeamDoc, encodeTeamDoc, randomDocId } from './coord-docs';
import type { TeamDoc, TeamKey, TeamPayload } from './coord-docs';
import type { CoordTeam, CouchDoc, TeamDocs } from './coord-keys';

/** The coordination record of one case of mine; undefined when the case is closed or unreadable. */
export function coordRecordOf(entry: CaseEntry, assignee: string, today: string): CoordRecord | undefined {
  const c = caseOf(entry);
  if (!c || c.status === 'afgesloten') return undefined;
  const due = openFollowUpsOfEntry(entry)
    .map((f) => f.due)
    .sort();
  const nextDue = due[0];
  const flag = flagOf(entry);
  return {
    reference: c.reference,
    assignee,
    status: c.status,
    ...(nextDue === undefined ? {} : { nextDue }),
    ...(flag === undefined ? {} : { flag }),
    overdue: nextDue !== undefined && followUpGroupOf(nextDue, boundsForToday(today)) === 'te-laat',
    asOf: today,
  };
}

/** What this device last published: document id → { rev, the record's canonical JSON, key id }. */
export type Published = Record<string, { rev: string; sum: string }>;

/** Puts a document over whatever revision the server has (this device owns it). */
async function putOver(docs: TeamDocs, doc: TeamDoc, knownRev?: string): Promise<string> {
  let rev = knownRev;
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await docs.put(rev === undefined ? doc : { ...doc, _rev: rev });
    if (result !== 'conflict') return result;
    rev = (await docs.get(doc._id))?._rev;
  }
  throw new Error(`Could not write ${doc._id}`);
}

/**
 * Who writes a shared case's coordination record when it is not me: case id →
 * member id. A case has ONE record (its id is derived from the case id), so
 * of the colleagues who hold a shared case the first to write it owns it; the
 * others leave it alone until it is gone or its owner left the team.
 */
export type Claims = Record<string, string>;

/** A member of the verified list who may hold cases (medewerker or coördinator). */
function holdsCases(team: CoordTeam, memberId: string): boolean {
  const m = team.members.members.find((x) => x.id === memberId);
  return m?.role === 'medewerker' || m?.role === 'coordinator';
}

/**
 * The cases I received from a colleague whose coordination record is theirs to write: the
 * colleague who shared it is still in the team and holds cases. Their device writes it with them
 * as the assignee, so the team view lists the case under them even when my device has a round
 * first. When they leave the team (or hold cases no more), I write it.
 */
export function leftToSharer(
  team: CoordTeam,
  shared: Readonly<Record<string, { owner?: string | undefined }>>,
): Set<string> {
  const out = new Set<string>();
  for (const [caseId, entry] of Object.entries(shared)) {
    const owner = entry.owner;
    if (owner !== undefined && owner !== team.identity.memberId && holdsCases(team, owner)) out.add(caseId);
  }
  return out;
}

/** The assignee of a coordination document under `key`; undefined when absent or unreadable. */
async function assigneeOf(team: CoordTeam, key: TeamKey, doc: CouchDoc | undefined): Promise<string | undefined> {
  if (!doc) return undefined;
  const payload = await decodeTeamDoc(team.team, (k) => (k === key.id ? key : undefined), doc);
  return payload?.t === 'coord' ? payload.r.assignee : undefined;
}

/** A colleague (not me) who still holds cases owns this document. */
async function ownedByColleague(team: CoordTeam, key: TeamKey, doc: CouchDoc | undefined): Promise<string | undefined> {
  const who = await assigneeOf(team, key, doc);
  return who !== undefined && who !== team.identity.memberId && holdsCases(team, who) ? who : undefined;
}

/**
 * Publishes my coordination records (case id → record) under `key`: writes
 * the new and changed ones, deletes those no longer wanted (closed, erased,
 * or written under an older key generation). A record a colleague's device
 * already wrote for the same shared case is left to them and noted in
 * `claims` (changed in place); I take it over once it is gone or they left
 * the team. Cases in `mine` (not received from a colleague: mine to write)
 * are never left to anyone: a colleague's record of one (written by a device
 * of an older version that received it) is overwritten. Returns what is now
 * published.
 */
export async function publishCoordRecords(
  team: CoordTeam,
  docs: TeamDocs,
  key: TeamKey,
  records: ReadonlyMap<string, CoordRecord>,
  published: Published,
  claims: Claims = {},
  mine: ReadonlySet<string> = new Set(),
): Promise<Published> {
  const next: Published = {};
  for (const [caseId, record] of records) {
    const id = await coordDocId(key, caseId);
    const yields = !mine.has(caseId);
    if (!yields) delete claims[caseId];
    const owner = claims[caseId];
    if (owner !== undefined) {
      const other = await ownedByColleague(team, key, await docs.get(id));
      if (other !== undefined) {
        claims[caseId] = other;
        continue;
      }
      delete claims[caseId];
    }
    const sum = `${key.id}|${canonicalJson(record)}`;
    const before = published[id];
    if (before?.sum === sum) {
      next[id] = before;
      continue;
    }
    const doc = await encodeTeamDoc(team.team, key, id, { t: 'coord', r: record });
    let rev: string | 'conflict' = await docs.put(before ? { ...doc, _rev: before.rev } : doc);
    for (let attempt = 0; rev === 'conflict' && attempt < 3; attempt++) {
      // Someone wrote it first: a colleague holding the same case keeps it (unless it is mine);
      // my own other device is overwritten.
      const current = await docs.get(id);
      const other = yields ? await ownedByColleague(team, key, current) : undefined;
      if (other !== undefined) {
        claims[caseId] = other;
        break;
      }
      rev = await docs.put(current?._rev === undefined ? doc : { ...doc, _rev: current._rev });
    }
    if (claims[caseId] !== undefined) continue;
    if (rev === 'conflict') throw new Error(`Could not write ${id}`);
    next[id] = { rev, sum };
  }
  for (const [id, was] of Object.entries(published)) {
    if (id in next) continue;
    const current = await docs.get(id);
    // Never delete a record a colleague now writes.
    if (current && (await ownedByColleague(team, key, current)) !== undefined) continue;
    if (current?._rev) await docs.remove(id, current._rev);
    else if (was.rev) await docs.remove(id, was.rev);
  }
  return next;
}

/** Publishes my counts (`counts-<memberId>`) under `key`. */
export async function publishCounts(
  team: CoordTeam,
  docs: TeamDocs,
  key: TeamKey,
  counts: MemberCounts,
): Promise<void> {
  const valid = memberCountsSchema.parse(counts);
  if (valid.member !== team.identity.memberId) throw new Error('Counts name another member');
  const id = `counts-${valid.member}`;
  await putOver(docs, await encodeTeamDoc(team.team, key, id, { t: 'counts', r: valid }), (await docs.get(id))?._rev);
}

const keyring =
  (keys: readonly TeamKey[]) =>
  (id: string): TeamKey | undefined =>
    keys.find((k) => k.id === id);

async function decodeAll(team: CoordTeam, keys: readonly TeamKey[], raw: readonly CouchDoc[]) {
  const out: Array<{ id: string; payload: TeamPayload }> = [];
  for (const doc of raw) {
    const payload = await decodeTeamDoc(team.team, keyring(keys), doc);
    if (payload) out.push({ id: doc._id, payload });
  }
  return out;
}

export interface TeamCoordItem {
  id: string;
  record: CoordRecord;
}

/**
 * Every coordination record on the server that decrypts and whose assignee is
 * in the verified member list (a removed person's leftovers are not shown).
 */
export async function readCoordRecords(
  team: CoordTeam,
  docs: TeamDocs,
  keys: readonly TeamKey[],
): Promise<TeamCoordItem[]> {
  const members = new Set(team.members.members.map((m) => m.id));
  return (await decodeAll(team, keys, await docs.byPrefix('coord-'))).flatMap(({ id, payload }) =>
    payload.t === 'coord' && members.has(payload.r.assignee) ? [{ id, record: payload.r }] : [],
  );
}

/**
 * Which case on this device each wanted coordination document id stands for.
 * The id is an HMAC of the case id under a coordination key (coordDocId), so
 * the case numbers never have to be compared: this device recomputes the id of
 * each of its cases under every key it holds (newest first) and keeps the
 * matches. Ids of cases that are not on this device stay out of the result.
 */
export async function casesOfDocIds(
  keys: readonly TeamKey[],
  caseIds: readonly string[],
  wanted: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (wanted.size === 0) return found;
  for (const key of [...keys].reverse()) {
    for (let i = 0; i < caseIds.length; i += 256) {
      const batch = caseIds.slice(i, i + 256);
      const ids = await Promise.all(batch.map((caseId) => coordDocId(key, caseId)));
      ids.forEach((id, j) => {
        const caseId = batch[j];
        if (caseId !== undefined && wanted.has(id) && !found.has(id)) found.set(id, caseId);
      });
      if (found.size === wanted.size) return found;
    }
  }
  return found;
}

/** Asks the record's worker to pick up the case: a `pickup-…` document under the newest coordination key. */
export async function askToPickUp(
  team: CoordTeam,
  docs: TeamDocs,
  key: TeamKey,
  item: TeamCoordItem,
  today: string,
): Promise<PickupRequest> {
  const request: PickupRequest = {
    coordId: item.id,
    reference: item.record.reference,
    to: item.record.assignee,
    from: team.identity.memberId,
    askedOn: today,
  };
  const id = randomDocId('pickup');
  await putOver(docs, await encodeTeamDoc(team.team, key, id, { t: 'pickup', r: request }));
  return request;
}

/** Pick-up requests addressed to me, from a coordinator (or the lead) of the verified list. */
export async function readPickupRequests(
  team: CoordTeam,
  docs: TeamDocs,
  keys: readonly TeamKey[],
): Promise<Array<{ id: string; request: PickupRequest }>> {
  const askers = new Set(
    team.members.members.filter((m) => m.role === 'coordinator' || m.id === team.members.leadId).map((m) => m.id),
  );
  return (await decodeAll(team, keys, await docs.byPrefix('pickup-'))).flatMap(({ id, payload }) =>
    payload.t === 'pickup' && payload.r.to === team.identity.memberId && askers.has(payload.r.from)
      ? [{ id, request: payload.r }]
      : [],
  );
}

/** Removes a pick-up request once the worker has seen to it. */
export async function dismissPickupRequest(docs: TeamDocs, id: string): Promise<void> {
  const current = await docs.get(id);
  if (current?._rev) await docs.remove(id, current._rev);
}

/** Every member's counts that decrypt, are published under their own member id, by a current member. */
export async function readMemberCounts(
  team: CoordTeam,
  docs: TeamDocs,
  keys: readonly TeamKey[],
): Promise<MemberCounts[]> {
  const members = new Set(team.members.members.map((m) => m.id));
  return (await decodeAll(team, keys, await docs.byPrefix('counts-'))).flatMap(({ id, payload }) =>
    payload.t === 'counts' && id === `counts-${payload.r.member}` && members.has(payload.r.member) ? [payload.r] : [],
  );
}

/**
 * Sums the members' counts per period, suppresses the team totals, signs them
 * and publishes `figures-<period>` under the figures key. Coordinator only.
 * Returns the published figures.
 */
export async function publishTeamFigures(
  team: CoordTeam,
  counts: readonly MemberCounts[],
  figuresDocs: TeamDocs,
  figuresKey: TeamKey,
  today: string,
  now: Date = new Date(),
): Promise<TeamFigures[]> {
  const me = team.members.members.find((m) => m.id === team.identity.memberId);
  if (me?.role !== 'coordinator') throw new Error('Only a coordinator signs team figures');
  const periods = [...new Set(counts.flatMap((c) => c.quarters.map((q) => q.period)))].sort();
  const out: TeamFigures[] = [];
  for (const period of periods) {
    const figures = buildTeamFigures(team.team, period, counts, today);
    const unsigned = { figures, signer: me.id, signedAt: now.toISOString() };
    const signed: SignedTeamFigures = { ...unsigned, sig: await signJson(team.identity.ecdsaPrivate, unsigned) };
    const id = `figures-${period}`;
    await putOver(
      figuresDocs,
      await encodeTeamDoc(team.team, figuresKey, id, { t: 'figures', r: signed }),
      (await figuresDocs.get(id))?._rev,
    );
    out.push(figures);
  }
  return out;
}

export interface VerifiedFigures {
  figures: TeamFigures;
  signer: { id: string; name: string };
  signedAt: string;
}

/**
 * The team figures that decrypt under a figures key I hold and whose
 * signature verifies against a coordinator of the verified member list, for
 * this team; newest period first. Anything else is counted in `refused`.
 */
export async function readTeamFigures(
  team: CoordTeam,
  docs: TeamDocs,
  keys: readonly TeamKey[],
): Promise<{ figures: VerifiedFigures[]; refused: number }> {
  const raw = await docs.byPrefix('figures-');
  const figures: VerifiedFigures[] = [];
  let refused = 0;
  for (const doc of raw) {
    const payload = await decodeTeamDoc(team.team, keyring(keys), doc);
    const signed = payload?.t === 'figures' ? signedTeamFiguresSchema.safeParse(payload.r) : undefined;
    const value = signed?.success ? signed.data : undefined;
    const signer = value && team.members.members.find((m) => m.id === value.signer);
    const { sig, ...unsigned } = value ?? { sig: '' };
    const ok =
      value !== undefined &&
      signer?.role === 'coordinator' &&
      value.figures.team === team.team &&
      doc._id === `figures-${value.figures.aggregates.period}` &&
      (await verifyJson(signer.ecdsa, unsigned, sig));
    if (!ok || !value || !signer) {
      refused++;
      continue;
    }
    figures.push({ figures: value.figures, signer: { id: signer.id, name: signer.name }, signedAt: value.signedAt });
  }
  figures.sort((a, b) => (a.figures.aggregates.period < b.figures.aggregates.period ? 1 : -1));
  return { figures, refused };
}
