import { useLayoutEffect, useRef } from 'react';
import { nl } from '../i18n/core';
import { Link } from './link';
import { routes, type RouteId } from './routes';

export function MainNav({ current }: { current: RouteId | undefined }) {
  const list = useRef<HTMLUListElement>(null);
  // On a phone the menu is one row that scrolls sideways: the current screen's link is scrolled fully
  // into that row (a review: opened from the lock screen, "Verwijzingen" showed as "Verwij"). Only the
  // row scrolls, never the page.
  useLayoutEffect(() => {
    const row = list.current;
    const link = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !link || row.scrollWidth <= row.clientWidth) return;
    const edge = 8;
    const box = row.getBoundingClientRect();
    const at = link.getBoundingClientRect();
    if (at.left < box.left + edge) row.scrollLeft -= box.left + edge - at.left;
    else if (at.right > box.right - edge) row.scrollLeft += at.right - (box.right - edge);
  }, [current]);
  return (
    <nav className="main-nav" aria-label={nl.shell.mainNav}>
      <ul ref={list}>
        {routes
          .filter((route) => route.inMenu)
          .map((route) => (
            <li key={route.id}>
              <Link
                href={route.path}
                aria-current={route.id === current ? 'page' : undefined}
                // A link reached by Tab comes fully into view too (Chromium left one half outside, its
                // focus ring clipped).
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
