// The signed member list (issue 21): a tampered list, an unknown signer and a
// replayed old list are all refused; a good list verifies in any key order.
import { describe, expect, it } from 'vitest';

import type { MemberList } from '../../../schema/team';
import { verifyMemberListDoc } from './members';
import { publicJwk, signJson } from './seal';

async function person(id: string, role: 'medewerker' | 'coordinator' | 'auditor') {
  const ecdh = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const ecdsa = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  return {
    priv: ecdsa.privateKey,
    member: {
      id,
      name: `Persoon ${id.slice(0, 4)}`,
      account: id.slice(0, 8),
      role,
      ecdh: publicJwk(await crypto.subtle.exportKey('jwk', ecdh.publicKey)),
      ecdsa: publicJwk(await crypto.subtle.exportKey('jwk', ecdsa.publicKey)),
      addedAt: '2026-12-01T10:00:00.000Z',
    },
  };
}

describe('verifying the signed member list', async () => {
  const lead = await person('lead0000000000000000', 'coordinator');
  const wim = await person('wim00000000000000000', 'medewerker');
  const mallory = await person('mallory0000000000000', 'coordinator');
  const v1: MemberList = {
    team: 'clb-gent',
    version: 1,
    leadId: lead.member.id,
    members: [lead.member],
    issuedAt: '2026-12-01T10:00:00.000Z',
  };
  const v2: MemberList = {
    ...v1,
    version: 2,
    members: [lead.member, wim.member],
    issuedAt: '2026-12-01T11:00:00.000Z',
  };
  const config = { team: 'clb-gent', leadEcdsa: lead.member.ecdsa };
  const doc = async (list: MemberList, signer = lead.priv) => ({
    _id: 'member-list',
    _rev: '1-x',
    list,
    sig: await signJson(signer, list),
  });

  it('accepts a list signed by the pinned lead, newer than or equal to the last verified one', async () => {
    expect((await verifyMemberListDoc(await doc(v1), config)).list).toEqual(v1);
    expect((await verifyMemberListDoc(await doc(v2), config, v1)).list).toEqual(v2);
    expect((await verifyMemberListDoc(await doc(v2), config, v2)).list).toEqual(v2);
  });

  it('refuses a tampered list (a role, a key or a member changed after signing)', async () => {
    const good = await doc(v2);
    const promoted = { ...good, list: { ...v2, members: [lead.member, { ...wim.member, role: 'coordinator' }] } };
    await expect(verifyMemberListDoc(promoted, config)).rejects.toMatchObject({ code: 'team.list.signature' });
    const swapped = { ...good, list: { ...v2, members: [lead.member, { ...wim.member, ecdh: mallory.member.ecdh }] } };
    await expect(verifyMemberListDoc(swapped, config)).rejects.toMatchObject({ code: 'team.list.signature' });
    const added = { ...good, list: { ...v2, members: [...v2.members, mallory.member] } };
    await expect(verifyMemberListDoc(added, config)).rejects.toMatchObject({ code: 'team.list.signature' });
    await expect(verifyMemberListDoc({ ...good, sig: 'AAAA' }, config)).rejects.toMatchObject({
      code: 'team.list.signature',
    });
  });

  it('refuses an unknown signer, even one who names itself lead in a well-formed list', async () => {
    const forged: MemberList = { ...v2, leadId: mallory.member.id, members: [mallory.member, wim.member] };
    await expect(verifyMemberListDoc(await doc(forged, mallory.priv), config)).rejects.toMatchObject({
      code: 'team.list.signature',
    });
    await expect(verifyMemberListDoc(await doc(v2, wim.priv), config)).rejects.toMatchObject({
      code: 'team.list.signature',
    });
    // Signed by the pinned key but naming another lead key: refused too.
    const otherLeadKey: MemberList = { ...v1, members: [{ ...lead.member, ecdsa: mallory.member.ecdsa }] };
    await expect(verifyMemberListDoc(await doc(otherLeadKey), config)).rejects.toMatchObject({
      code: 'team.list.signature',
    });
  });

  it('refuses a replayed old list and a different list with the same version', async () => {
    await expect(verifyMemberListDoc(await doc(v1), config, v2)).rejects.toMatchObject({ code: 'team.list.rollback' });
    const fork: MemberList = { ...v2, members: [lead.member, mallory.member] };
    await expect(verifyMemberListDoc(await doc(fork), config, v2)).rejects.toMatchObject({
      code: 'team.list.rollback',
    });
  });

  it('refuses another team and malformed documents', async () => {
    await expect(verifyMemberListDoc(await doc(v1), { ...config, team: 'clb-brugge' })).rejects.toMatchObject({
      code: 'team.list.wrongTeam',
    });
    await expect(verifyMemberListDoc({ _id: 'member-list', list: {}, sig: '' }, config)).rejects.toMatchObject({
      code: 'team.list.invalid',
    });
    const withPrivate = await doc(v1);
    // A private scalar in the list is stripped by the schema, so the signature (over what was signed) still holds
    // but `d` never reaches the verified list.
    const leaked = {
      ...withPrivate,
      list: { ...v1, members: [{ ...lead.member, ecdsa: { ...lead.member.ecdsa, d: 'x' } }] },
    };
    const verified = await verifyMemberListDoc(leaked, config);
    expect(JSON.stringify(verified.list)).not.toContain('"d"');
  });
});

