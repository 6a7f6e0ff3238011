// The part of the catalogue that the lock screen and the knowledge screens
// need. It is split off only so the critical path stays small: features
// behind the lock import the full catalogue from ./catalogue, which spreads
// this core into itself, so there is still one typed catalogue.
import { dataErrors } from './nl/data-errors';
import { guard } from './nl/guard';
import { knowledge } from './nl/knowledge';
import { lock } from './nl/lock';
import { shell } from './nl/shell';

export const nl = {
  shell,
  guard,
  lock,
  knowledge,
  /** Texts for app/data's error codes (data, vault, backup); read through errorText(). */
  dataErrors,
} as const;

export type CoreCatalogue = typeof nl;
