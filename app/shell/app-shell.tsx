import type { ReactNode } from 'react';
import { nl } from '../i18n/core';
import { ImageGuardNotice } from './image-guard-notice';
import { Link } from './link';
import { MainNav } from './main-nav';
import { NetworkStatus } from './network-status';
import type { RouteId } from './routes';
import { SwMessages } from './sw-messages';

interface AppShellProps {
  current: RouteId | undefined;
  /** Extra header controls, e.g. the lock button. */
  actions?: ReactNode;
  children: ReactNode;
}

export function AppShell({ current, actions, children }: AppShellProps) {
  return (
    <div className="shell">
      <a className="skip-link" href="#inhoud">
        {nl.shell.skipToContent}
      </a>
      <header className="shell__header">
        <Link href="/" className="brand">
          <img src="/icons/icon.svg" alt="" width="28" height="28" />
          <span>{nl.shell.appName}</span>
        </Link>
        <NetworkStatus />
        {actions}
      </header>
      <MainNav current={current} />
      <SwMessages />
      <main id="inhoud" className="shell__main" tabIndex={-1}>
        {children}
      </main>
      <ImageGuardNotice />
    </div>
  );
}
