import { nl } from '../i18n/core';
import { Link } from './link';
import { routes, type RouteId } from './routes';

export function MainNav({ current }: { current: RouteId | undefined }) {
  return (
    <nav className="main-nav" aria-label={nl.shell.mainNav}>
      <ul>
        {routes
          .filter((route) => route.inMenu)
          .map((route) => (
            <li key={route.id}>
              <Link href={route.path} aria-current={route.id === current ? 'page' : undefined}>
                {route.title}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
