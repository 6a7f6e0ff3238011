import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { installImageGuard } from './shell/image-guard';
import { installPrivacyCurtain } from './shell/privacy-curtain';
import { registerServiceWorker } from './shell/sw-bridge';
import './styles.css';

installImageGuard();
installPrivacyCurtain();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
registerServiceWorker();
