import { describe, expect, it } from 'vitest';

import { makeConsent } from '../../../schema/factories';
import { consentCategoriesText } from './consent-categories';

describe('the categories line of a consent card', () => {
  it('names the current categories only, for a record without a removed one', () => {
    expect(consentCategoriesText(makeConsent({ categories: ['feiten', 'afspraken'] }))).toBe(
      'Informatie: feiten, afspraken',
    );
  });

  it('keeps a removed category readable, marked as lapsed', () => {
    const consent = makeConsent({ categories: ['feiten'], retiredCategories: ['contactgegevens'] });
    expect(consentCategoriesText(consent)).toBe('Informatie: feiten, contactgegevens (categorie vervallen)');
  });

  it('says calmly that a record naming only a removed category releases nothing', () => {
    const text = consentCategoriesText(makeConsent({ categories: [], retiredCategories: ['contactgegevens'] }));
    expect(text).toMatch(/^Informatie: contactgegevens \(categorie vervallen\)\. /);
    expect(text).toContain('geeft niets vrij');
  });
});
