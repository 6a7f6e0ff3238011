import type { Page } from '@playwright/test';

/**
 * Reads every IndexedDB database of the page's origin with the plain
 * `indexedDB` API and returns all rows as text: strings as they are, bytes
 * decoded as UTF-8 and as Latin-1, so a plaintext marker cannot hide in a
 * typed array.
 */
export async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const utf8 = new TextDecoder('utf-8', { fatal: false });
    const latin1 = new TextDecoder('latin1');
    const visit = (value: unknown): void => {
      if (value === null || value === undefined) return;
      if (typeof value === 'string') parts.push(value);
      else if (typeof value === 'number' || typeof value === 'boolean') parts.push(String(value));
      else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes =
          value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        parts.push(utf8.decode(bytes), latin1.decode(bytes));
      } else if (Array.isArray(value)) value.forEach(visit);
      else if (typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          parts.push(key);
          visit(inner);
        }
      }
    };
    const databases = await indexedDB.databases();
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        parts.push(`[${info.name}/${storeName}: ${rows.length} rows]`);
        rows.forEach(visit);
      }
      db.close();
    }
    return parts.join('\n');
  });
}
