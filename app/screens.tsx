// Route → screen wiring. Screens are lazy so the lock screen and the knowledge
// screens stay on a small critical path. Features never import each other;
// only this file (and app.tsx) knows them all.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteId } from './shell/routes';

type Screen = ComponentType | LazyExoticComponent<ComponentType>;

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
const FollowUpScreen = lazy(() =>
  import('./features/follow-up/follow-up-screen').then((m) => ({ default: m.FollowUpScreen })),
);
const ExportScreen = lazy(() => import('./features/export/export-screen').then((m) => ({ default: m.ExportScreen })));
const BegrippenScreen = lazy(() =>
  import('./features/knowledge/begrippen-screen').then((m) => ({ default: m.BegrippenScreen })),
);
const WetgevingScreen = lazy(() =>
  import('./features/knowledge/reading-screens').then((m) => ({ default: m.WetgevingScreen })),
);
const GesprekScreen = lazy(() =>
  import('./features/knowledge/reading-screens').then((m) => ({ default: m.GesprekScreen })),
);
const PraktijkvragenScreen = lazy(() =>
  import('./features/knowledge/reading-screens').then((m) => ({ default: m.PraktijkvragenScreen })),
);

const AuditLogScreen = lazy(() =>
  import('./features/export/audit-verify-screen').then((m) => ({ default: m.AuditVerifyScreen })),
);

const SettingsScreen = lazy(() =>
  import('./features/settings/settings-screen').then((m) => ({ default: m.SettingsScreen })),
);

export const screens: Record<RouteId, Screen> = {
  logboek: LogbookScreen,
  opvolging: FollowUpScreen,
  stappenplan: StappenplanScreen,
  verwijzingen: VerwijzingenScreen,
  export: ExportScreen,
  instellingen: SettingsScreen,
  vlaggensysteem: VlaggensysteemScreen,
  begrippen: BegrippenScreen,
  wetgeving: WetgevingScreen,
  gesprek: GesprekScreen,
  praktijkvragen: PraktijkvragenScreen,
  auditlog: AuditLogScreen,
};
