// Anonymised figures for the auditor: choose a quarter (never a month: see
// schema/audit-aggregates.ts), read the cases in batches (with progress),
// compute the suppressed tables, preview them and save them as CSV or JSON.
import { useId, useState } from 'react';

import { auditPeriodSchema, buildAuditAggregates, nothingToCount } from '../../../schema/audit-aggregates';
import { aggregatesToCsv, aggregatesToJson } from '../../../schema/audit-aggregates-file';
import type { AggregateInput, AggregateTable, AuditAggregates, AuditPeriod } from '../../../schema/audit-aggregates';
import { PseudonymisedLogButton } from './pseudonymised-log-button';
import { readAggregateInputs, recordAggregatesExport } from '../../data/export-reads';
import type { ExportProgress } from '../../data/export-reads';
import { nl } from '../../i18n/catalogue';
import { TextField } from '../../ui/field';
import { textValue } from '../../ui/use-operation-form';
import { SelectField } from '../../ui/select-field';
import { todayIso } from '../../ui/dates';
import { offerDownload } from '../../ui/download';
import { ExportSection } from './export-section';
import { focusFirstInvalid } from '../../ui/focus';
import { Button } from '../../ui/button';

const t = nl.export.audit;
const L = nl.export.summaryLabels;

type State =
  | { phase: 'idle' }
  | { phase: 'reading'; progress: ExportProgress }
  | { phase: 'ready'; result: AuditAggregates; inputs: AggregateInput[]; period: AuditPeriod }
  | { phase: 'failed' };

const quarterOptions = t.quarters.map((label, i) => ({ value: String(i + 1), label }));

function cellLabel(table: AggregateTable['id'], key: string): string {
  switch (table) {
    case 'types':
      return L.caseTypes[key as keyof typeof L.caseTypes] ?? key;
    case 'ageBands':
      return t.cells.ageBands[key as keyof typeof t.cells.ageBands] ?? key;
    case 'flags':
      return t.cells.flags[key as keyof typeof t.cells.flags] ?? key;
    case 'firstFollowUp':
      return t.cells.firstFollowUp[key as keyof typeof t.cells.firstFollowUp] ?? key;
    case 'followUps':
      return t.cells.followUps[key as keyof typeof t.cells.followUps] ?? key;
    case 'shares':
      return t.cells.shares[key as keyof typeof t.cells.shares] ?? key;
    case 'complaints':
    case 'otherSchools':
    case 'firstConversation':
      return t.cells.withOrWithout[key as keyof typeof t.cells.withOrWithout] ?? key;
    default:
      // The takedown tables (issue 15): done or not.
      return t.cells.takedown[key as keyof typeof t.cells.takedown] ?? key;
  }
}

/** A CSV row in words: "<caption>: <row label>", or a key figure's label. */
function csvDescription(table: string, cell: string): string {
  if (table === 'stats') return (statLabels as Record<string, string>)[cell] ?? cell;
  const caption = (t.tables as Record<string, string>)[table] ?? table;
  return `${caption}: ${cell === 'total' ? t.total : cellLabel(table as AggregateTable['id'], cell)}`;
}

/** Each key figure's label, in the order the table shows them (and the CSV describes them). */
const statLabels: Record<keyof AuditAggregates['stats'], string> = {
  medianDaysToFirstFollowUp: t.stats.medianDays,
  p90DaysToFirstFollowUp: t.stats.p90Days,
  pctFollowUpsOverdue: t.stats.pctOverdue,
  pctSharesWithConsent: t.stats.pctConsent,
  medianDaysToFirstConversation: t.stats.medianDaysConversation,
};

function shown(value: number | null): string {
  return value === null ? t.suppressed : String(value);
}

