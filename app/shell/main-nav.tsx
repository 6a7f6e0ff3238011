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
              <Link
                href={route.path}
                aria-current={route.id === current ? 'page' : undefined}
                // On a phone the menu is one row that scrolls sideways: a link reached by Tab comes fully
                // into view (Chromium left one half outside, its focus ring clipped).
                onFocus={(event) => event.currentTarget.scrollIntoView({ block: 'nearest', inline: 'nearest' })}
              >
                {route.title}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
