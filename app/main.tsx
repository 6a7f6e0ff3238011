import './zod-setup';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { appElement } from './app-element';
import { installImageGuard } from './shell/image-guard';
import { installPrivacyCurtain } from './shell/privacy-curtain';
import { registerServiceWorker } from './shell/sw-bridge';
import './styles.css';

installImageGuard();
installPrivacyCurtain();
const root = document.getElementById('root');
if (root?.firstElementChild) {
  // index.html already shows the lock screen, rendered at build time from the
  // same tree (app/prerender.tsx): React takes over that DOM as it is, with
  // whatever was typed into it, in one synchronous pass. What the build could
  // not know (the real path, whether a vault exists, online or not) follows in
  // the render right after, never as a hydration mismatch.
  flushSync(() => {
    hydrateRoot(root, appElement());
  });
} else if (root) {
  // `vite` dev server without the prerender, or a page without it.
  createRoot(root).render(appElement());
}
registerServiceWorker();
