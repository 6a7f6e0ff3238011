import { describe, expect, it, vi } from 'vitest';

import { InvalidRecordError, StorageFullError, VaultLockedError } from '../data/errors';
import { nl } from '../i18n/catalogue';
import { errorText } from '../i18n/error-text';
import { validateReschedule } from './reschedule-check';

const r = nl.followUp.reschedule.errors;
const base = { to: '2026-03-20', reason: 'Jongere A is ziek', current: '2026-03-12', today: '2026-03-11' };

describe('validateReschedule', () => {
  it('accepts a new date from today on with a reason', () => {
    expect(validateReschedule(base)).toEqual({});
    expect(validateReschedule({ ...base, to: '2026-03-11' })).toEqual({});
  });

  it('asks for a date and a reason when they are missing', () => {
    expect(validateReschedule({ ...base, to: '', reason: '   ' })).toEqual({
      to: r.toRequired,
      reason: r.reasonRequired,
    });
  });

  it('refuses a date in the past, the same date and an impossible date', () => {
    expect(validateReschedule({ ...base, to: '2026-03-10' }).to).toBe(r.toPast);
    expect(validateReschedule({ ...base, to: '2026-03-12' }).to).toBe(r.toSame);
    expect(validateReschedule({ ...base, to: '2026-02-31x' }).to).toBe(r.toInvalid);
  });

  it('refuses image data in the reason', () => {
    const reason = `zie data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;
    expect(validateReschedule({ ...base, reason }).reason).toBe(nl.errors['text.imageData']);
  });
});

// The overview's failures go through the one error table (issue 13).
describe('errorText on the follow-up overview', () => {
  it('translates data errors by code and schema issues by their code', () => {
    expect(errorText(new VaultLockedError())).toBe(nl.dataErrors['vault.locked']);
    expect(errorText(new StorageFullError())).toBe(nl.dataErrors['storage.full']);
    expect(errorText(new InvalidRecordError('x', [{ path: ['reason'], message: 'text.imageData' }]))).toBe(
      nl.errors['text.imageData'],
    );
    expect(errorText({ code: 'followup.alreadyDone' })).toBe(nl.errors['followup.alreadyDone']);
  });

  it('falls back to a calm general message for anything else', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(errorText(new Error('boom'))).toBe('Er ging iets mis. Er is niets gewijzigd. Probeer het opnieuw.');
  });
});
