import { describe, expect, it } from 'vitest';

import { makeConsent } from '../../../schema/factories';
import { categoryNames, consentCategoriesText } from './consent-categories';

describe('the categories line of a consent card', () => {
  it('names the current categories only, for a record without a removed one', () => {
    expect(consentCategoriesText(makeConsent({ categories: ['feiten', 'afspraken'] }), 'vlaanderen')).toBe(
      'Informatie: feiten, afspraken',
    );
  });

  it('keeps a removed category readable, marked as lapsed', () => {
    const consent = makeConsent({ categories: ['feiten'], retiredCategories: ['contactgegevens'] });
    expect(consentCategoriesText(consent, 'vlaanderen')).toBe(
      'Informatie: feiten, contactgegevens (categorie vervallen)',
    );
  });

  it('says calmly that a record naming only a removed category releases nothing', () => {
    const text = consentCategoriesText(
      makeConsent({ categories: [], retiredCategories: ['contactgegevens'] }),
      'vlaanderen',
    );
    expect(text).toMatch(/^Informatie: contactgegevens \(categorie vervallen\)\. /);
    expect(text).toContain('geeft niets vrij');
  });

  it('says "aangifte" for the police category of a case in the Netherlands, "klacht" in Flanders', () => {
    const consent = makeConsent({ categories: ['feiten', 'klacht-politie'] });
    expect(consentCategoriesText(consent, 'nederland')).toBe('Informatie: feiten, aangifte bij de politie');
    expect(consentCategoriesText(consent, 'vlaanderen')).toBe('Informatie: feiten, klacht bij de politie');
    expect(categoryNames(['klacht-politie', 'feiten'], 'nederland')).toBe('aangifte bij de politie, feiten');
    expect(categoryNames(['andere-scholen'], 'nederland')).toBe('andere scholen op de hoogte');
    expect(categoryNames(['andere-scholen'], 'vlaanderen')).toBe("andere scholen en CLB's op de hoogte");
  });
});
