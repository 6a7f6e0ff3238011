// The lead hand-over chain (issue 21). The lead may hand the lead role to a
// coördinator or medewerker: a new list (version + 1) naming them as lead,
// signed by the OLD lead, who is still in that list. A device accepts the new
// lead's signing key only through such a list signed by the key it trusts;
// from then on it pins the new key, so a list signed by the old lead alone is
// refused. Later lists carry the hand-over lists along (`chain`, oldest
// first), so a device that was offline during a hand-over can follow the
// signatures from the key it pinned to the current lead.
import type { LeadLink, MemberList, P256PublicJwk } from '../../../schema/team';
import { canonicalJson, verifyJson } from './seal';

const sameKey = (a: P256PublicJwk, b: P256PublicJwk) => canonicalJson(a) === canonicalJson(b);

/**
 * The lead key a list signed under `trusted` hands over to: the named lead's
 * key when it differs from `trusted` and the list is a valid hand-over (the
 * signer is still a member, the new lead is another member and a coördinator
 * or medewerker); `trusted` itself when the named lead holds it; undefined
 * when neither (the list is refused).
 */
export function leadKeyAfter(list: MemberList, trusted: P256PublicJwk): P256PublicJwk | undefined {
  const lead = list.members.find((m) => m.id === list.leadId);
  if (!lead) return undefined;
  if (sameKey(lead.ecdsa, trusted)) return trusted;
  const signer = list.members.find((m) => sameKey(m.ecdsa, trusted));
  if (!signer || signer.id === lead.id || lead.role === 'auditor') return undefined;
  return lead.ecdsa;
}

/**
 * Follows the hand-over chain from the key this device trusts: each link
 * newer than `afterVersion`, of this team, signed by the key trusted so far
 * and a valid hand-over, moves trust to the lead it names. Links that do not
 * verify are ignored (an old link replayed, one signed by someone else).
 */
export async function followLeadChain(
  team: string,
  trusted: P256PublicJwk,
  chain: readonly LeadLink[],
  afterVersion: number,
): Promise<P256PublicJwk> {
  let key = trusted;
  let version = afterVersion;
  for (const link of chain) {
    if (link.list.team !== team || link.list.version <= version) continue;
    if (!(await verifyJson(key, link.list, link.sig))) continue;
    const next = leadKeyAfter(link.list, key);
    if (!next) continue;
    key = next;
    version = link.list.version;
  }
  return key;
}
