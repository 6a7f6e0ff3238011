// The one check a text field runs as it is typed: image data is never stored,
// not even as a name. Light on purpose (only the schema check and the error
// strings), so forms loaded before unlock can use it without the catalogue.
import { containsImageData } from '../../schema/safe-text';
import { errors } from '../i18n/nl/errors';

/** "Baken bewaart nooit beelden…" when the text carries image data; null otherwise (also for ''). */
export function imageDataError(value: string): string | null {
  return value !== '' && containsImageData(value) ? errors['text.imageData'] : null;
}
