// The coordination round on this device (issue 21) and what it keeps locally.
// Local state lives in the `teamCoord` table (Dexie version 9), each row
// sealed under the vault data key (AAD kind "team-coord"), so it is unreadable
// while locked and validated after every decrypt:
// - "published": which coordination records this device has on the server;
// - "view": the coordinator's copy of the team's coordination records, for
//   reading offline;
// - "pickups": pick-up requests addressed to me;
//   (both with the id of the case on this device they are about, when it is
//   here: matched by the record's HMAC id, casesOfDocIds, never by number);
// - "figures": the auditor's verified team figures;
// - "counted": when this device last published its counts;
// - "claims": shared cases whose coordination record a colleague writes (and
//   counts), so a shared case is in the team's records and figures once.
// Device-local: never replicated and never in a backup.
import { z } from 'zod';

import { countAggregates } from '../../../schema/audit-aggregates';
import type { AuditPeriod } from '../../../schema/audit-aggregates';
import { brusselsToday } from '../../../schema/follow-up';
import { coordRecordSchema, pickupRequestSchema } from '../../../schema/team-coord';
import type { CoordRecord } from '../../../schema/team-coord';
import { COUNTED_QUARTERS, teamFiguresSchema } from '../../../schema/team-figures';
import type { MemberList, TeamConfig, TeamRole } from '../../../schema/team';
import { decryptRecord, encryptRecord } from '../crypto';
import { db } from '../db';
import type { TeamCoordRow } from '../db';
import { VaultLockedError } from '../errors';
import { readAggregateInputs } from '../export-reads';
import { ensureIndex, entriesOf } from '../index/case-index';
import { caseOf } from '../index/index-reads';
import { getDataKey, requireDataKey } from '../session';
import { couchRequest, SyncError } from '../sync/remote';
import type { SyncCredentials } from '../sync/remote';
import { assertTeamAccountUsable } from './account-refusal';
import { loadTeamConfig, teamCreds } from './config';
import type { TeamKey } from './coord-docs';
import { ensureTeamKey, mayGrant, mayReceive, readTeamKeys, rotateTeamKey } from './coord-keys';
import type { CoordTeam, CouchDoc, TeamDocs } from './coord-keys';
import {
  askToPickUp,
  casesOfDocIds,
  coordRecordOf,
  dismissPickupRequest,
  leftToSharer,
  publishCoordRecords,
  publishCounts,
  publishTeamFigures,
  readCoordRecords,
  readMemberCounts,
  readPickupRequests,
  readTeamFigures,
} from './coord-rounds';
import type { Published, TeamCoordItem } from './coord-rounds';
import { loadOrCreateIdentity } from './identity';
import { loadVerifiedMembers } from './members';
import { loadSharedCases } from './share';

/** Counts are recomputed at most this often (they decrypt every case). */
const COUNTS_EVERY_MS = 10 * 60_000;

// ---------------------------------------------------------------------------
// Server documents over couchRequest
// ---------------------------------------------------------------------------

function isDoc(v: unknown): v is CouchDoc {
  return typeof v === 'object' && v !== null && typeof (v as { _id?: unknown })._id === 'string';
}

