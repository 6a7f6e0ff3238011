import './zod-setup';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { captureStaticLock } from './features/lock/static-lock';
import { installImageGuard } from './shell/image-guard';
import { installPrivacyCurtain } from './shell/privacy-curtain';
import { registerServiceWorker } from './shell/sw-bridge';
import './styles.css';

installImageGuard();
installPrivacyCurtain();
const root = document.getElementById('root');
if (root) {
  // index.html already shows the lock screen; keep what was typed there, then
  // replace it in one synchronous commit, so nothing flashes in between.
  captureStaticLock(root);
  const reactRoot = createRoot(root);
  flushSync(() => {
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
registerServiceWorker();
