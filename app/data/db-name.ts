/** The IndexedDB database name, shared by Dexie (db.ts) and the raw meta access (meta-store.ts). */
export const DB_NAME = 'baken';
