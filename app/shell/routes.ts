import { nl } from '../i18n/catalogue';

export type RouteId = keyof typeof nl.shell.nav;

export interface RouteDef {
  id: RouteId;
  path: string;
  title: string;
}

/** Main navigation, in menu order. */
export const routes: readonly RouteDef[] = [
  { id: 'logboek', path: '/', title: nl.shell.nav.logboek },
  { id: 'opvolging', path: '/opvolging', title: nl.shell.nav.opvolging },
  { id: 'stappenplan', path: '/stappenplan', title: nl.shell.nav.stappenplan },
  { id: 'verwijzingen', path: '/verwijzingen', title: nl.shell.nav.verwijzingen },
  { id: 'export', path: '/export', title: nl.shell.nav.export },
  { id: 'instellingen', path: '/instellingen', title: nl.shell.nav.instellingen },
];

export function matchRoute(pathname: string): RouteDef | undefined {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return routes.find((route) => route.path === clean || (route.path !== '/' && clean.startsWith(`${route.path}/`)));
}
