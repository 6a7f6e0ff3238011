// The one typed catalogue of every interface string (nl-BE). Sections live in
// ./nl/*.ts so features can grow them side by side. Code on the critical path
// (shell, lock, knowledge) imports ./core, the same sections without the
// features behind the lock.
import { nl as core } from './core';
import { auditChains } from './nl/audit-chains';
import { casePage } from './nl/case-page';
import { caseKeys } from './nl/case-keys';
import { errors } from './nl/errors';
import { exportScreen } from './nl/export';
import { followUp } from './nl/follow-up';
import { logbook } from './nl/logbook';
import { settings } from './nl/settings';
import { caseListPage } from './nl/case-list-page';

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
  /** The audit log's chains of other devices (sync). */
  auditChains,
  /** The case list while only its sealed first page is shown (issue 19). */
  caseListPage,
} as const;

export type Catalogue = typeof nl;
