import { describe, expect, it } from 'vitest';
import { InvalidRecordError, StorageFullError } from '../data/errors';
import { describeFailure, errorFor, errorText, imageDataError, requiredText } from './form-errors';
import { formatDate, isIsoDate, plusMonths } from './dates';

describe('logbook form errors', () => {
  it('puts schema codes next to the field whose path they carry, in Dutch', () => {
    const error = new InvalidRecordError('x', [
      { path: ['schools', 1], message: 'text.imageData' },
      { path: ['types'], message: 'field.emptyList' },
    ]);
    const { fields, general } = describeFailure(error, ['schools', 'types']);
    expect(errorFor(fields, 'schools')).toMatch(/^Baken bewaart nooit beelden/);
    expect(errorFor(fields, 'types')).toBe('Kies minstens één mogelijkheid.');
    expect(general).toBe('Niet bewaard: kijk de gemarkeerde velden na.');
  });

  it('spells out a rule on a path the form has no field for', () => {
    const error = new InvalidRecordError('x', [{ path: ['status'], message: 'case.openFollowUps' }]);
    const { fields, general } = describeFailure(error, ['retentionUntil']);
    expect(fields).toEqual({});
    expect(general).toBe(
      'Er staat nog een opvolging open. Vink die eerst af met ‘Klaar’; daarna kun je het dossier afsluiten.',
    );
  });

  it('translates storage errors and never shows an unknown code', () => {
    expect(describeFailure(new StorageFullError()).general).toBe(
      'Het toestel is vol. Er is niets opgeslagen. Maak ruimte vrij of maak een back-up en probeer opnieuw.',
    );
    expect(errorText('something.unknown')).toBe('Er ging iets mis. Er is niets gewijzigd. Probeer het opnieuw.');
  });

  it('refuses image data typed as text and blank required text', () => {
    expect(imageDataError('Gesprek op 12 maart, data: 3 mei')).toBeNull();
    expect(imageDataError('zie data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB')).toMatch(/nooit beelden/);
    expect(requiredText('   ')).toBe('Vul dit veld in.');
    expect(requiredText('Feiten')).toBeNull();
  });
});

describe('logbook dates', () => {
  it('shows calendar dates as dd/mm/jjjj and adds months by the calendar', () => {
    expect(formatDate('2026-03-12')).toBe('12/03/2026');
    // A timestamp shows its Brussels day: 00:30 on 12 March in Brussels.
    expect(formatDate('2026-03-11T23:30:00.000Z')).toBe('12/03/2026');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(plusMonths('2026-01-31', 24)).toBe('2028-01-31');
  });
});
