import { nl } from '../i18n/core';
import { Page } from './page';
import { routes, type RouteId } from './routes';

/** A route whose feature has not landed yet: heading plus what will come. */
export function PlaceholderScreen({ id }: { id: RouteId }) {
  const route = routes.find((candidate) => candidate.id === id);
  return (
    <Page title={route?.title ?? id}>
      <p className="lead">{nl.shell.placeholder[id]}</p>
    </Page>
  );
}
