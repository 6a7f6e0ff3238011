// Case pages never put a case id in the URL (browser history outlives erasure
// and would link visits to a case): '/dossier/<handle>' uses a random handle
// that means something only in this page's memory. It survives lock and
// unlock (so the worker returns to the case they were on) and is gone when the
// page is closed or reloaded; after a reload or in a new tab the handle is
// unknown and the page says to open the case from the logbook again. History holds at most one
// case page entry, the last one (router.ts).
const handleByCase = new Map<string, string>();
const caseByHandle = new Map<string, string>();

function newHandle(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** The URL of a case's page for this session. */
export function caseHref(caseId: string): string {
  let handle = handleByCase.get(caseId);
  if (!handle) {
    handle = newHandle();
    handleByCase.set(caseId, handle);
    caseByHandle.set(handle, caseId);
  }
  return `/dossier/${handle}`;
}

/** The case a handle stands for in this session, if any. */
export function caseIdFromHandle(handle: string): string | undefined {
  return caseByHandle.get(handle);
}