/** One team database through the same-origin /sync/ proxy. */
export function couchTeamDocs(creds: SyncCredentials): TeamDocs {
  const id = (docId: string) => encodeURIComponent(docId);
  // While the server refuses the team account, nothing is sent (account-refusal.ts).
  const send = async <T = unknown>(method: 'GET' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> => {
    assertTeamAccountUsable();
    return couchRequest<T>(creds, method, path, body);
  };
  return {
    async get(docId) {
      try {
        const doc = await send('GET', id(docId));
        return isDoc(doc) ? doc : undefined;
      } catch (e) {
        if (e instanceof SyncError && e.code === 'sync.notFound') return undefined;
        throw e;
      }
    },
    async put(doc) {
      try {
        const r = await send<{ rev?: unknown }>('PUT', id(doc._id), doc);
        if (typeof r.rev !== 'string') throw new SyncError('sync.failed');
        return r.rev;
      } catch (e) {
        if (e instanceof SyncError && e.code === 'sync.conflict') return 'conflict';
        throw e;
      }
    },
    async remove(docId, rev) {
      try {
        await send('DELETE', `${id(docId)}?rev=${encodeURIComponent(rev)}`);
      } catch (e) {
        if (e instanceof SyncError && (e.code === 'sync.notFound' || e.code === 'sync.conflict')) return;
        throw e;
      }
    },
    async byPrefix(prefix) {
      const params = new URLSearchParams({
        include_docs: 'true',
        startkey: JSON.stringify(prefix),
        endkey: JSON.stringify(`${prefix}\ufff0`),
      });
      const r = await send<{ rows?: unknown }>('GET', `_all_docs?${params.toString()}`);
      if (!Array.isArray(r.rows)) throw new SyncError('sync.failed');
      return r.rows.flatMap((row: unknown) => {
        const doc = (row as { doc?: unknown }).doc;
        return isDoc(doc) ? [doc] : [];
      });
    },
  };
}

// ---------------------------------------------------------------------------
// Local state (teamCoord table)
// ---------------------------------------------------------------------------

const stateSchemas = {
  published: z.record(z.string(), z.strictObject({ rev: z.string(), sum: z.string() })),
  view: z.strictObject({
    items: z.array(z.strictObject({ id: z.string(), record: coordRecordSchema, caseId: z.string().optional() })),
    names: z.record(z.string(), z.string()),
    order: z.array(z.string()),
    /** Medewerkers and coordinators of the verified list, in its order: each gets a line, data or not. */
    workers: z.array(z.string()).optional(),
    /** Members whose counts this round could read: they have published, even with no record to show. */
    reported: z.array(z.string()).optional(),
    fetchedAt: z.iso.datetime(),
  }),
  pickups: z.array(
    z.strictObject({ id: z.string(), request: pickupRequestSchema, from: z.string(), caseId: z.string().optional() }),
  ),
  figures: z.strictObject({
    figures: z.array(
      z.strictObject({
        figures: teamFiguresSchema,
        signer: z.strictObject({ id: z.string(), name: z.string() }),
        signedAt: z.iso.datetime(),
      }),
    ),
    refused: z.int().min(0),
    fetchedAt: z.iso.datetime(),
  }),
  /** When my counts were last published, under which key, and which cases they left out (sorted ids). */
  counted: z.strictObject({ at: z.number(), key: z.string(), left: z.string().optional() }),
  claims: z.record(z.string(), z.string()),
};
type StateName = keyof typeof stateSchemas;
export type StateOf<N extends StateName> = z.infer<(typeof stateSchemas)[N]>;

const header = (id: string) => ({ kind: 'team-coord', id, schemaVersion: 1 });

/** A sealed state value; undefined when absent or when it does not decrypt or validate. */
export async function readState<N extends StateName>(name: N): Promise<StateOf<N> | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const row = await db.teamCoord.get(name);
  if (!row) return undefined;
  try {
    const parsed = stateSchemas[name].safeParse(
      await decryptRecord(key, header(name), row as { iv: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer> }),
    );
    return parsed.success ? (parsed.data as StateOf<N>) : undefined;
  } catch {
    return undefined;
  }
}

async function writeState<N extends StateName>(name: N, value: StateOf<N>): Promise<void> {
  const valid = stateSchemas[name].parse(value);
  const sealed = await encryptRecord(requireDataKey(), header(name), valid);
  await db.teamCoord.put({ id: name, ...sealed } satisfies TeamCoordRow);
}

/** Forgets every cached coordination value on this device (leaving the team). */
export async function clearCoordState(): Promise<void> {
  await db.teamCoord.clear();
}

// ---------------------------------------------------------------------------
// The round
// ---------------------------------------------------------------------------

export interface CoordContext extends CoordTeam {
  config: TeamConfig;
  role: TeamRole;
  coord: TeamDocs;
  figures: TeamDocs;
}

