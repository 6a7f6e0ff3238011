// After unlock: moving existing cases to their own key (issue 18) can take a
// moment on a large logbook; the worker sees how far it is. Everything stays
// usable meanwhile.
import { useCaseKeyMigration } from '../data/case-key-migration-hooks';
import { nl } from '../i18n/catalogue';

export function CaseKeyMigrationStatus() {
  const migration = useCaseKeyMigration();
  if (migration.phase === 'running') {
    return (
      <p className="notice" role="status">
        {nl.caseKeys.progress(migration.done, migration.total)}
      </p>
    );
  }
  if (migration.phase === 'failed') {
    return (
      <p className="notice" role="status">
        {nl.caseKeys.failed}
      </p>
    );
  }
  return null;
}
