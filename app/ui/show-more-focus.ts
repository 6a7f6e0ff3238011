// "Toon meer" leaves with the last page: without this, focus would drop to the
// page and a keyboard or screen-reader user would start again from the top.
// Focus goes to the first newly shown item's first link or button instead.
import { useEffect, useRef } from 'react';

/**
 * `sectionRef` goes on the element whose child list (`ul > li`) holds the items; call
 * `showMoreFrom(shownNow)` when "Toon meer" is pressed, with how many items are shown now.
 * Once more than that are rendered (`rendered`), focus moves into item number `shownNow + 1`.
 */
export function useShowMoreFocus<E extends HTMLElement = HTMLElement>(rendered: number) {
  const sectionRef = useRef<E | null>(null);
  const from = useRef<number | null>(null);
  useEffect(() => {
    const first = from.current;
    if (first === null || rendered <= first) return;
    from.current = null;
    const item = sectionRef.current?.querySelectorAll(':scope > ul > li')[first];
    item?.querySelector<HTMLElement>('a[href], button, [tabindex="-1"]')?.focus();
  }, [rendered]);
  return {
    sectionRef,
    showMoreFrom: (shownNow: number) => {
      from.current = shownNow;
    },
  };
}
