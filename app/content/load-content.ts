// Loads the versioned knowledge files from /content/ (same origin; the service
// worker precaches them, so this works offline). Files are cached in memory
// for the lifetime of the page.
//
// The full zod validation of these files runs at build time (the build fails
// on invalid content, scripts/content-check-plugin.ts) and in the unit tests.
// At run time the files come from the same precache as the code itself, so a
// second full parse would add no protection, only the schema library to the
// lock screen's critical path. Here we check the envelope (kind and version)
// so a wrong or damaged file is still refused with a calm message.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { contentFiles, ContentFileName } from '../../schema/content';

/** The parsed, typed contents of one file in public/content/. */
export type ContentData<F extends ContentFileName> = z.infer<(typeof contentFiles)[F]>;

export type ContentState<F extends ContentFileName> =
  { status: 'loading' } | { status: 'ready'; data: ContentData<F> } | { status: 'error'; retry: () => void };

/** Why a content file could not be used; the UI shows one calm message for all. */
export class ContentLoadError extends Error {
  constructor(
    readonly fileName: ContentFileName,
    readonly reason: 'network' | 'http' | 'json' | 'schema',
    detail?: string,
  ) {
    super(`content ${fileName}: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'ContentLoadError';
  }
}

const parsed = new Map<ContentFileName, unknown>();
const inFlight = new Map<ContentFileName, Promise<unknown>>();

async function fetchAndParse<F extends ContentFileName>(fileName: F): Promise<ContentData<F>> {
  let response: Response;
  try {
    response = await fetch(`/content/${fileName}`, { credentials: 'same-origin' });
  } catch (error) {
    throw new ContentLoadError(fileName, 'network', String(error));
  }
  if (!response.ok) throw new ContentLoadError(fileName, 'http', String(response.status));
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new ContentLoadError(fileName, 'json', String(error));
  }
  const expectedKind = fileName.replace(/\.json$/, '');
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { kind?: unknown }).kind !== expectedKind ||
    typeof (json as { contentVersion?: unknown }).contentVersion !== 'string'
  ) {
    throw new ContentLoadError(fileName, 'schema', `expected kind ${expectedKind}`);
  }
  // Build-validated against contentFiles[fileName]; see the header comment.
  return json as ContentData<F>;
}

/** The parsed file if it was loaded before, without fetching. */
export function peekContent<F extends ContentFileName>(fileName: F): ContentData<F> | undefined {
  return parsed.get(fileName) as ContentData<F> | undefined;
}

/**
 * Fetches `/content/<fileName>` and validates it with its schema. Resolves
 * from memory after the first success; concurrent calls share one request.
 * Offline it is served from the service worker's precache. Rejects with a
 * ContentLoadError on network, HTTP, JSON or schema failure, and a later call
 * tries again.
 */
export function loadContent<F extends ContentFileName>(fileName: F): Promise<ContentData<F>> {
  const cached = peekContent(fileName);
  if (cached !== undefined) return Promise.resolve(cached);
  const pending = inFlight.get(fileName) as Promise<ContentData<F>> | undefined;
  if (pending) return pending;
  const request = fetchAndParse(fileName)
    .then((data) => {
      parsed.set(fileName, data);
      return data;
    })
    .finally(() => inFlight.delete(fileName));
  inFlight.set(fileName, request);
  return request;
}

function initialState<F extends ContentFileName>(fileName: F): ContentState<F> {
  const cached = peekContent(fileName);
  return cached === undefined ? { status: 'loading' } : { status: 'ready', data: cached };
}

/** The content file as loading / ready (typed per file name) / error with a retry. */
export function useContent<F extends ContentFileName>(fileName: F): ContentState<F> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ fileName: F; attempt: number; value: ContentState<F> }>(() => ({
    fileName,
    attempt: 0,
    value: initialState(fileName),
  }));

  useEffect(() => {
    let active = true;
    loadContent(fileName).then(
      (data) => {
        if (active) setState({ fileName, attempt, value: { status: 'ready', data } });
      },
      (error: unknown) => {
        console.warn(error);
        if (active) {
          setState({
            fileName,
            attempt,
            value: { status: 'error', retry: () => setAttempt((n) => n + 1) },
          });
        }
      },
    );
    return () => {
      active = false;
    };
  }, [fileName, attempt]);

  // A changed file name or a retry shows "loading" (or the cache) until the effect settles.
  return state.fileName === fileName && state.attempt === attempt ? state.value : initialState(fileName);
}
