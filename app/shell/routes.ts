import { nl } from '../i18n/core';

export type RouteId =
  | 'logboek'
  | 'opvolging'
  | 'stappenplan'
  | 'verwijzingen'
  | 'export'
  | 'instellingen'
  | 'vlaggensysteem'
  | 'begrippen'
  | 'wetgeving'
  | 'gesprek'
  | 'praktijkvragen'
  | 'auditlog';

export interface RouteDef {
  id: RouteId;
  path: string;
  title: string;
  /** Needs an unlocked logbook. Knowledge screens hold no personal data and never do. */
  locked: boolean;
  /** Shown in the main menu. */
  inMenu: boolean;
  /** Extra path prefixes this route also owns, e.g. '/dossier' for the logbook's case pages. */
  prefixes?: readonly string[];
}

/** Every route, main menu first, in menu order. */
export const routes: readonly RouteDef[] = [
  { id: 'logboek', path: '/', title: nl.shell.nav.logboek, locked: true, inMenu: true, prefixes: ['/dossier'] },
  { id: 'opvolging', path: '/opvolging', title: nl.shell.nav.opvolging, locked: true, inMenu: true },
  { id: 'stappenplan', path: '/stappenplan', title: nl.shell.nav.stappenplan, locked: false, inMenu: true },
  { id: 'verwijzingen', path: '/verwijzingen', title: nl.shell.nav.verwijzingen, locked: false, inMenu: true },
  { id: 'export', path: '/export', title: nl.shell.nav.export, locked: true, inMenu: true },
  { id: 'instellingen', path: '/instellingen', title: nl.shell.nav.instellingen, locked: true, inMenu: true },
  { id: 'vlaggensysteem', path: '/vlaggensysteem', title: nl.shell.extra.vlaggensysteem, locked: false, inMenu: false },
  { id: 'begrippen', path: '/begrippen', title: nl.shell.extra.begrippen, locked: false, inMenu: false },
  { id: 'wetgeving', path: '/wet', title: nl.shell.extra.wetgeving, locked: false, inMenu: false },
  { id: 'gesprek', path: '/gesprek', title: nl.shell.extra.gesprek, locked: false, inMenu: false },
  { id: 'praktijkvragen', path: '/praktijkvragen', title: nl.shell.extra.praktijkvragen, locked: false, inMenu: false },
  // An auditor who received an audit log checks it without a logbook of their own (a review: the check
  // was only under Export, behind unlocking). It reads the chosen file on this device and stores nothing.
  { id: 'auditlog', path: '/auditlog', title: nl.shell.extra.auditlog, locked: false, inMenu: false },
];

export function matchRoute(pathname: string): RouteDef | undefined {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const owns = (path: string) => clean === path || (path !== '/' && clean.startsWith(`${path}/`));
  return routes.find((route) => owns(route.path) || (route.prefixes ?? []).some(owns));
}
