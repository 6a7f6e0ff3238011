// The notice when a content file could not be loaded, with a retry: the case
// page's checklist, referrals and conversation guide show the same one.
import { nl } from '../../i18n/core';

export function ContentError({ retry }: { retry: () => void }) {
  return (
    <p className="callout">
      {nl.knowledge.content.errorBody}{' '}
      <button type="button" className="link-button" onClick={retry}>
        {nl.knowledge.content.retry}
      </button>
    </p>
  );
}
