// Reading the sealed first page (first-page.ts) on open: the head and the page
// row in one read; trusted only when the page has the generation the head names
// (pageGenOf; a new page is put in one transaction with its head, so a kill
// between writes leaves either both old or both new). Null when there is no trusted page or when the whole
// index is already in memory at that generation (the full list is then as quick).
import { db } from '../db';
import { getDataKey } from '../session';
import { forLiveQuery, indexInMemory, isHead, isUsableHead, pageGenOf } from './case-index';
import { PAGE_ROW_ID, openFirstPage } from './first-page';
import type { FirstPage } from './first-page';

async function readFirstPage(key: CryptoKey, wrap: <T>(work: Promise<T>) => Promise<T>): Promise<FirstPage | null> {
  const [head, row] = await db.caseIndex.bulkGet(['head', PAGE_ROW_ID]);
  if (!isUsableHead(head) || row === undefined || isHead(row) || row.gen !== pageGenOf(head)) return null;
  if (indexInMemory()?.gen === head.gen) return null;
  const page = await wrap(openFirstPage(key, row));
  // openFirstPage checked the ciphertext's generation against the row's, checked above.
  return getDataKey() === key ? page : null;
}

/** Querier for liveQuery: the trusted first page, null when there is none, undefined while locked. */
export async function readFirstPageLive(): Promise<FirstPage | null | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  // Never a reason to hold the full list back: any failure here means no page.
  return readFirstPage(key, forLiveQuery).catch(() => null);
}

/** The trusted first page outside a live query (tests, bench). */
export function readFirstPageNow(key: CryptoKey): Promise<FirstPage | null> {
  return readFirstPage(key, (work) => work);
}
