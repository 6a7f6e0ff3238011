// The optional row-level log (issue 15): made from the cases already read for
// the figures' period, read from the records (it needs more than the case
// index holds), with a fresh key, recorded in the audit log, then saved.
// Labelled on screen and in the file as pseudonymised personal data.
import { useState } from 'react';

import type { AuditPeriod } from '../../../schema/audit-aggregates';
import { buildPseudonymisedLog, pseudonymisedLogToJson } from '../../../schema/pseudonymised-log';
import { readLogInputs } from '../../data/export-log-reads';
import { makeExportKeyedHash, recordPseudonymisedLogExport } from '../../data/export-reads';
import { nl } from '../../i18n/catalogue';
import { todayIso } from '../../ui/dates';
import { offerDownload } from '../../ui/download';
import { Button } from '../../ui/button';

const t = nl.export.audit.rowLog;

export function PseudonymisedLogButton({ period }: { period: AuditPeriod }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');

  async function make() {
    setState('busy');
    try {
      const { inputs } = await readLogInputs(period);
      const log = await buildPseudonymisedLog(inputs, period, todayIso(), await makeExportKeyedHash());
      await recordPseudonymisedLogExport();
      offerDownload(new Blob([pseudonymisedLogToJson(log)], { type: 'application/json' }), t.fileName(log.period));
      setState('done');
    } catch {
      setState('failed');
    }
  }

  return (
    <div className="export-row-log">
      <h3>{t.title}</h3>
      <p>
        <strong>{t.intro}</strong>
      </p>
      {/* A row per case can single a pupil out even where the tables hide nothing (type × age band × week). */}
      <p className="callout">{t.identifiable}</p>
      <div className="button-row">
        <Button type="button" className="button" disabled={state === 'busy'} onClick={() => void make()}>
          {state === 'busy' ? t.busy : t.download}
        </Button>
      </div>
      <p role="status">{state === 'done' ? t.done : state === 'failed' ? t.failed : ''}</p>
    </div>
  );
}
