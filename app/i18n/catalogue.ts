// The one typed catalogue of every interface string (nl-BE). Sections live in
// ./nl/*.ts so features can grow them side by side; the app imports only `nl`.
import { exportScreen } from './nl/export';
import { followUp } from './nl/follow-up';
import { guard } from './nl/guard';
import { knowledge } from './nl/knowledge';
import { lock } from './nl/lock';
import { logbook } from './nl/logbook';
import { settings } from './nl/settings';
import { shell } from './nl/shell';

export const nl = {
  shell,
  guard,
  lock,
  knowledge,
  logbook,
  followUp,
  export: exportScreen,
  settings,
} as const;

export type Catalogue = typeof nl;
