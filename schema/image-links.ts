// Links to images in free text (issue 16, DOMAIN.md "never images"). Baken
// keeps no images and no links to them: a link is a way back to the material.
// This rule only finds links; it does not refuse them, because a link can be
// something else (a school's website, a platform's help page). The form warns
// and asks the worker to remove the link or confirm that it is no image.
//
// Choices (recall over precision, the worker can confirm):
// - A link is http(s)://…, www.…, or a bare host with a known top-level
//   domain followed by a path ("imgur.com/a/xyz"). Linear scan, no
//   backtracking regular expressions.
// - An image link ends its path in an image extension (before ? or #), or
//   sits on a known image host or image path of a platform.
// - Fields that should hold no link at all (a pseudonym, a school) treat
//   every link as one to warn about.

export type LinkFinding = { url: string; kind: 'image' | 'link' };

const IMAGE_EXTENSIONS = new Set([
  'jpg',
  'jpeg',
  'jfif',
  'pjpeg',
  'png',
  'apng',
  'gif',
  'webp',
  'avif',
  'heic',
  'heif',
  'bmp',
  'tif',
  'tiff',
  'svg',
  'svgz',
  'ico',
  'raw',
  'dng',
  'cr2',
  'nef',
  'arw',
]);

/** Hosts that serve (almost) only images. */
const IMAGE_HOSTS = [
  'i.imgur.com',
  'imgur.com',
  'i.redd.it',
  'preview.redd.it',
  'pbs.twimg.com',
  'ibb.co',
  'i.ibb.co',
  'postimg.cc',
  'i.postimg.cc',
  'imgbb.com',
  'imgbox.com',
  'tinypic.com',
  'photos.app.goo.gl',
  'photos.google.com',
  'lh3.googleusercontent.com',
  'media.discordapp.net',
  'cdn.discordapp.com',
  'scontent.cdninstagram.com',
  'flickr.com',
  'live.staticflickr.com',
  'gyazo.com',
  'i.gyazo.com',
  'prnt.sc',
  'imgflip.com',
  'snipboard.io',
  'pixhost.to',
];

/** Paths of general platforms that show one photo or video (host suffix, path prefix). */
const IMAGE_PATHS: ReadonlyArray<readonly [string, string]> = [
  ['instagram.com', '/p/'],
  ['instagram.com', '/reel/'],
  ['instagram.com', '/stories/'],
  ['facebook.com', '/photo'],
  ['snapchat.com', '/spotlight/'],
  ['tiktok.com', '/photo/'],
  ['x.com', '/photo/'],
  ['twitter.com', '/photo/'],
  ['icloud.com', '/photos/'],
  ['onedrive.live.com', '/photos'],
];

const BARE_TLDS = new Set([
  'com',
  'net',
  'org',
  'be',
  'nl',
  'eu',
  'io',
  'co',
  'cc',
  'me',
  'to',
  'gl',
  'app',
  'ly',
  'info',
  'link',
]);

function isUrlChar(code: number): boolean {
  // Anything visible except whitespace and the brackets/quotes that end a link in prose.
  if (code <= 0x20 || code === 0x7f) return false;
  return !'"\'<>()[]{}`'.includes(String.fromCharCode(code));
}

function isHostChar(c: string): boolean {
  return /[a-z0-9.-]/i.test(c);
}

/** Every link-like token in the text, trailing punctuation removed. */
export function findLinks(text: string): string[] {
  const links: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isUrlChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isUrlChar(text.charCodeAt(end))) end++;
    const token = text.slice(i, end).replace(/[.,;:!?]+$/, '');
    if (looksLikeLink(token)) links.push(token);
    i = end;
  }
  return links;
}

function looksLikeLink(token: string): boolean {
  const lower = token.toLowerCase();
  if (lower.startsWith('http://') || lower.startsWith('https://') || lower.startsWith('www.')) return true;
  // A bare host with a path: "imgur.com/a/xyz".
  const slash = lower.indexOf('/');
  if (slash <= 0) return false;
  const host = lower.slice(0, slash);
  if (![...host].every(isHostChar)) return false;
  const labels = host.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return labels.length >= 2 && labels.every((label) => label.length > 0) && BARE_TLDS.has(tld);
}

function parts(link: string): { host: string; path: string } {
  let rest = link.toLowerCase().replace(/^https?:\/\//, '');
  const stop = rest.search(/[?#]/);
  if (stop >= 0) rest = rest.slice(0, stop);
  const slash = rest.indexOf('/');
  const hostPort = slash < 0 ? rest : rest.slice(0, slash);
  const host = (hostPort.split('@').pop() ?? '').split(':')[0] ?? '';
  return { host: host.replace(/^www\./, ''), path: slash < 0 ? '/' : rest.slice(slash) };
}

const onHost = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** Whether a link points to an image: by the extension of its path or a known image host or path. */
export function isImageLink(link: string): boolean {
  const { host, path } = parts(link);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A broken escape: judge the path as written.
  }
  const file = decoded.split('/').pop() ?? '';
  const dot = file.lastIndexOf('.');
  if (dot >= 0 && IMAGE_EXTENSIONS.has(file.slice(dot + 1))) return true;
  if (IMAGE_HOSTS.some((domain) => onHost(host, domain))) return true;
  return IMAGE_PATHS.some(([domain, prefix]) => onHost(host, domain) && decoded.startsWith(prefix));
}

/**
 * The links a field should warn about: image links in free text, or every
 * link in a field that should hold none (`noLinks`). Empty when there is
 * nothing to warn about.
 */
export function linksToWarnAbout(text: string, opts: { noLinks?: boolean } = {}): LinkFinding[] {
  return findLinks(text).flatMap((url): LinkFinding[] => {
    if (isImageLink(url)) return [{ url, kind: 'image' }];
    return opts.noLinks ? [{ url, kind: 'link' }] : [];
  });
}

/**
 * `text` with every link to an image replaced by `placeholder`: what a form's draft keeps (Baken stores
 * no links to images, also not while a form is being filled in). Other links stay as typed.
 */
export function withoutImageLinks(text: string, placeholder: string): string {
  let out = text;
  for (const url of new Set(findLinks(text))) if (isImageLink(url)) out = out.split(url).join(placeholder);
  return out;
}
