// "Naar sectie": a button fixed at the bottom right of the screen (in reach of
// the thumb) while the case page scrolls. It names the section in view; one
// tap opens the list of all sections with their counts, a second tap goes
// there (opening it when it was folded), so any section is at most two taps
// away from anywhere.
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { nl } from '../../i18n/catalogue';
import { Button } from '../../ui/button';
import { focusAfterFrame, focusWasDropped } from '../../ui/focus';

const tp = nl.casePage;

export interface SectionMenuItem {
  id: string;
  title: string;
  count: number | undefined;
}

// A section is "here" once its heading has scrolled up to this line.
const HERE_LINE_PX = 96;

/** The section whose heading last passed the line near the top of the screen. */
function useCurrentSection(ids: readonly string[], pinned: RefObject<string | null>): string | undefined {
  const [current, setCurrent] = useState<string | undefined>(ids[0]);
  const key = ids.join(' ');
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const line = HERE_LINE_PX;
      // A section chosen in the menu stays "here" while its heading is on screen
      // (near the end of the page it cannot scroll up to the line).
      const chosen = pinned.current ? document.getElementById(pinned.current) : null;
      const chosenTop = chosen?.getBoundingClientRect().top;
      if (chosen && chosenTop !== undefined && chosenTop >= 0 && chosenTop < window.innerHeight) {
        setCurrent(chosen.id);
        return;
      }
      pinned.current = null;
      let found = ids[0];
      for (const id of ids) {
        const element = document.getElementById(id);
        if (element && element.getBoundingClientRect().top <= line) found = id;
      }
      setCurrent(found);
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
    // The ids are compared by their joined key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pinned]);
  return current;
}

export function SectionMenu({
  items,
  folded,
  onOpen,
  onFoldAll,
}: {
  items: readonly SectionMenuItem[];
  folded: ReadonlySet<string>;
  /** Called before going to a section, so a folded one opens first. */
  onOpen: (id: string) => void;
  onFoldAll: (fold: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const pinned = useRef<string | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const current = useCurrentSection(
    items.map((item) => item.id),
    pinned,
  );
  const currentTitle = items.find((item) => item.id === current)?.title;
  const allFolded = items.every((item) => folded.has(item.id));

  // While the list is open it sits over the page: the page behind is inert
  // (no taps or focus land there by mistake), and a tap outside closes it.
  useEffect(() => {
    const nav = navRef.current;
    if (!open || !nav?.parentElement) return;
    const behind = Array.from(nav.parentElement.children).filter((element) => element !== nav);
    for (const element of behind) element.setAttribute('inert', '');
    const outside = (event: PointerEvent) => {
      if (!nav.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => {
      for (const element of behind) element.removeAttribute('inert');
      document.removeEventListener('pointerdown', outside);
    };
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) focusAfterFrame(() => buttonRef.current, navRef.current);
  }

  function go(id: string) {
    pinned.current = id;
    onOpen(id);
    setOpen(false);
    // After the section has opened: bring its heading to the top and give it focus.
    const nav = navRef.current;
    requestAnimationFrame(() => {
      if (focusWasDropped(nav)) document.getElementById(`${id}-title`)?.focus({ preventScroll: true });
      document.getElementById(id)?.scrollIntoView({ block: 'start' });
      // Names the chosen section on the button even when the page did not need to move.
      window.dispatchEvent(new Event('scroll'));
    });
  }

  return (
    <nav
      ref={navRef}
      className={open ? 'section-menu section-menu--open' : 'section-menu'}
      aria-label={nl.logbook.sectionNav}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          close(true);
        }
        // Tab past the list's last control: the page behind is inert, so focus would leave the page.
        // The list closes and its button takes focus; the next Tab goes on into the page.
        const controls = event.currentTarget.querySelectorAll('a, button');
        if (event.key === 'Tab' && !event.shiftKey && open && event.target === controls[controls.length - 1]) {
          event.preventDefault();
          close(true);
        }
      }}
      // Focus moved out of the open list (Shift+Tab into the header): it closes, like after a tap outside.
      onBlur={(event) => {
        const to = event.relatedTarget;
        if (open && to instanceof HTMLElement && !event.currentTarget.contains(to)) close(false);
      }}
    >
      <div className="section-menu__bar">
        <button
          ref={buttonRef}
          type="button"
          className="section-menu__button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((v) => !v)}
        >
          <span className={open ? 'chevron chevron--open' : 'chevron'} aria-hidden="true" />
          <span>{tp.jump}</span>
          {currentTitle ? <span className="section-menu__current">{currentTitle}</span> : null}
        </button>
      </div>
      <div id={panelId} className="section-menu__panel" hidden={!open}>
        <ul className="section-menu__list">
          {items.map((item) => (
            <li key={item.id}>
              <a
                href={`#${item.id}-title`}
                aria-current={item.id === current ? 'location' : undefined}
                // The count is read with the title ("Betrokkenen, 2 items"); the badge is only seen.
                aria-label={item.count === undefined ? undefined : tp.countLabel(item.title, item.count, item.id)}
                onClick={(event) => {
                  event.preventDefault();
                  go(item.id);
                }}
              >
                <span>{item.title}</span>
                {item.count !== undefined ? (
                  <span className="count-badge" aria-hidden="true">
                    {item.count}
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(false);
              window.scrollTo({ top: 0 });
              document.querySelector<HTMLElement>('.page-title')?.focus({ preventScroll: true });
            }}
          >
            {tp.toTop}
          </button>
          <Button
            type="button"
            className="button"
            disabled={allFolded}
            onClick={() => {
              onFoldAll(true);
              close(true);
            }}
          >
            {tp.collapseAll}
          </Button>
          <Button
            type="button"
            className="button"
            disabled={folded.size === 0}
            onClick={() => {
              onFoldAll(false);
              close(true);
            }}
          >
            {tp.expandAll}
          </Button>
        </div>
      </div>
    </nav>
  );
}
