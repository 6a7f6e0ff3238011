// Build step (issue 19 item 2): puts the lock screen's markup into index.html,
// so a usable lock screen is on screen (with the stylesheet, linked in <head>)
// before any JS module has run. Every string comes from the typed catalogue
// and the routes, so nothing is duplicated by hand. The React app renders the
// same shell and screen into #root and takes over (app/features/lock/static-lock.ts
// carries a passphrase typed before that). No script is added: the CSP stays strict.
import type { Plugin } from 'vite';
// Only the two catalogue parts without imports: the rest of the catalogue
// pulls in app/data types that need the DOM library.
import { lock } from '../app/i18n/nl/lock';
import { shell } from '../app/i18n/nl/shell';

const nl = { lock, shell };

/** The main menu as app/shell/routes.ts has it (checked by app/features/lock/static-lock.test.ts). */
export const staticMenu = Object.entries(shell.nav).map(([id, title]) => ({
  path: id === 'logboek' ? '/' : `/${id}`,
  title,
}));

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The static lock screen: the app shell, the unlock form and the knowledge links. */
export function staticLockScreen(): string {
  const menu = staticMenu
    .map((route) => `<li><a href="${escape(route.path)}">${escape(route.title)}</a></li>`)
    .join('');
  const knowledge = [
    ['/stappenplan', nl.shell.nav.stappenplan],
    ['/verwijzingen', nl.shell.nav.verwijzingen],
    ['/vlaggensysteem', nl.shell.extra.vlaggensysteem],
    ['/begrippen', nl.shell.extra.begrippen],
  ]
    .map(([href, label]) => `<li><a href="${escape(href ?? '')}">${escape(label ?? '')}</a></li>`)
    .join('');
  // The form has method="dialog" and its field no name: submitting it before
  // the JS has taken over can never put the passphrase in a URL.
  return [
    '<div class="shell" data-static-lock="">',
    `<a class="skip-link" href="#inhoud">${escape(nl.shell.skipToContent)}</a>`,
    '<header class="shell__header">',
    `<a href="/" class="brand"><img src="/icons/icon.svg" alt="" width="28" height="28" /><span>${escape(nl.shell.appName)}</span></a>`,
    '</header>',
    `<nav class="main-nav" aria-label="${escape(nl.shell.mainNav)}"><ul>${menu}</ul></nav>`,
    '<main id="inhoud" class="shell__main" tabindex="-1">',
    `<h1 tabindex="-1" class="page-title">${escape(nl.lock.unlockTitle)}</h1>`,
    '<form method="dialog" novalidate class="card">',
    `<p>${escape(nl.lock.unlockIntro)}</p>`,
    '<div class="field">',
    `<label for="static-passphrase" class="field__label">${escape(nl.lock.passphrase)}</label>`,
    '<input id="static-passphrase" class="field__input" type="password" autocomplete="off" required />',
    '<p class="field__error"></p>',
    '</div>',
    '<div class="button-row">',
    `<button type="submit" class="button button--primary">${escape(nl.lock.unlock)}</button>`,
    '</div>',
    '</form>',
    '<nav class="card" aria-labelledby="static-zonder-ontgrendelen">',
    `<h2 id="static-zonder-ontgrendelen">${escape(nl.lock.withoutUnlocking)}</h2>`,
    `<p class="field__hint">${escape(nl.lock.withoutUnlockingIntro)}</p>`,
    `<ul class="link-list">${knowledge}</ul>`,
    '</nav>',
    '</main>',
    '</div>',
  ].join('');
}

export function lockScreenHtmlPlugin(): Plugin {
  return {
    name: 'baken-lock-screen-html',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('<div id="root"></div>', `<div id="root">${staticLockScreen()}</div>`),
    },
  };
}
