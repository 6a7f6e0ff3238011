// A part of a page that links can point at (`/instellingen#team`): when the
// router says a link asked for it, its heading takes focus (which scrolls it
// into view) once it is on screen, instead of the page's h1 (page.tsx).
import { useEffect, type RefObject } from 'react';

import { sectionFocusRequestPending, takeSectionFocusRequest } from './router';

export function useSectionFocus(id: string, heading: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!sectionFocusRequestPending()) return;
    // After the page's own effect (same commit or, for a lazy part, an earlier one).
    const timer = setTimeout(() => {
      if (heading.current && takeSectionFocusRequest(id)) heading.current.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [id, heading]);
}
