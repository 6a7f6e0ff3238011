// Test helpers for the coordination and figures modules: in-memory team
// documents (CouchDB's put/conflict semantics) and members with real keys.
import type { Member, MemberList, TeamRole } from '../../../schema/team';
import type { CoordRecord } from '../../../schema/team-coord';
import type { CaseEntry } from '../index/entries';
import { newDeviceId } from '../sync/config';
import type { CouchDoc, CoordTeam, TeamDocs } from './coord-keys';
import { coordRecordOf } from './coord-rounds';
import type { Identity } from './identity';
import { publicJwk } from './seal';

export interface MemoryDocs extends TeamDocs {
  readonly docs: Map<string, CouchDoc>;
}

export function memoryDocs(): MemoryDocs {
  const docs = new Map<string, CouchDoc>();
  let seq = 0;
  return {
    docs,
    async get(id) {
      const doc = docs.get(id);
      return doc ? structuredClone(doc) : undefined;
    },
    async put(doc) {
      const current = docs.get(doc._id);
      if (current && current._rev !== doc._rev) return 'conflict';
      if (!current && doc._rev !== undefined) return 'conflict';
      const rev = `${++seq}-x`;
      docs.set(doc._id, { ...structuredClone(doc), _rev: rev });
      return rev;
    },
    async remove(id, rev) {
      if (docs.get(id)?._rev === rev) docs.delete(id);
    },
    async byPrefix(prefix) {
      return [...docs.values()]
        .filter((d) => d._id.startsWith(prefix))
        .sort((a, b) => (a._id < b._id ? -1 : 1))
        .map((d) => structuredClone(d));
    },
  };
}

export async function makeIdentity(): Promise<Identity> {
  const ecdh = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const ecdsa = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return {
    memberId: newDeviceId(),
    ecdh: publicJwk(await crypto.subtle.exportKey('jwk', ecdh.publicKey)),
    ecdsa: publicJwk(await crypto.subtle.exportKey('jwk', ecdsa.publicKey)),
    ecdhPrivate: ecdh.privateKey,
    ecdsaPrivate: ecdsa.privateKey,
  };
}

export function memberOf(identity: Identity, role: TeamRole, name: string): Member {
  return {
    id: identity.memberId,
    name,
    account: name.toLowerCase(),
    role,
    ecdh: identity.ecdh,
    ecdsa: identity.ecdsa,
    addedAt: '2026-03-01T09:00:00.000Z',
  };
}

/** A team of people with the given roles; the first is the lead. Each gets their own CoordTeam view. */
export async function makeTeam(
  roles: ReadonlyArray<readonly [TeamRole, string]>,
  team = 'clb-noord',
): Promise<{ list: MemberList; people: CoordTeam[] }> {
  const identities = await Promise.all(roles.map(() => makeIdentity()));
  const list: MemberList = {
    team,
    version: 1,
    leadId: identities[0]!.memberId,
    members: identities.map((id, i) => memberOf(id, roles[i]![0], roles[i]![1])),
    issuedAt: '2026-03-01T09:00:00.000Z',
  };
  return { list, people: identities.map((identity) => ({ team, identity, members: list })) };
}

/** The coordination records of `assignee`'s cases (case id → index entry) on `today`; closed cases have none. */
export function recordsFor(
  assignee: string,
  today: string,
  cases: ReadonlyArray<readonly [string, CaseEntry]>,
): Map<string, CoordRecord> {
  const out = new Map<string, CoordRecord>();
  for (const [id, entry] of cases) {
    const r = coordRecordOf(entry, assignee, today);
    if (r) out.set(id, r);
  }
  return out;
}
