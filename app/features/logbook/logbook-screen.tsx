// The Logboek route: the case list at '/', a new incident at
// '/dossier/nieuw' and one case at '/dossier/<handle>' (a per-session
// handle, never the case id: app/shell/case-url.ts).
import { caseIdFromHandle } from '../../shell/case-url';
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
    return <CaseDetailView key={segment} id={caseIdFromHandle(decodeURIComponent(segment)) ?? ''} />;
  }
  return <CaseListView />;
}
