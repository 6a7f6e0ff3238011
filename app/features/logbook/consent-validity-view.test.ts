// Who decides about a betrokkene's information, in the words the consent section shows.
import { describe, expect, it } from 'vitest';

import { decidersOn } from '../../../schema/consent-validity';
import { decidersText } from './consent-validity-view';

const flanders = { jurisdiction: 'vlaanderen', knownOn: '2026-03-02' } as const;

describe('decidersText', () => {
  it('without an age asks both, says why once and what to do about it', () => {
    const text = decidersText(decidersOn({ role: 'afgebeelde-jongere' }, flanders, '2026-03-12'));
    expect(text).toBe(
      'Leeftijd niet ingevuld: Baken vraagt dan de toestemming van allebei. Vul de leeftijd in als je die kent. ' +
        'Beslist: de jongere en de ouders of voogd.',
    );
  });

  it('an age of 14 in Flanders: the young person alone (14 on the day it became known, 14 or 15 later)', () => {
    const party = { role: 'afgebeelde-jongere', age: 14 } as const;
    expect(decidersText(decidersOn(party, flanders, '2026-03-02'))).toBe('Leeftijd: 14 jaar. Beslist: de jongere.');
    expect(decidersText(decidersOn(party, flanders, '2026-03-12'))).toBe(
      'Leeftijd: 14 of 15 jaar. Beslist: de jongere.',
    );
  });

  it('an adult decides about their own information, whatever the age field says', () => {
    expect(decidersText(decidersOn({ role: 'volwassene' }, flanders, '2026-03-12'))).toBe(
      'Een volwassene beslist zelf over de eigen gegevens. Beslist: de betrokkene zelf.',
    );
  });
});
