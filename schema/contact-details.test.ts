import { describe, expect, it } from 'vitest';
import { hasContactDetails, withoutContactDetails } from './contact-details';

describe('hasContactDetails', () => {
  it('finds phone numbers as they are written in Belgium and the Netherlands, and e-mail addresses', () => {
    for (const text of [
      'Tel. Jonas 0471 23 45 67.',
      'Bel 0471/23.45.67 na school.',
      'Nummer: +32 471 23 45 67',
      'Vast nummer 09 123 45 67',
      'Moeder: 06-12345678',
      'Mail naar jonas.desmet@school.be',
      'Mail naar jongere die doorstuurde@school.be',
    ])
      expect(hasContactDetails(text), text).toBe(true);
  });

  it('does not take dates, times, case numbers or counts for a phone number', () => {
    for (const text of [
      'Gesprek op 05/12/2026 16:00 met de leerling.',
      'Van 05/12/2026 tot 06/12/2026.',
      'Dossier 2026-014, 3 gesprekken.',
      'Op 5.12.2026 om 9.30 gebeld.',
      'Geen contactgegevens hier.',
    ])
      expect(hasContactDetails(text), text).toBe(false);
  });
});

describe('withoutContactDetails', () => {
  it('replaces each phone number and e-mail address whole, and keeps dates, times and case numbers', () => {
    expect(
      withoutContactDetails(
        'Contact: 0470 12 34 56, yasmine.ea@mail.be. Gesprek op 05/12/2026 16:00, dossier 2026-014. Moeder: +32 471 23 45 67',
        '[e-mail]',
        '[telefoon]',
      ),
    ).toBe('Contact: [telefoon], [e-mail]. Gesprek op 05/12/2026 16:00, dossier 2026-014. Moeder: [telefoon]');
    expect(withoutContactDetails('Geen contactgegevens hier.', '[e-mail]', '[telefoon]')).toBe(
      'Geen contactgegevens hier.',
    );
  });
});
