import { describe, expect, it } from 'vitest';
import { findLinks, isImageLink, linksToWarnAbout, withoutImageLinks } from './image-links';

describe('findLinks', () => {
  it('finds http, https, www and bare host links in prose, without trailing punctuation', () => {
    expect(
      findLinks('Zie https://voorbeeld.be/foto/naakt.jpg. En www.school.be, of imgur.com/a/abc (gedeeld).'),
    ).toEqual(['https://voorbeeld.be/foto/naakt.jpg', 'www.school.be', 'imgur.com/a/abc']);
  });

  it('leaves ordinary Dutch prose, dates and e-mail-free text alone', () => {
    expect(findLinks('Gesprek op 3/5 met de leerling en de ouders. Afspraak: 14.30 u.')).toEqual([]);
    expect(findLinks('Klas 3A/B, lokaal 2.14')).toEqual([]);
  });
});

describe('isImageLink', () => {
  it('sees an image by the extension of its path, also with a query or in capitals', () => {
    expect(isImageLink('https://example.com/foto/naakt.jpg')).toBe(true);
    expect(isImageLink('https://example.com/a/b.PNG?size=large#x')).toBe(true);
    expect(isImageLink('http://example.com/x.webp')).toBe(true);
    expect(isImageLink('https://example.com/beeld%2Ejpeg')).toBe(true);
  });

  it('sees known image hosts and the photo paths of platforms', () => {
    expect(isImageLink('https://i.imgur.com/AbCdEf')).toBe(true);
    expect(isImageLink('imgur.com/a/xyz')).toBe(true);
    expect(isImageLink('https://www.instagram.com/p/Cxyz123/')).toBe(true);
    expect(isImageLink('https://pbs.twimg.com/media/abc?format=jpg')).toBe(true);
    expect(isImageLink('https://cdn.discordapp.com/attachments/1/2/bestand')).toBe(true);
  });

  it('does not call an ordinary page an image', () => {
    expect(isImageLink('https://www.childfocus.be/nl-be/')).toBe(false);
    expect(isImageLink('https://www.instagram.com/help')).toBe(false);
    expect(isImageLink('https://example.com/jpg')).toBe(false);
    expect(isImageLink('https://notimgur.com/x')).toBe(false);
  });
});

describe('linksToWarnAbout', () => {
  it('warns in free text only about image links', () => {
    expect(linksToWarnAbout('Info op https://www.stopitnow.be en https://x.be/foto/naakt.jpg')).toEqual([
      { url: 'https://x.be/foto/naakt.jpg', kind: 'image' },
    ]);
  });

  it('warns about every link in a field that should hold none', () => {
    expect(linksToWarnAbout('www.school.be', { noLinks: true })).toEqual([{ url: 'www.school.be', kind: 'link' }]);
    expect(linksToWarnAbout('Sint-Jan', { noLinks: true })).toEqual([]);
  });
});

describe('withoutImageLinks', () => {
  it('replaces every link to an image, each time it occurs, and keeps other links and the text', () => {
    const text = 'Zie https://i.imgur.com/abc123.jpg, nog eens https://i.imgur.com/abc123.jpg en www.klasse.be/uitleg.';
    expect(withoutImageLinks(text, '[weg]')).toBe('Zie [weg], nog eens [weg] en www.klasse.be/uitleg.');
    expect(withoutImageLinks('Geen link hier.', '[weg]')).toBe('Geen link hier.');
  });
});
