// The embedded sync server's packages ship no types; scripts/sync-server.mjs
// uses them only through express-pouchdb's documented entry points.
declare module 'pouchdb-node';
declare module 'express-pouchdb';
