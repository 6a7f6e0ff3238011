// Test helper: one test server per test file, with a fresh local vault and
// server database per test. Kept apart from test-server.ts, which scripts/
// tests import under the Node-only type config (no DOM types for the vault).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { resetDatabase, TEST_PASSPHRASE } from '../test-utils';
import { createVault } from '../vault';
import { startTestCouch, type TestCouch } from './test-server';

/**
 * For a test file: one server for the file; before each test an empty local database, a new vault
 * and a fresh server database. Read `couch` and `db` inside the tests.
 */
export function couchPerTest(): { couch: TestCouch; db: string } {
  const state = { db: '' } as { couch: TestCouch; db: string };
  beforeAll(async () => {
    state.couch = await startTestCouch();
  });
  afterAll(() => state.couch.close());
  beforeEach(async () => {
    await resetDatabase();
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    state.db = await state.couch.createDb();
  });
  return state;
}