/** The team as this device sees it: undefined when no team is set up or no verified member list is known. */
export async function loadCoordContext(): Promise<CoordContext | undefined> {
  const config = await loadTeamConfig();
  if (!config) return undefined;
  const members = await loadVerifiedMembers();
  if (!members) return undefined;
  const identity = await loadOrCreateIdentity();
  const me = members.members.find((m) => m.id === identity.memberId);
  if (!me) return undefined;
  return {
    team: config.team,
    identity,
    members,
    config,
    role: me.role,
    coord: couchTeamDocs(teamCreds(config, 'coord')),
    figures: couchTeamDocs(teamCreds(config, 'figures')),
  };
}

function quartersUpTo(today: string): AuditPeriod[] {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return Array.from({ length: COUNTED_QUARTERS }, (_, i) => {
    const q = quarter - i;
    return { kind: 'quarter', year: q > 0 ? year : year - 1, quarter: q > 0 ? q : q + 4 };
  });
}

/**
 * The cases this device received from a colleague, and those of them whose record and counts are
 * not this device's to give (see myRecords).
 */
async function receivedCases(ctx: CoordContext): Promise<{ received: Set<string>; notMine: Set<string> }> {
  const shared = await loadSharedCases();
  const notMine = leftToSharer(ctx, shared);
  const received = new Set<string>();
  for (const [caseId, entry] of Object.entries(shared)) {
    if (entry.withdrawn === true) notMine.add(caseId);
    if (entry.owner !== undefined && entry.owner !== ctx.identity.memberId) received.add(caseId);
  }
  return { received, notMine };
}

/**
 * The coordination records this device writes: one per open case it holds, but not for a case a
 * colleague withdrew from me (its record is no longer mine to give) nor for one a colleague
 * shared with me while they are in the team (theirs to write, with them as the assignee).
 */
async function myRecords(
  ctx: CoordContext,
  today: string,
  notMine: ReadonlySet<string>,
): Promise<Map<string, CoordRecord>> {
  const index = await ensureIndex(requireDataKey());
  if (!index) throw new VaultLockedError();
  const out = new Map<string, CoordRecord>();
  for (const [caseId, entry] of entriesOf(index)) {
    if (notMine.has(caseId)) continue;
    const record = coordRecordOf(entry, ctx.identity.memberId, today);
    if (record) out.set(caseId, record);
  }
  return out;
}

/** The ids of every case on this device (mine or received), and of those not closed (only they have records). */
async function localCaseIds(): Promise<{ all: string[]; open: string[] }> {
  const index = await ensureIndex(requireDataKey());
  if (!index) throw new VaultLockedError();
  const all: string[] = [];
  const open: string[] = [];
  for (const [caseId, entry] of entriesOf(index)) {
    all.push(caseId);
    const status = caseOf(entry)?.status;
    if (status !== undefined && status !== 'afgesloten') open.push(caseId);
  }
  return { all, open };
}

/**
 * Publishes my counts of every case on this device but those in `leftOut`: a shared case is
 * counted once, by the holder who writes its coordination record.
 */
async function publishMyCounts(
  ctx: CoordContext,
  key: TeamKey,
  today: string,
  force: boolean,
  leftOut: ReadonlySet<string>,
): Promise<void> {
  const leftIds = [...leftOut].sort().join(',');
  const last = await readState('counted');
  // Counted again at once when the cases left out changed (a share, a withdrawal, a record handed over).
  const fresh = last && last.key === key.id && (last.left ?? '') === leftIds && Date.now() - last.at < COUNTS_EVERY_MS;
  if (!force && fresh) return;
  const quarters = [];
  for (const period of quartersUpTo(today)) {
    const { inputs } = await readAggregateInputs(period);
    const mine = inputs.filter((i) => !leftOut.has(i.case.id));
    quarters.push(countAggregates(mine, period, today));
  }
  await publishCounts(ctx, ctx.coord, key, { member: ctx.identity.memberId, countedOn: today, quarters });
  await writeState('counted', { at: Date.now(), key: key.id, left: leftIds });
}

