// The Logboek route: the case list at '/', a new incident at
// '/dossier/nieuw' and one case at '/dossier/<handle>' (a per-session
// handle, never the case id: app/shell/case-url.ts).
import { nl } from '../../i18n/catalogue';
import { caseIdFromHandle } from '../../shell/case-url';
import { Link } from '../../shell/link';
import { Page } from '../../shell/page';
import { usePath } from '../../shell/router';
import { CaseDetailView } from './case-detail-view';
import { CaseListView } from './case-list-view';
import { NewCaseView } from './new-case-view';
import './logbook.css';

export function LogbookScreen() {
  const path = usePath().replace(/\/+$/, '');
  const match = /^\/dossier\/([^/]+)$/.exec(path);
  const segment = match?.[1];
  if (segment === 'nieuw') return <NewCaseView />;
  if (segment !== undefined) {
    const caseId = caseIdFromHandle(decodeURIComponent(segment));
    return caseId === undefined ? <CaseLinkExpired /> : <CaseDetailView key={segment} id={caseId} />;
  }
  return <CaseListView />;
}

/** After a reload or in another tab: the address names no case here (by design), so say how to get back to it. */
function CaseLinkExpired() {
  const t = nl.logbook;
  return (
    <Page title={t.caseLinkExpired}>
      <p>{t.caseLinkExpiredBody}</p>
      <p>
        <Link href="/">{t.backToList}</Link>
      </p>
    </Page>
  );
}
