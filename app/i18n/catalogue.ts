// The one typed catalogue of every interface string (nl-BE). Sections live in
// ./nl/*.ts so features can grow them side by side. Code on the critical path
// (shell, lock, knowledge) imports ./core, the same sections without the
// features behind the lock.
import { nl as core } from './core';
import { casePage } from './nl/case-page';
import { caseKeys } from './nl/case-keys';
import { errors } from './nl/errors';
import { exportScreen } from './nl/export';
import { followUp } from './nl/follow-up';
import { logbook } from './nl/logbook';
import { settings } from './nl/settings';

export const nl = {
  ...core,
  logbook,
  followUp,
  export: exportScreen,
  settings,
  casePage,
  /** Texts for schema/ validation codes. */
  errors,
  /** Migration to per-case keys, shown in the unlocked shell. */
  caseKeys,
} as const;

export type Catalogue = typeof nl;
