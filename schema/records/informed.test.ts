import { describe, expect, it } from 'vitest';

import { textErrors } from '../errors';
import { makeInformed } from '../factories';
import { storedRecordSchema } from '../records';
import { informedSchema, recordInformedInput } from './informed';

describe('informed record (other schools and CLBs)', () => {
  it('holds which institution, when, the basis and whether the pupils knew first, and nothing else', () => {
    expect(storedRecordSchema.safeParse(makeInformed()).success).toBe(true);
    expect(informedSchema.safeParse({ ...makeInformed(), contactPerson: 'mevrouw X' }).success).toBe(false);
    expect(informedSchema.safeParse(makeInformed({ basis: 'art-458bis' as never })).success).toBe(false);
  });

  it('refuses a link or image data as the institution name, and an empty name', () => {
    const link = informedSchema.safeParse(makeInformed({ institution: 'www.school.be' }));
    expect(link.error?.issues.map((i) => i.message)).toEqual([textErrors.link]);
    const image = informedSchema.safeParse(makeInformed({ institution: 'data:image/png;base64,iVBORw0KGgo=' }));
    expect(image.error?.issues.map((i) => i.message)).toEqual([textErrors.imageData]);
    expect(informedSchema.safeParse(makeInformed({ institution: '  ' })).success).toBe(false);
  });

  it('trims the form input and defaults "pupils told first" to no', () => {
    const input = recordInformedInput.parse({
      caseId: crypto.randomUUID(),
      institutionKind: 'clb',
      institution: '  CLB Noord ',
      on: '2026-03-12',
      basis: 'dreiging',
      byInitials: ' KV',
    });
    expect(input).toMatchObject({ institution: 'CLB Noord', pupilsToldFirst: false, byInitials: 'KV' });
  });
});
