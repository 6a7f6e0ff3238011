// The export screen (locked route /export): need-to-know summary, anonymised
// auditor figures and the audit log. Lazy-loaded from app/screens.tsx, so none
// of this is on the lock screen's path. No case is ever chosen through the
// URL: a case id there would outlive erasure in the browser history.
import { lazy, Suspense } from 'react';

import { useTeamPresent } from '../../data/team/presence';
import { nl } from '../../i18n/catalogue';
import { Page } from '../../shell/page';
import { AggregatesSection } from './aggregates-section';
import { AuditLogSection } from './audit-log-section';
import { SummarySection } from './summary-section';
import './export.css';

const t = nl.export;
// Team figures (issue 21): loaded only on a device that is in a team.
const TeamFiguresSection = lazy(() =>
  import('./team-figures-section').then((m) => ({ default: m.TeamFiguresSection })),
);

export function ExportScreen() {
  const inTeam = useTeamPresent();
  return (
    <Page title={nl.shell.nav.export}>
      <p className="lead no-print">{t.intro}</p>
      <nav className="export-nav no-print" aria-label={t.sectionsNav}>
        <ul className="link-list">
          <li>
            <a href="#samenvatting">{t.summary.title}</a>
          </li>
          <li>
            <a href="#auditor">{t.audit.title}</a>
          </li>
          {inTeam ? (
            <li>
              <a href="#teamcijfers">{t.teamFiguresLink}</a>
            </li>
          ) : null}
          <li>
            <a href="#auditlog">{t.log.title}</a>
          </li>
        </ul>
      </nav>
      <SummarySection />
      <AggregatesSection />
      {inTeam ? (
        <Suspense fallback={null}>
          <TeamFiguresSection />
        </Suspense>
      ) : null}
      <AuditLogSection />
    </Page>
  );
}
