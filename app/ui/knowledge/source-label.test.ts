import { describe, expect, it } from 'vitest';
import { formatCheckedDate, formatSourcePart, formatSources, sourceParts } from './source-label';

describe('source labels', () => {
  it('shows a seed file as its readable title and seed number', () => {
    expect(formatSourcePart('000_8b6da676571e0853.txt')).toBe(
      'Qpido — Wat doe je bij… Sexting 18- / Grooming 18- (brondocument 000)',
    );
  });

  it('falls back to the seed number for a seed without a title', () => {
    expect(formatSourcePart('099_0123456789abcdef.txt')).toBe('brondocument 099');
  });

  it('keeps public sources readable', () => {
    expect(formatSourcePart('publieke bron: Veilig Thuis')).toBe('Veilig Thuis (publieke bron)');
  });

  it('splits on "; " and removes duplicates across sources, in first-seen order', () => {
    expect(sourceParts('004_55597a38e14aba23.txt; publieke bron: X')).toEqual([
      '004_55597a38e14aba23.txt',
      'publieke bron: X',
    ]);
    expect(
      formatSources(
        '004_55597a38e14aba23.txt',
        'publieke bron: X; 004_55597a38e14aba23.txt',
        '000_8b6da676571e0853.txt',
      ),
    ).toBe(
      'Interview ‘Als sexting misgaat’ (CLB Antwerpen) (brondocument 004); X (publieke bron); Qpido — Wat doe je bij… Sexting 18- / Grooming 18- (brondocument 000)',
    );
  });

  it('labels Baken’s own choices as such, not as a source', () => {
    expect(formatSourcePart('keuze van Baken: bewijs blijft buiten Baken')).toBe(
      'keuze van Baken, geen bron (bewijs blijft buiten Baken)',
    );
  });

  it('writes a lastChecked date out in Dutch', () => {
    expect(formatCheckedDate('2026-12-01')).toBe('1 december 2026');
  });
});
