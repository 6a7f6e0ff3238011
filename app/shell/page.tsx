import { useEffect, useRef, type ReactNode } from 'react';
import { nl } from '../i18n/core';
import { sectionFocusRequestPending, takePageFocusRequest } from './router';

interface PageProps {
  title: string;
  /**
   * The browser tab's title when `title` names a case: the document title goes
   * into history, which erasing a case does not touch.
   */
  documentTitle?: string;
  children?: ReactNode;
  /**
   * Move focus to the heading after in-app navigation (router.ts), or when
   * focus is elsewhere than the page body, so screen readers announce the new
   * page. False while the page is a placeholder (e.g. loading): the request
   * waits for the real page.
   */
  focusHeading?: boolean;
}

/** A routed screen: one real <h1>, and the document title follows it. */
export function Page({ title, documentTitle = title, children, focusHeading = true }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle} — ${nl.shell.appName}`;
    if (focusHeading && (takePageFocusRequest() || document.activeElement !== document.body)) {
      // A link to a part of this page (`#team`): that part's heading takes focus (useSectionFocus).
      if (!sectionFocusRequestPending()) heading.current?.focus();
    }
  }, [documentTitle, focusHeading]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {children}
    </>
  );
}