function namesOf(list: MemberList): Record<string, string> {
  return Object.fromEntries(list.members.map((m) => [m.id, m.name]));
}

export interface CoordRoundResult {
  role: TeamRole;
  /** False when this device holds no coordination (or, for an auditor, figures) key yet. */
  hasKey: boolean;
}

/**
 * One round for this device's role: publish my coordination records and
 * counts, fetch pick-up requests (medewerker, coordinator); fetch the team's
 * records and publish the team figures (coordinator); fetch and verify the
 * figures (auditor). Undefined when no team is set up. Offline: fails with
 * SyncError('sync.offline'); the cached view stays.
 */
export async function runCoordRound(options: { forceCounts?: boolean } = {}): Promise<CoordRoundResult | undefined> {
  const ctx = await loadCoordContext();
  if (!ctx) return undefined;
  // The member check above notes a refused account: then nothing more is sent (TeamAccountRefused).
  assertTeamAccountUsable();
  const today = brusselsToday(new Date());
  if (ctx.role === 'auditor') {
    const held = await readTeamKeys(ctx, 'fig', ctx.figures);
    const read = await readTeamFigures(ctx, ctx.figures, held.keys);
    await writeState('figures', { ...read, fetchedAt: new Date().toISOString() });
    return { role: ctx.role, hasKey: held.keys.length > 0 };
  }
  const held = mayGrant(ctx.members, ctx.identity.memberId)
    ? await ensureTeamKey(ctx, 'coord', ctx.coord)
    : await readTeamKeys(ctx, 'coord', ctx.coord);
  const key = held.keys.at(-1);
  if (!key) return { role: ctx.role, hasKey: false };
  const published = (await readState('published')) ?? {};
  const claims = (await readState('claims')) ?? {};
  // Only a received case can be a colleague's to write; a claim on one of mine (noted by an older
  // version when a receiver's device wrote first) is dropped, and that record is overwritten.
  const { received, notMine } = await receivedCases(ctx);
  for (const caseId of Object.keys(claims)) if (!received.has(caseId)) delete claims[caseId];
  const records = await myRecords(ctx, today, notMine);
  const mine = new Set([...records.keys()].filter((caseId) => !received.has(caseId)));
  const next: Published = await publishCoordRecords(ctx, ctx.coord, key, records, published, claims, mine);
  await writeState('published', next);
  await writeState('claims', claims);
  // Counted by whoever writes the record: not the cases a colleague writes, nor those not mine to give.
  const leftOut = new Set([...Object.keys(claims), ...notMine]);
  await publishMyCounts(ctx, key, today, options.forceCounts === true, leftOut);
  // One request per case: a coordinator who asked twice (or two coordinators) gives one line; the
  // copies addressed to me are removed as if seen (best effort: they are removed at the next round).
  const pickups: Awaited<ReturnType<typeof readPickupRequests>> = [];
  const requests = await readPickupRequests(ctx, ctx.coord, held.keys);
  requests.sort((a, b) => a.request.askedOn.localeCompare(b.request.askedOn) || a.id.localeCompare(b.id));
  for (const p of requests) {
    if (pickups.some((kept) => kept.request.coordId === p.request.coordId))
      await dismissPickupRequest(ctx.coord, p.id).catch(() => undefined);
    else pickups.push(p);
  }
  const names = namesOf(ctx.members);
  const caseIds = await localCaseIds();
  // A request carries the record's id: it names exactly one case, whatever number a colleague's case has.
  const asked = await casesOfDocIds(held.keys, caseIds.all, new Set(pickups.map((p) => p.request.coordId)));
  await writeState(
    'pickups',
    pickups.map((p) => {
      const caseId = asked.get(p.request.coordId);
      return { ...p, from: names[p.request.from] ?? '', ...(caseId === undefined ? {} : { caseId }) };
    }),
  );
  if (ctx.role === 'coordinator') {
    const read = await readCoordRecords(ctx, ctx.coord, held.keys);
    // The records of cases also on this device (mine, or shared with me) link to them.
    const here = await casesOfDocIds(held.keys, caseIds.open, new Set(read.map((i) => i.id)));
    const items = read.map((i) => {
      const caseId = here.get(i.id);
      return caseId === undefined ? i : { ...i, caseId };
    });
    const counts = await readMemberCounts(ctx, ctx.coord, held.keys);
    await writeState('view', {
      items,
      names,
      order: ctx.members.members.map((m) => m.id),
      workers: ctx.members.members.filter((m) => mayReceive('coord', m)).map((m) => m.id),
      reported: counts.map((c) => c.member),
      fetchedAt: new Date().toISOString(),
    });
    // A lead who is a medewerker cannot rotate the figures key when someone leaves (reachesFigures): a
    // coördinator's round does, when a grant names someone no longer on the list.
    await rotateTeamKey(ctx, 'fig', ctx.figures, true);
    const fig = await ensureTeamKey(ctx, 'fig', ctx.figures);
    const figKey = fig.keys.at(-1);
    if (figKey) await publishTeamFigures(ctx, counts, ctx.figures, figKey, today);
    // The coordinator sees the published figures as the auditor does (signed, checked), own ones included.
    const figures = await readTeamFigures(ctx, ctx.figures, fig.keys);
    await writeState('figures', { ...figures, fetchedAt: new Date().toISOString() });
  }
  return { role: ctx.role, hasKey: true };
}

