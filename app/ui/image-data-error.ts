// The one check a text field runs as it is typed: image data is never stored,
// not even as a name. Light on purpose (only the schema check and the error
// strings), so forms loaded before unlock can use it without the catalogue.
import { containsImageData } from '../../schema/safe-text';
import { errors, imageDataFound } from '../i18n/nl/errors';

/** How much of the part holding image data the error quotes. */
const QUOTED_CHARS = 32;

/**
 * "Baken bewaart nooit beelden…" when the text carries image data, after what to remove when one word
 * or line holds it (a review: in a long text the error did not say where); null otherwise (also for '').
 */
export function imageDataError(value: string): string | null {
  if (value === '' || !containsImageData(value)) return null;
  const part = [...value.split(/\s+/u), ...value.split(/\n/u)].find((p) => p !== value && containsImageData(p));
  if (part === undefined) return errors['text.imageData'];
  const start = part.trim();
  const quoted = start.length > QUOTED_CHARS ? `${start.slice(0, QUOTED_CHARS)}…` : start;
  return `${imageDataFound(quoted)} ${errors['text.imageData']}`;
}
