// Team keys for coordination and figures (issue 21): 32 random bytes per
// generation, sealed to each entitled member's ECDH key and signed by the
// coordinator (or the lead) who granted it. Grants are documents
// `coordkey-<gen>-<memberId>` in the coord db (medewerkers and coordinators)
// and `figkey-<gen>-<memberId>` in the figures db (coordinators and
// auditors). A grant is made ONLY to a member of the verified member list with
// an entitled role, and used ONLY when it is meant for me, signed by a
// coordinator or the lead of that list, and its box opens under its own
// team, kind, generation and recipient (AAD). The newest generation I hold
// is used for writing; older ones still read what was written under them.
import { z } from 'zod';

import { memberIdSchema } from '../../../schema/team';
import type { Member, MemberList, TeamRole } from '../../../schema/team';
import { randomBytes } from '../crypto';
import { importTeamKey } from './coord-docs';
import type { TeamKey } from './coord-docs';
import type { Identity } from './identity';
import { openBox, sealTo, signJson, verifyJson } from './seal';

/** What this module needs of the team: its id, my identity and the VERIFIED member list. */
export interface CoordTeam {
  team: string;
  identity: Identity;
  members: MemberList;
}

export type CouchDoc = Record<string, unknown> & { _id: string; _rev?: string };

/** The CouchDB calls the team rounds need on one database (helper F's TeamDb fits it). */
export interface TeamDocs {
  get(id: string): Promise<CouchDoc | undefined>;
  /** Writes a document; 'conflict' when `_rev` is not the current revision. */
  put(doc: CouchDoc): Promise<string | 'conflict'>;
  remove(id: string, rev: string): Promise<void>;
  /** Documents whose id starts with `prefix`. */
  byPrefix(prefix: string): Promise<CouchDoc[]>;
}

export type TeamKeyKind = 'coord' | 'fig';

const PREFIX: Record<TeamKeyKind, string> = { coord: 'coordkey', fig: 'figkey' };
/** Who receives each key: coordination for medewerkers and coordinators, figures for coordinators and auditors. */
const RECEIVERS: Record<TeamKeyKind, readonly TeamRole[]> = {
  coord: ['medewerker', 'coordinator'],
  fig: ['coordinator', 'auditor'],
};

const boxSchema = z.strictObject({
  epk: z.record(z.string(), z.unknown()),
  iv: z.base64(),
  ct: z.base64(),
});

const grantBodySchema = z.strictObject({
  _id: z.string().regex(/^(coordkey|figkey)-\d{1,6}-[A-Za-z0-9_-]{16,64}$/),
  gen: z.int().min(1).max(999_999),
  to: memberIdSchema,
  from: memberIdSchema,
  box: boxSchema,
});
const grantDocSchema = grantBodySchema.extend({ _rev: z.string().optional(), sig: z.base64().max(200) });
export type KeyGrantDoc = z.infer<typeof grantDocSchema>;

export function keyGrantId(kind: TeamKeyKind, gen: number, memberId: string): string {
  return `${PREFIX[kind]}-${gen}-${memberId}`;
}

function grantAad(team: string, kind: TeamKeyKind, gen: number, memberId: string): string {
  return `baken/team-${PREFIX[kind]}/v1|${team}|${gen}|${memberId}`;
}

export function mayReceive(kind: TeamKeyKind, member: Member): boolean {
  return RECEIVERS[kind].includes(member.role);
}

/** Coordinators and the lead hand out team keys. */
export function mayGrant(list: MemberList, memberId: string): boolean {
  const member = list.members.find((m) => m.id === memberId);
  return member !== undefined && (member.role === 'coordinator' || member.id === list.leadId);
}

export class KeyGrantRefusedError extends Error {
  constructor(readonly reason: 'not-a-member' | 'role') {
    super(`Key grant refused: ${reason}`);
    this.name = 'KeyGrantRefusedError';
  }
}

/** Seals generation `gen` of a team key to member `to` (who must be entitled) and signs the grant. */
export async function makeKeyGrant(
  team: CoordTeam,
  kind: TeamKeyKind,
  gen: number,
  raw: Uint8Array,
  to: string,
): Promise<KeyGrantDoc> {
  const member = team.members.members.find((m) => m.id === to);
  if (!member) throw new KeyGrantRefusedError('not-a-member');
  if (!mayReceive(kind, member)) throw new KeyGrantRefusedError('role');
  const box = await sealTo(member.ecdh, raw, grantAad(team.team, kind, gen, to));
  const body = grantBodySchema.parse({
    _id: keyGrantId(kind, gen, to),
    gen,
    to,
    from: team.identity.memberId,
    box,
  });
  return { ...body, sig: await signJson(team.identity.ecdsaPrivate, body) };
}

/** Checks a grant meant for me and opens it; null (never throws) when anything does not hold. */
export async function openKeyGrant(
  team: CoordTeam,
  kind: TeamKeyKind,
  raw: unknown,
): Promise<{ gen: number; raw: Uint8Array } | null> {
  const parsed = grantDocSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { _rev: _r, sig, ...body } = parsed.data;
  if (body.to !== team.identity.memberId || body._id !== keyGrantId(kind, body.gen, body.to)) return null;
  if (!mayGrant(team.members, body.from)) return null;
  const from = team.members.members.find((m) => m.id === body.from);
  if (!from || !(await verifyJson(from.ecdsa, body, sig))) return null;
  try {
    const plain = await openBox(
      team.identity.ecdhPrivate,
      body.box as unknown as Parameters<typeof openBox>[1],
      grantAad(team.team, kind, body.gen, body.to),
    );
    return plain.byteLength === 32 ? { gen: body.gen, raw: plain } : null;
  } catch {
    return null;
  }
}

