import { Suspense } from 'react';
import { LockGate } from './features/lock/lock-gate';
import { nl } from './i18n/core';
import { screens } from './screens';
import { AppShell } from './shell/app-shell';
import { Link } from './shell/link';
import { Page } from './shell/page';
import { usePath } from './shell/router';
import { matchRoute, type RouteDef } from './shell/routes';
import { LockButton } from './features/lock/lock-button';
import { SessionGuard } from './features/lock/session-guard';
import { AppBadgeSync } from './features/follow-up/app-badge-sync';
import { UnlockedExtras } from './unlocked-extras';

function RouteScreen({ route }: { route: RouteDef }) {
  const Screen = screens[route.id];
  const content = (
    <Suspense fallback={<p className="lead">{nl.lock.loading}</p>}>
      <Screen />
    </Suspense>
  );
  return route.locked ? <LockGate>{content}</LockGate> : content;
}

function NotFound() {
  return (
    <Page title={nl.shell.notFound.title}>
      <p>{nl.shell.notFound.body}</p>
      <p>
        <Link href="/">{nl.shell.notFound.back}</Link>
      </p>
    </Page>
  );
}

export function App() {
  const path = usePath();
  const route = matchRoute(path);
  return (
    <AppShell current={route?.id} actions={<LockButton />}>
      <UnlockedExtras />
      {route ? <RouteScreen key={route.id} route={route} /> : <NotFound />}
      <AppBadgeSync />
      <SessionGuard />
    </AppShell>
  );
}
