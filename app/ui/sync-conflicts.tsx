// The "tegenstrijdige wijziging" items of a case (issue 20): each shows the
// differing values of one field; the worker chooses one. Renders nothing
// when the case has none. Names and values read as on the case page
// (./sync-conflict-text.ts).
import { useMemo, useRef, useState } from 'react';

import { resolveConflict, useCaseConflicts } from '../data/sync/conflicts';
// Its own catalogue section, imported directly so the strings load with the sync chunks.
import { syncStatus } from '../i18n/nl/sync-status';
import { useFocusAfterSwap } from './focus';
import {
  conflictChoices,
  conflictContext,
  conflictWhat,
  isSensitiveConflict,
  type ConflictContext,
} from './sync-conflict-text';
import type { SyncConflict } from '../../schema/sync-conflict';

const t = syncStatus.conflicts;

export function CaseConflicts({
  caseId,
  parties,
  consents,
  followUps,
  inNl,
}: {
  caseId: string;
  /** The case's betrokkenen, so a value that names one shows the pseudonym. */
  parties: ReadonlyArray<{ id: string; pseudonym: string }>;
  /** The case's consents, so an item about one names it as its card does. */
  consents: Parameters<typeof conflictContext>[1];
  /** The case's follow-ups, so an item about one names its purpose. */
  followUps: Parameters<typeof conflictContext>[2];
  /** A case under Dutch rules: values in its own words. */
  inNl: boolean;
}) {
  const conflicts = useCaseConflicts(caseId);
  const [message, setMessage] = useState('');
  const sectionRef = useRef<HTMLElement>(null);
  const focusAfter = useFocusAfterSwap(conflicts);
  const context = useMemo(
    () => conflictContext(parties, consents, followUps, inNl),
    [parties, consents, followUps, inNl],
  );
  const open = conflicts !== undefined && conflicts.length > 0;
  return (
    <>
      {open ? (
        <section
          ref={sectionRef}
          className="callout callout--warning sync-conflicts"
          aria-labelledby="sync-conflicts-title"
        >
          <h2 id="sync-conflicts-title" tabIndex={-1}>
            {t.title}
          </h2>
          <p>{t.intro}</p>
          <ul>
            {conflicts.map((c) => (
              <ConflictItem
                key={c.id}
                conflict={c}
                context={context}
                onChoose={(i) => {
                  setMessage('');
                  resolveConflict(c.id, i, t.notChosen).then(
                    () => {
                      // The chosen item leaves the page, and its button with it: focus goes to the
                      // items still open, or else to the case's heading.
                      focusAfter(
                        () =>
                          document.getElementById('sync-conflicts-title') ?? document.querySelector<HTMLElement>('h1'),
                        () => sectionRef.current,
                      );
                      setMessage(t.chosen);
                    },
                    () => setMessage(t.failed),
                  );
                }}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {/* Always on the page, so what a choice did is announced (a live region that arrives with its text is not). */}
      <p role="status" className="sync-conflicts__status">
        {message}
      </p>
    </>
  );
}

/**
 * One item: what differs and a button per value. An item about a real name shows its values
 * (and so its buttons) only after "Toon echte namen", as the Betrokkenen section does.
 */
function ConflictItem({
  conflict,
  context,
  onChoose,
}: {
  conflict: SyncConflict;
  context: ConflictContext;
  onChoose: (index: number) => void;
}) {
  const sensitive = isSensitiveConflict(conflict);
  const [shown, setShown] = useState(!sensitive);
  const what = t.item(conflictWhat(conflict, context));
  const choices = conflictChoices(conflict, context);
  const whatId = `conflict-${conflict.id}`;
  const choicesId = `conflict-${conflict.id}-choices`;
  return (
    <li>
      <p id={whatId}>{what}</p>
      {sensitive ? (
        <p>
          {shown ? null : <>{t.hiddenNames} </>}
          <button
            type="button"
            className="link-button"
            aria-expanded={shown}
            aria-controls={choicesId}
            aria-describedby={whatId}
            onClick={() => setShown((v) => !v)}
          >
            {shown ? t.hideNames : t.showNames}
          </button>
        </p>
      ) : null}
      {shown ? (
        <div
          id={choicesId}
          role="group"
          aria-label={what}
          className={`sync-conflicts__choices${sensitive ? ' sensitive' : ''}`}
        >
          {choices.map((choice, i) => (
            <div key={i} className="sync-conflicts__choice">
              {choice.showFull ? (
                <p className="preserve-lines">
                  <strong>{t.valueNumbered(i + 1)}</strong> {choice.full}
                </p>
              ) : null}
              <button type="button" className="button" onClick={() => onChoose(i)}>
                {choice.button}
              </button>
            </div>
          ))}
        </div>
      ) : null}
    </li>
  );
}
