// The "tegenstrijdige wijziging" items of a case (issue 20): each shows the
// differing values of one field; the worker chooses one. Renders nothing
// when the case has none.
import { useState } from 'react';

import { resolveConflict, useCaseConflicts } from '../data/sync/conflicts';
// Its own catalogue section, imported directly so the strings load with the sync chunks.
import { syncStatus } from '../i18n/nl/sync-status';

const t = syncStatus.conflicts;

const KIND: Record<string, string> = {
  case: 'dossier',
  party: 'betrokkene',
  consent: 'toestemming',
  assessment: 'inschatting',
  followup: 'opvolging',
  referral: 'doorverwijzing',
  step: 'stap',
  takedown: 'offline halen',
};

function shown(value: unknown): string {
  if (value === null || value === '') return t.empty;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function CaseConflicts({ caseId }: { caseId: string }) {
  const conflicts = useCaseConflicts(caseId);
  const [message, setMessage] = useState('');
  if (!conflicts || conflicts.length === 0) {
    return message ? <p role="status">{message}</p> : null;
  }
  return (
    <section className="callout callout--warning" aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title">{t.title}</h2>
      <p>{t.intro}</p>
      <ul>
        {conflicts.map((c) => {
          const what = t.field(KIND[c.recordKind] ?? c.recordKind, c.field);
          return (
            <li key={c.id}>
              <p>{t.item(what)}</p>
              <div role="group" aria-label={t.item(what)}>
                {c.values.map((v, i) => (
                  <button
                    key={i}
                    type="button"
                    onClick={() => {
                      resolveConflict(c.id, i).then(
                        () => setMessage(t.chosen),
                        () => setMessage(t.failed),
                      );
                    }}
                  >
                    {t.choose(shown(v))}
                  </button>
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
