// Route → screen wiring. Screens are lazy so the lock screen and the knowledge
// screens stay on a small critical path. Features never import each other;
// only this file (and app.tsx) knows them all.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteId } from './shell/routes';
import { PlaceholderScreen } from './shell/placeholder-screen';

type Screen = ComponentType | LazyExoticComponent<ComponentType>;

function placeholder(id: RouteId): Screen {
  return function Placeholder() {
    return <PlaceholderScreen id={id} />;
  };
}

const StappenplanScreen = lazy(() =>
  import('./features/knowledge/stappenplan-screen').then((m) => ({ default: m.StappenplanScreen })),
);
const VerwijzingenScreen = lazy(() =>
  import('./features/knowledge/verwijzingen-screen').then((m) => ({ default: m.VerwijzingenScreen })),
);
const VlaggensysteemScreen = lazy(() =>
  import('./features/knowledge/vlaggensysteem-screen').then((m) => ({ default: m.VlaggensysteemScreen })),
);
const LogbookScreen = lazy(() =>
  import('./features/logbook/logbook-screen').then((m) => ({ default: m.LogbookScreen })),
);
const BegrippenScreen = lazy(() =>
  import('./features/knowledge/begrippen-screen').then((m) => ({ default: m.BegrippenScreen })),
);

export const screens: Record<RouteId, Screen> = {
  logboek: LogbookScreen,
  opvolging: placeholder('opvolging'),
  stappenplan: StappenplanScreen,
  verwijzingen: VerwijzingenScreen,
  export: placeholder('export'),
  instellingen: placeholder('instellingen'),
  vlaggensysteem: VlaggensysteemScreen,
  begrippen: BegrippenScreen,
};
