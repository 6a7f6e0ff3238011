import { nl } from './i18n/catalogue';
import { AppShell } from './shell/app-shell';
import { Link } from './shell/link';
import { Page } from './shell/page';
import { usePath } from './shell/router';
import { matchRoute, type RouteDef } from './shell/routes';

function RouteScreen({ route }: { route: RouteDef }) {
  return (
    <Page title={route.title}>
      <p className="lead">{nl.shell.placeholder[route.id]}</p>
    </Page>
  );
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
    <AppShell current={route?.id}>{route ? <RouteScreen key={route.id} route={route} /> : <NotFound />}</AppShell>
  );
}
