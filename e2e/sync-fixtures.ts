// Fixtures for sync tests: one embedded CouchDB-protocol server per test
// worker, and the app server proxying same-origin /sync/ to it. Each test gets
// its own account (and so its own database), so tests never see each other's data.
import { randomBytes } from 'node:crypto';
import { startServer } from '../scripts/serve.mjs';
import { distDir, test as base } from './fixtures';
import { startSyncServer, type TestSyncServer } from './sync-server';

export { expect } from './fixtures';

interface SyncWorkerFixtures {
  syncServer: TestSyncServer;
}

interface SyncTestFixtures {
  /** A fresh account on the sync server: name, password and its database. */
  syncAccount: { account: string; password: string; db: string };
}

export const test = base.extend<SyncTestFixtures, SyncWorkerFixtures>({
  syncServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const sync = await startSyncServer();
      await use(sync);
      await sync.close();
    },
    { scope: 'worker' },
  ],
  server: [
    async ({ syncServer }, use) => {
      const server = await startServer({ root: distDir, syncTarget: syncServer.url });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  syncAccount: async ({ syncServer }, use) => {
    const account = `werker${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('base64url');
    const { db } = await syncServer.createAccount(account, password);
    await use({ account, password, db });
  },
});
