// safeText(): the one zod refinement for every free-text field. The image
// detection itself lives in ./image-data.ts (no zod), so the app-wide paste
// guard can use it without the schema library.
import { z } from 'zod';

import { textErrors } from './errors';
import { containsImageData } from './image-data';

export { containsImageData, findImageData } from './image-data';

export const DEFAULT_TEXT_MAX = 4000;

/**
 * The one schema for every free-text field: length limits and the never-images
 * rule. Issues carry a stable code (`textErrors`) as message and `params.code`.
 * `min >= 1` makes the field required (whitespace alone does not count).
 */
export function safeText(opts: { max?: number; min?: number; noLinks?: boolean } = {}) {
  const max = opts.max ?? DEFAULT_TEXT_MAX;
  const min = opts.min ?? 0;
  return z.string().superRefine((s, ctx) => {
    const fail = (code: string, extra: Record<string, number> = {}) =>
      ctx.addIssue({ code: 'custom', message: code, params: { code, ...extra } });
    const trimmed = s.trim().length;
    if (min >= 1 && trimmed === 0) fail(textErrors.required);
    else if (trimmed < min) fail(textErrors.tooShort, { min });
    if (s.length > max) fail(textErrors.tooLong, { max });
    if (containsImageData(s)) fail(textErrors.imageData);
    else if (opts.noLinks === true && containsLink(s)) fail(textErrors.link);
  });
}

// A scheme, "www." or a bare domain with a path: what a pasted link looks like.
const LINK = /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\//i;

/** Whether text holds a link or web address (issue 15: "no link" rule). */
export function containsLink(text: string): boolean {
  return LINK.test(text);
}
