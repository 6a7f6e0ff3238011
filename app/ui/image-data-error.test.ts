import { describe, expect, it } from 'vitest';

import { errors } from '../i18n/nl/errors';
import { imageDataError } from './image-data-error';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('imageDataError', () => {
  it('says what to remove when one word of a longer text holds the image data', () => {
    const error = imageDataError(`Gesprek met de jongere. ${PNG} Afspraak: morgen opnieuw.`);
    expect(error).toBe(`Verwijder dit uit het veld: „${PNG.slice(0, 32)}…”. ${errors['text.imageData']}`);
  });

  it('gives the rule alone when the whole field is the image data, and nothing for plain text', () => {
    expect(imageDataError(PNG)).toBe(errors['text.imageData']);
    expect(imageDataError('Belangrijke data: 3 mei.')).toBeNull();
    expect(imageDataError('')).toBeNull();
  });
});