describe('handing the lead role over', async () => {
  const lead = await person('lead0000000000000000', 'coordinator');
  const wim = await person('wim00000000000000000', 'medewerker');
  const ida = await person('ida00000000000000000', 'auditor');
  const mallory = await person('mallory0000000000000', 'coordinator');
  const v2: MemberList = {
    team: 'clb-gent',
    version: 2,
    leadId: lead.member.id,
    members: [lead.member, wim.member, ida.member],
    issuedAt: '2026-12-01T11:00:00.000Z',
  };
  const handOver: MemberList = { ...v2, version: 3, leadId: wim.member.id, issuedAt: '2026-12-01T12:00:00.000Z' };
  const v4: MemberList = { ...handOver, version: 4, members: [lead.member, wim.member] };
  const pinnedOld = { team: 'clb-gent', leadEcdsa: lead.member.ecdsa };
  const pinnedNew = { team: 'clb-gent', leadEcdsa: wim.member.ecdsa };
  const doc = async (list: MemberList, signer: CryptoKey, chain?: Array<{ list: MemberList; sig: string }>) => ({
    _id: 'member-list',
    list,
    sig: await signJson(signer, list),
    ...(chain ? { chain } : {}),
  });
  const link = async (list: MemberList, signer: CryptoKey) => ({ list, sig: await signJson(signer, list) });

  it('accepts the hand-over signed by the old lead and from then on trusts the new lead key', async () => {
    const verified = await verifyMemberListDoc(await doc(handOver, lead.priv), pinnedOld, v2);
    expect(verified.list).toEqual(handOver);
    expect(verified.leadEcdsa).toEqual(wim.member.ecdsa);
    expect(verified.chain.map((l) => l.list.version)).toEqual([3]);
    // The new lead's next list, carrying the chain, verifies on a device pinned to either key.
    const next = await doc(v4, wim.priv, [await link(handOver, lead.priv)]);
    expect((await verifyMemberListDoc(next, pinnedNew, handOver)).leadEcdsa).toEqual(wim.member.ecdsa);
    const offlineDevice = await verifyMemberListDoc(next, pinnedOld, v2);
    expect(offlineDevice.list).toEqual(v4);
    expect(offlineDevice.leadEcdsa).toEqual(wim.member.ecdsa);
  });

  it('refuses a list signed by the old lead alone once the new lead key is pinned', async () => {
    const oldAgain: MemberList = { ...v4, leadId: lead.member.id };
    await expect(
      verifyMemberListDoc(await doc(oldAgain, lead.priv, [await link(handOver, lead.priv)]), pinnedNew, handOver),
    ).rejects.toMatchObject({ code: 'team.list.signature' });
    await expect(verifyMemberListDoc(await doc(v4, lead.priv), pinnedNew, handOver)).rejects.toMatchObject({
      code: 'team.list.signature',
    });
  });

  it('refuses a tampered hand-over, an unknown signer in the chain, a hand-over to an auditor, and a replay', async () => {
    const good = await link(handOver, lead.priv);
    // Tampered link (Mallory put in as the new lead after signing): ignored, so Wim's list does not verify.
    const tampered = {
      ...good,
      list: { ...handOver, leadId: mallory.member.id, members: [...handOver.members, mallory.member] },
    };
    await expect(verifyMemberListDoc(await doc(v4, wim.priv, [tampered]), pinnedOld, v2)).rejects.toMatchObject({
      code: 'team.list.signature',
    });
    // A chain link signed by someone the device never trusted moves nothing.
    const byMallory: MemberList = {
      ...handOver,
      leadId: mallory.member.id,
      members: [lead.member, mallory.member],
    };
    const malloryList: MemberList = { ...byMallory, version: 4 };
    await expect(
      verifyMemberListDoc(await doc(malloryList, mallory.priv, [await link(byMallory, mallory.priv)]), pinnedOld, v2),
    ).rejects.toMatchObject({ code: 'team.list.signature' });
    // The lead role never goes to an auditor.
    const toAuditor: MemberList = { ...handOver, leadId: ida.member.id };
    await expect(verifyMemberListDoc(await doc(toAuditor, lead.priv), pinnedOld, v2)).rejects.toMatchObject({
      code: 'team.list.signature',
    });
    // The hand-over list replayed after a newer list: signed by a key no longer trusted, and older.
    await expect(verifyMemberListDoc(await doc(handOver, lead.priv), pinnedNew, v4)).rejects.toMatchObject({
      code: 'team.list.signature',
    });
    // Replayed with its own chain to a device that pinned the old key but already verified v4: a rollback.
    await expect(verifyMemberListDoc(await doc(handOver, lead.priv, [good]), pinnedOld, v4)).rejects.toMatchObject({
      code: 'team.list.rollback',
    });
    // An old hand-over link replayed in front of an old lead's new list: ignored, the list is refused.
    const oldLeadV5: MemberList = { ...v4, version: 5, leadId: lead.member.id };
    await expect(verifyMemberListDoc(await doc(oldLeadV5, lead.priv, [good]), pinnedNew, v4)).rejects.toMatchObject({
      code: 'team.list.signature',
    });
  });
});