export interface HeldKeys {
  /** Every generation I hold, newest last. */
  keys: TeamKey[];
  /** The newest generation that exists on the server (held or not). */
  newestGen: number;
}

function genOf(kind: TeamKeyKind, id: string): number {
  const m = new RegExp(`^${PREFIX[kind]}-(\\d+)-`).exec(id);
  return m ? Number(m[1]) : 0;
}

/** The generations of a team key granted to me (verified and opened), and the newest generation on the server. */
export async function readTeamKeys(team: CoordTeam, kind: TeamKeyKind, docs: TeamDocs): Promise<HeldKeys> {
  const grants = await docs.byPrefix(`${PREFIX[kind]}-`);
  let newestGen = 0;
  const mine: Array<{ gen: number; raw: Uint8Array }> = [];
  for (const grant of grants) {
    newestGen = Math.max(newestGen, genOf(kind, grant._id));
    if (!grant._id.endsWith(`-${team.identity.memberId}`)) continue;
    const opened = await openKeyGrant(team, kind, grant);
    if (opened) mine.push(opened);
  }
  mine.sort((a, b) => a.gen - b.gen);
  const keys = await Promise.all(mine.map((m) => importTeamKey(kind, m.gen, m.raw)));
  for (const m of mine) m.raw.fill(0);
  return { keys, newestGen };
}

/** Raw bytes of my newest generation, to grant it to others (the caller wipes them). */
async function myNewestRaw(
  team: CoordTeam,
  kind: TeamKeyKind,
  docs: TeamDocs,
  gen: number,
): Promise<Uint8Array | undefined> {
  const doc = await docs.get(keyGrantId(kind, gen, team.identity.memberId));
  return (await openKeyGrant(team, kind, doc))?.raw;
}

async function grantTo(team: CoordTeam, kind: TeamKeyKind, gen: number, raw: Uint8Array, docs: TeamDocs, to: string) {
  const grant = await makeKeyGrant(team, kind, gen, raw, to);
  // 'conflict': a grant of this generation for this member exists already.
  return docs.put(grant);
}

/**
 * Makes the team key when none exists yet (generation 1, granted to me first,
 * then to every entitled member of the verified list), and grants my newest
 * generation to entitled members who lack it. Only on a coordinator's or the
 * lead's device; a no-op elsewhere. Returns the keys I hold afterwards.
 * Fails with SyncHttpError/SyncError when the server cannot be reached.
 */
export async function ensureTeamKey(team: CoordTeam, kind: TeamKeyKind, docs: TeamDocs): Promise<HeldKeys> {
  let held = await readTeamKeys(team, kind, docs);
  if (!mayGrant(team.members, team.identity.memberId)) return held;
  const me = team.members.members.find((m) => m.id === team.identity.memberId);
  if (held.newestGen === 0 && me) {
    const raw = randomBytes(32);
    try {
      // My own grant first: if another coordinator made generation 1 meanwhile, theirs wins.
      const created = mayReceive(kind, me) ? await grantTo(team, kind, 1, raw, docs, me.id) : 'none';
      if (created !== 'conflict') {
        for (const m of team.members.members)
          if (m.id !== me.id && mayReceive(kind, m)) await grantTo(team, kind, 1, raw, docs, m.id);
      }
    } finally {
      raw.fill(0);
    }
    held = await readTeamKeys(team, kind, docs);
  }
  await addMissingGrants(team, kind, docs, held);
  return held;
}

/** Grants my newest generation (when it is the newest on the server) to entitled members without a grant. */
async function addMissingGrants(team: CoordTeam, kind: TeamKeyKind, docs: TeamDocs, held: HeldKeys): Promise<void> {
  const newest = held.keys.at(-1);
  if (!newest || newest.gen !== held.newestGen) return;
  const existing = new Set((await docs.byPrefix(`${PREFIX[kind]}-${newest.gen}-`)).map((d) => d._id));
  const missing = team.members.members.filter(
    (m) => mayReceive(kind, m) && !existing.has(keyGrantId(kind, newest.gen, m.id)),
  );
  if (missing.length === 0) return;
  const raw = await myNewestRaw(team, kind, docs, newest.gen);
  if (!raw) return;
  try {
    for (const m of missing) await grantTo(team, kind, newest.gen, raw, docs, m.id);
  } finally {
    raw.fill(0);
  }
}

/**
 * A new generation of a team key after a member left (issue 21, "Leaving the
 * team"): granted only to entitled members of the current verified list, and
 * every grant of a person no longer in that list is deleted. What was written
 * under older generations stays readable to whoever held them. Coordinator or
 * lead only (KeyGrantRefusedError otherwise). `onlyIfStale`: only when a grant
 * names someone no longer on the list (a rotation was missed); resolves 0 when not.
 */
export async function rotateTeamKey(
  team: CoordTeam,
  kind: TeamKeyKind,
  docs: TeamDocs,
  onlyIfStale = false,
): Promise<number> {
  if (!mayGrant(team.members, team.identity.memberId)) throw new KeyGrantRefusedError('role');
  const grants = await docs.byPrefix(`${PREFIX[kind]}-`);
  const current = new Set(team.members.members.map((m) => m.id));
  if (onlyIfStale && grants.every((g) => current.has(String(g.to)))) return 0;
  const gen = grants.reduce((max, g) => Math.max(max, genOf(kind, g._id)), 0) + 1;
  const raw = randomBytes(32);
  try {
    for (const m of team.members.members) if (mayReceive(kind, m)) await grantTo(team, kind, gen, raw, docs, m.id);
  } finally {
    raw.fill(0);
  }
  for (const g of grants) if (!current.has(String(g.to)) && g._rev) await docs.remove(g._id, g._rev);
  return gen;
}