/** Asks the worker of a coordination record (from the cached view) to pick up the case. Coordinator only. */
export async function requestPickUp(item: TeamCoordItem): Promise<void> {
  const ctx = await loadCoordContext();
  if (ctx?.role !== 'coordinator') throw new Error('Only a coordinator asks to pick up a case');
  const key = (await readTeamKeys(ctx, 'coord', ctx.coord)).keys.at(-1);
  if (!key) throw new Error('No coordination key');
  await askToPickUp(ctx, ctx.coord, key, item, brusselsToday(new Date()));
}

/** Removes a pick-up request addressed to me (the worker has seen to it). */
export async function dismissPickUp(id: string): Promise<void> {
  const ctx = await loadCoordContext();
  if (!ctx) return;
  await dismissPickupRequest(ctx.coord, id);
  const left = ((await readState('pickups')) ?? []).filter((p) => p.id !== id);
  await writeState('pickups', left);
}

/**
 * Whether this device's account reaches the figures database: a coördinator's does, a medewerker's gets
 * 403 (README, "Team: databases and roles"). A lead who is a medewerker leaves the figures key to the
 * first coördinator's round (ensureTeamKey there makes it); a review found team creation reported as
 * failed, after the team was made, when the lead tried anyway.
 */
const reachesFigures = (config: TeamConfig): boolean => config.role !== 'medewerker';

/**
 * Team creation (E's teamCreatedHooks): the lead's device makes the
 * coordination and figures keys at once, granted to the members of list v1.
 */
export async function createCoordinationKey(config: TeamConfig, list: MemberList): Promise<void> {
  const identity = await loadOrCreateIdentity();
  const team: CoordTeam = { team: config.team, identity, members: list };
  await ensureTeamKey(team, 'coord', couchTeamDocs(teamCreds(config, 'coord')));
  if (reachesFigures(config)) await ensureTeamKey(team, 'fig', couchTeamDocs(teamCreds(config, 'figures')));
}

/**
 * A member left (E's memberRemovedHooks): new generations of the coordination
 * and figures keys for the remaining entitled members; the removed person's
 * grants are deleted. Workers republish their records under the new key on
 * their next round (the old documents are then deleted).
 */
export async function rotateCoordinationKeys(config: TeamConfig, list: MemberList): Promise<void> {
  const identity = await loadOrCreateIdentity();
  const team: CoordTeam = { team: config.team, identity, members: list };
  await rotateTeamKey(team, 'coord', couchTeamDocs(teamCreds(config, 'coord')));
  if (reachesFigures(config)) await rotateTeamKey(team, 'fig', couchTeamDocs(teamCreds(config, 'figures')));
}
