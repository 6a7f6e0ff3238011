// Warns as soon as a real name of a betrokkene is typed into a free-text
// field, and offers to write the pseudonym instead (issue 14: names typed
// into free text are still names; the rule is schema/name-redaction.ts).
import type { Party } from '../../../schema/records/party';
import { realNameWarnings, withPseudonyms } from '../../../schema/name-redaction';
import { nl } from '../../i18n/catalogue';

const t = nl.logbook.names;

export function NameWarning({
  text,
  parties,
  onReplace,
  where,
}: {
  text: string;
  parties: readonly Party[];
  onReplace: (text: string) => void;
  /** Which field, for a unique button name when several forms are open (e.g. t.inNewNote). */
  where?: string | undefined;
}) {
  const warnings = realNameWarnings(text, parties);
  if (warnings.length === 0) return null;
  return (
    <div className="callout" role="status">
      <p>{t.warning}</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.ownerId}|${w.found}`}>{t.suggestion(w.found, w.pseudonym)}</li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        aria-label={where === undefined ? undefined : t.replaceIn(where)}
        onClick={() => onReplace(withPseudonyms(text, parties))}
      >
        {t.replace}
      </button>
    </div>
  );
}