export function AggregatesSection() {
  const now = new Date();
  const [year, setYear] = useState(String(now.getFullYear()));
  const [quarter, setQuarter] = useState(String(Math.floor(now.getMonth() / 3) + 1));
  const [yearError, setYearError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const progressId = useId();

  async function make(form: HTMLFormElement) {
    const period: AuditPeriod = { kind: 'quarter', year: Number(year), quarter: Number(quarter) };
    const parsed = auditPeriodSchema.safeParse(period);
    if (!parsed.success || !/^\d{4}$/.test(year.trim())) {
      setYearError(t.yearInvalid);
      // Focus moves to the year, which reads out its error (aria-describedby).
      focusFirstInvalid(form);
      return;
    }
    setYearError(null);
    setState({ phase: 'reading', progress: { done: 0, total: 0 } });
    try {
      const { inputs } = await readAggregateInputs(parsed.data, (progress) => setState({ phase: 'reading', progress }));
      const result = buildAuditAggregates(inputs, parsed.data, todayIso());
      await recordAggregatesExport();
      setState({ phase: 'ready', result, inputs, period: parsed.data });
    } catch {
      setState({ phase: 'failed' });
    }
  }

  // A new year or quarter clears the figures of the last one.
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setState({ phase: 'idle' });
  };

  const busy = state.phase === 'reading';

  return (
    <ExportSection id="auditor" title={t.title} intro={t.intro}>
      <form
        noValidate
        autoComplete="off"
        onSubmit={(event) => {
          event.preventDefault();
          void make(event.currentTarget);
        }}
      >
        <div className="export-period">
          <TextField
            label={t.year}
            inputMode="numeric"
            autoComplete="off"
            error={yearError}
            {...textValue(year, edit(setYear))}
          />
          <SelectField label={t.quarterLabel} options={quarterOptions} {...textValue(quarter, edit(setQuarter))} />
        </div>
        <div className="button-row">
          <Button type="submit" className="button button--primary" disabled={busy}>
            {t.make}
          </Button>
        </div>
      </form>

      {state.phase === 'reading' ? (
        <div className="export-progress">
          <label htmlFor={progressId}>{t.progressLabel}</label>
          <progress id={progressId} max={Math.max(1, state.progress.total)} value={state.progress.done} />
        </div>
      ) : null}
      <p role="status" className="export-status">
        {state.phase === 'reading'
          ? t.progress(state.progress.done, state.progress.total)
          : state.phase === 'ready'
            ? t.ready
            : state.phase === 'failed'
              ? t.failed
              : ''}
      </p>

      {state.phase === 'ready' ? <AggregatesPreview result={state.result} /> : null}
      {state.phase === 'ready' ? <PseudonymisedLogButton period={state.period} /> : null}
    </ExportSection>
  );
}

/** The figures as tables, with CSV and JSON downloads; `files` names the buttons and files (team figures, issue 21). */
export function AggregatesPreview({
  result,
  files,
}: {
  result: AuditAggregates;
  files?: { csv: string; json: string; name: (ext: 'csv' | 'json') => string };
}) {
  const fileName = (ext: 'csv' | 'json'): string => files?.name(ext) ?? t.fileName(result.period, ext);
  // A figure with a base of 0 has nothing to count: said so, not "verborgen".
  const none = nothingToCount(result);
  const stat = (key: keyof AuditAggregates['stats']): string =>
    result.stats[key] === null && none.has(key) ? t.nothingToCount : shown(result.stats[key]);
  const stats = (Object.keys(statLabels) as Array<keyof AuditAggregates['stats']>).map((key): [string, string] => [
    statLabels[key],
    stat(key),
  ]);
  return (
    <>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            offerDownload(new Blob([aggregatesToCsv(result, csvDescription)], { type: 'text/csv' }), fileName('csv'))
          }
        >
          {files?.csv ?? t.downloadCsv}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            offerDownload(new Blob([aggregatesToJson(result)], { type: 'application/json' }), fileName('json'))
          }
        >
          {files?.json ?? t.downloadJson}
        </button>
      </div>
      <p className="field__hint">{t.suppressedHint}</p>
      {/* Explicit roles: at large text the tables stack (display: block, export.css), and some screen
          readers (WebKit) drop a table's semantics when its display changes. */}
      <div className="export-tables">
        <table className="export-table" role="table">
          <caption>{t.statsCaption}</caption>
          <tbody role="rowgroup">
            {stats.map(([label, value]) => (
              <tr key={label} role="row">
                <th scope="row" role="rowheader">
                  {label}
                </th>
                <td role="cell">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.tables.map((table) => (
          <table key={table.id} className="export-table" role="table">
            <caption>{t.tables[table.id]}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t.cell}
                </th>
                <th scope="col" role="columnheader">
                  {t.value}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {table.lessThanK ? (
                <tr className="export-table__total" role="row">
                  <th scope="row" role="rowheader">
                    {t.total}
                  </th>
                  <td role="cell">{t.lessThanK}</td>
                </tr>
              ) : (
                <>
                  {table.cells.map((c) => (
                    <tr key={c.key} role="row">
                      <th scope="row" role="rowheader">
                        {cellLabel(table.id, c.key)}
                      </th>
                      <td role="cell">{shown(c.value)}</td>
                    </tr>
                  ))}
                  <tr className="export-table__total" role="row">
                    <th scope="row" role="rowheader">
                      {t.total}
                    </th>
                    <td role="cell">{table.total}</td>
                  </tr>
                </>
              )}
            </tbody>
          </table>
        ))}
      </div>
    </>
  );
}
