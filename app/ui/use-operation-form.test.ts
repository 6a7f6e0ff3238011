import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { textErrors } from '../../schema/errors';
import type { FieldErrors } from './form-errors';
import { issueCode, validateForm } from './use-operation-form';

const schema = z.object({
  purpose: z.string().trim().min(1, textErrors.required),
  kind: z.enum(['a', 'b']),
  tags: z.array(z.string()).min(1),
});
const fields = ['purpose', 'kind', 'tags'];

describe('useOperationForm validation', () => {
  it('passes the parsed input on when the schema and the form checks agree', () => {
    const result = validateForm({ purpose: '  Gesprek ', kind: 'a', tags: ['x'] }, schema, undefined, fields);
    expect(result).toEqual({ ok: true, input: { purpose: 'Gesprek', kind: 'a', tags: ['x'] } });
  });

  it('turns schema codes and plain zod issues into Dutch texts per field', () => {
    const result = validateForm({ purpose: ' ', kind: '', tags: [] }, schema, undefined, fields);
    expect(result).toEqual({
      ok: false,
      fields: { purpose: 'Vul dit veld in.', kind: 'Maak een keuze.', tags: 'Kies minstens één mogelijkheid.' },
      general: 'Niet bewaard: kijk de gemarkeerde velden na.',
    });
  });

  it('lets the form’s own check speak first for a field, and still blocks when only the check fails', () => {
    const check = (v: { purpose: string }): FieldErrors => (v.purpose === 'x' ? { purpose: 'Eigen tekst.' } : {});
    const both = validateForm(
      { purpose: '', kind: '', tags: ['t'] },
      schema,
      () => ({ purpose: 'Eigen tekst.' }),
      fields,
    );
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.fields).toEqual({ purpose: 'Eigen tekst.', kind: 'Maak een keuze.' });
    const only = validateForm({ purpose: 'x', kind: 'a', tags: ['t'] }, schema, check, fields);
    expect(only).toEqual({
      ok: false,
      fields: { purpose: 'Eigen tekst.' },
      general: 'Niet bewaard: kijk de gemarkeerde velden na.',
    });
  });

  it('keeps the never-images text over a form check on the same field', () => {
    const text = z.object({ note: z.string().refine((v) => !v.includes('data:image'), { message: 'text.imageData' }) });
    const result = validateForm({ note: 'data:image/png;base64,x' }, text, () => ({ note: 'Eigen tekst.' }), ['note']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields.note).toMatch(/^Baken bewaart nooit beelden/);
  });

  it('says what to remove in the never-images text after a refused save, as while typing', () => {
    const text = z.object({ note: z.string().refine((v) => !v.includes('data:image'), { message: 'text.imageData' }) });
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const result = validateForm({ note: `Gesprek gehad. ${png} Morgen verder.` }, text, undefined, ['note']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields.note).toMatch(/^Verwijder dit uit het veld: „data:image\/png;base64,/);
  });

  it('spells out an issue on a path the form has no field for', () => {
    const rule = z.object({ due: z.string() }).refine(() => false, { message: 'case.closed', path: ['status'] });
    const result = validateForm({ due: '2026-03-12' }, rule, undefined, ['due']);
    expect(result).toEqual({ ok: false, fields: {}, general: 'Dit dossier is afgesloten. Heropen het eerst.' });
  });

  it('keeps a schema code as it is and never shows a zod message', () => {
    const parsed = z.string().min(3, 'text.tooShort').safeParse('a');
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(issueCode(parsed.error.issues[0]!)).toBe('text.tooShort');
    const plain = z.number().safeParse('a');
    if (!plain.success) expect(issueCode(plain.error.issues[0]!)).toBe('choose');
  });
});
