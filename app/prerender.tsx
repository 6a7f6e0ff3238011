// Build time only: scripts/lock-screen-html.ts renders this into index.html,
// so the lock screen is usable before any JS has run (issue 19 item 2). The
// app never imports it, which keeps react-dom/server out of the bundle.
// It is the very tree main.tsx hydrates, in its first state: the path
// router.ts's PRERENDER_PATH, vault presence not yet known, so the markup
// cannot drift from the components.
import { renderToString } from 'react-dom/server';
import { appElement } from './app-element';

export function renderLockScreen(): string {
  // React puts a preload of the header's <img> before the tree; hydrating
  // #root would trip over it (index.html's <head> already links the icon).
  return renderToString(appElement()).replace(/^<link rel="preload" as="image" href="[^"]*"\/>/, '');
}
