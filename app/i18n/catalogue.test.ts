import { describe, expect, it } from 'vitest';
import { fieldErrors, recordErrors, textErrors } from '../../schema/errors';
import { nl } from './catalogue';
import { nl as core } from './core';

/** Every string in the catalogue; functions are called with sample arguments. */
function allStrings(value: unknown, path = 'nl'): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const sample = (value as (...args: unknown[]) => unknown)(3, 'X', 'Y', 'Z');
    return allStrings(sample, `${path}()`);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => allStrings(inner, `${path}.${key}`));
  }
  return [];
}

describe('the nl-BE catalogue', () => {
  it('has a Dutch text for every validation code of schema/', () => {
    const codes = [...Object.values(textErrors), ...Object.values(fieldErrors), ...Object.values(recordErrors)];
    for (const code of codes) expect(nl.errors[code], code).toMatch(/\S/);
  });

  it('contains the core sections unchanged', () => {
    expect(nl.shell).toBe(core.shell);
    expect(nl.lock).toBe(core.lock);
    expect(nl.knowledge).toBe(core.knowledge);
    expect(nl.guard).toBe(core.guard);
  });

  it('follows the language rules: betrokkenen, never victim or perpetrator', () => {
    const strings = allStrings(nl);
    expect(strings.length).toBeGreaterThan(300);
    // "exposing" only where a source is quoted, in ‘…’ (DOMAIN.md).
    const forbidden = /(?<!‘)\b(slachtoffers?|daders?|kinderporno|exposing)\b/i;
    expect(strings.filter(([, text]) => forbidden.test(text))).toEqual([]);
  });

  it('has no empty strings', () => {
    expect(allStrings(nl).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
