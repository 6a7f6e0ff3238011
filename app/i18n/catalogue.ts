// The one typed catalogue of every interface string (nl-BE). Sections live in
// ./nl/*.ts so features can grow them side by side; the app imports only `nl`.
import { shell } from './nl/shell';

export const nl = {
  shell,
} as const;

export type Catalogue = typeof nl;
