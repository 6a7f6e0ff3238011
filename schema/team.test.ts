import { describe, expect, it } from 'vitest';

import {
  memberListSchema,
  p256PublicJwkSchema,
  teamConfigSchema,
  teamDbNames,
  teamIdSchema,
  teamRoleSchema,
  teamServerRole,
} from './team';

const jwk = { kty: 'EC', crv: 'P-256', x: 'a'.repeat(43), y: 'b'.repeat(43) } as const;
const member = (id: string, role = 'medewerker') => ({
  id,
  name: 'Anna',
  account: 'anna',
  role,
  ecdh: jwk,
  ecdsa: jwk,
  addedAt: '2026-12-01T10:00:00.000Z',
});
const list = {
  team: 'clb-gent',
  version: 1,
  leadId: 'lead-aaaaaaaaaaaaaaaa',
  members: [member('lead-aaaaaaaaaaaaaaaa', 'coordinator')],
  issuedAt: '2026-12-01T10:00:00.000Z',
};

describe('team schemas', () => {
  it('accept team ids of a lowercase letter and 3 to 41 characters', () => {
    expect(teamIdSchema.safeParse('clb-gent').success).toBe(true);
    for (const bad of ['ab', 'Clb', '1clb', 'clb_gent', `c${'a'.repeat(41)}`]) {
      expect(teamIdSchema.safeParse(bad).success).toBe(false);
    }
    expect(teamRoleSchema.options).toEqual(['medewerker', 'coordinator', 'auditor']);
  });

  it('keep only the public members of a key (a private scalar never passes)', () => {
    expect(p256PublicJwkSchema.parse({ ...jwk, d: 'c'.repeat(43), ext: true })).toEqual(jwk);
    expect(p256PublicJwkSchema.safeParse({ ...jwk, crv: 'P-384' }).success).toBe(false);
  });

  it('require the lead in the list, unique member ids, a version >= 1 and safe names', () => {
    expect(memberListSchema.safeParse(list).success).toBe(true);
    expect(memberListSchema.safeParse({ ...list, leadId: 'other-aaaaaaaaaaaaaaa' }).success).toBe(false);
    expect(memberListSchema.safeParse({ ...list, members: [...list.members, ...list.members] }).success).toBe(false);
    expect(memberListSchema.safeParse({ ...list, version: 0 }).success).toBe(false);
    const imageName = { ...member('lead-aaaaaaaaaaaaaaaa'), name: 'data:image/png;base64,iVBORw0KGgo=' };
    expect(memberListSchema.safeParse({ ...list, members: [imageName] }).success).toBe(false);
  });

  it('name the four databases and the server roles', () => {
    expect(teamDbNames('clb-gent')).toEqual({
      members: 'baken-team-clb-gent-members',
      cases: 'baken-team-clb-gent-cases',
      coord: 'baken-team-clb-gent-coord',
      figures: 'baken-team-clb-gent-figures',
    });
    expect(teamServerRole('clb-gent', 'auditor')).toBe('baken-team-clb-gent-auditor');
    expect(
      teamConfigSchema.safeParse({
        team: 'clb-gent',
        memberId: 'lead-aaaaaaaaaaaaaaaa',
        role: 'coordinator',
        leadEcdsa: jwk,
        account: 'anna',
        password: 'pw',
      }).success,
    ).toBe(true);
  });
});
