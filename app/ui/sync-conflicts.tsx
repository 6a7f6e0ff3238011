// The "tegenstrijdige wijziging" items of a case (issue 20): each shows the
// differing values of one field; the worker chooses one. Renders nothing
// when the case has none. Names and values read as on the case page
// (./sync-conflict-text.ts).
import { useMemo, useState } from 'react';

import { resolveConflict, useCaseConflicts } from '../data/sync/conflicts';
// Its own catalogue section, imported directly so the strings load with the sync chunks.
import { syncStatus } from '../i18n/nl/sync-status';
import { conflictChoices, conflictWhat, type ConflictContext } from './sync-conflict-text';

const t = syncStatus.conflicts;

export function CaseConflicts({
  caseId,
  parties,
}: {
  caseId: string;
  /** The case's betrokkenen, so a value that names one shows the pseudonym. */
  parties: ReadonlyArray<{ id: string; pseudonym: string }>;
}) {
  const conflicts = useCaseConflicts(caseId);
  const [message, setMessage] = useState('');
  const context = useMemo<ConflictContext>(
    () => ({ pseudonyms: new Map(parties.map((p) => [p.id, p.pseudonym])) }),
    [parties],
  );
  if (!conflicts || conflicts.length === 0) {
    return message ? <p role="status">{message}</p> : null;
  }
  return (
    <section className="callout callout--warning sync-conflicts" aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title">{t.title}</h2>
      <p>{t.intro}</p>
      <ul>
        {conflicts.map((c) => {
          const what = t.item(conflictWhat(c, context));
          const choices = conflictChoices(c, context);
          return (
            <li key={c.id}>
              <p>{what}</p>
              <div role="group" aria-label={what} className="sync-conflicts__choices">
                {choices.map((choice, i) => (
                  <div key={i} className="sync-conflicts__choice">
                    {choice.showFull ? (
                      <p className="preserve-lines">
                        <strong>{t.valueNumbered(i + 1)}</strong> {choice.full}
                      </p>
                    ) : null}
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        resolveConflict(c.id, i).then(
                          () => setMessage(t.chosen),
                          () => setMessage(t.failed),
                        );
                      }}
                    >
                      {choice.button}
                    </button>
                  </div>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      <p role="status">{message}</p>
    </section>
  );
}
