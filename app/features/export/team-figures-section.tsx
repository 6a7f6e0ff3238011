// "Teamcijfers" (issue 21), loaded only on a device in a team: the team's
// suppressed figures per quarter as a coordinator signed them, after the
// signature was checked against the verified member list (coord-rounds.ts),
// with CSV and JSON downloads like the personal auditor figures. The auditor
// and the coordinators see this; nothing of a case is in it.

import { absoluteDateNl, brusselsDayOf } from '../../../schema/follow-up';
import { useCoordState } from '../../data/team/coord-view';
import { teamCoord } from '../../i18n/nl/team-coord';
import { AggregatesPreview } from './aggregates-section';
import { ExportSection } from './export-section';
import { Button } from '../../ui/button';
import { useTeamRefresh } from '../../ui/team-refresh-text';

const t = teamCoord;

export function TeamFiguresSection() {
  const state = useCoordState();
  const { busy, message, run: refresh } = useTeamRefresh(true);
  if (!state || (state.role !== 'auditor' && state.role !== 'coordinator')) return null;
  const figures = state.figures?.figures ?? [];
  return (
    <ExportSection
      id="teamcijfers"
      title={t.figures.title}
      intro={`${t.figures.intro} ${state.role === 'auditor' ? t.figures.auditorNote : t.figures.coordinatorNote}`}
    >
      <div className="button-row">
        <Button type="button" className="button" disabled={busy} onClick={() => void refresh()}>
          {busy ? t.refreshing : t.refresh}
        </Button>
      </div>
      <p role="status" className="export-status">
        {message}
      </p>
      {state.figures && state.figures.refused > 0 ? (
        <p className="callout" role="alert">
          {t.figures.refused(state.figures.refused)}
        </p>
      ) : null}
      {figures.length === 0 ? <p>{t.figures.empty}</p> : null}
      {figures.map((f) => {
        const period = f.figures.aggregates.period;
        return (
          <section key={period} aria-label={t.figures.period(period)} className="team-figures">
            <h3>{t.figures.period(period)}</h3>
            <p>{t.figures.signed(f.signer.name, absoluteDateNl(brusselsDayOf(f.signedAt)))}</p>
            <p>
              {t.figures.members(f.figures.members, f.figures.countedFrom && absoluteDateNl(f.figures.countedFrom))}
            </p>
            <AggregatesPreview
              result={f.figures.aggregates}
              files={{
                csv: t.figures.downloadCsv(period),
                json: t.figures.downloadJson(period),
                name: (ext) => t.figures.fileName(period, ext),
              }}
            />
          </section>
        );
      })}
    </ExportSection>
  );
}
