// The audit log: show the current anchor code, save the chain as a JSON
// file, and "Auditlog controleren": open an exported log and verify it. The
// file input takes only .json, is size-checked before reading, and the text
// is validated with zod (inside the verifier) before anything is hashed.
import { OwnFileInput } from '../../ui/own-file-input';
import { useId, useRef, useState } from 'react';

import { AUDIT_LOG_MAX_BYTES, normalizeAnchor } from '../../../schema/audit-chain';
import type { ChainVerdict } from '../../../schema/audit-chain';
import { verifyAuditLogText } from '../../data/audit-log';
import type { AuditLogExport } from '../../data/audit-log';
import { exportAuditLogFile } from '../../data/export-reads';
import { useAuditAnchor } from '../../data/hooks';
import { nl } from '../../i18n/catalogue';
import { controlProps, FieldFrame, TextField } from '../../ui/field';
import { todayIso } from '../../ui/dates';
import { focusFirstInvalid } from '../../ui/focus';
import { offerDownload } from '../../ui/download';
import { textValue, typedCode } from '../../ui/use-operation-form';
import { ExportSection } from './export-section';
import { Button } from '../../ui/button';

/**
 * The types a browser gives a .json audit log: mail and cloud drives often hand it over as text or
 * bytes. Anything else (an image renamed .json) is refused before reading; the content is checked anyway.
 */
const JSON_FILE_TYPES = new Set(['', 'application/json', 'text/json', 'text/plain', 'application/octet-stream']);

const t = nl.export.log;
const tc = nl.auditChains;

type ExportState =
  | { phase: 'idle' }
  | { phase: 'busy' }
  | {
      phase: 'done';
      events: number;
      damaged: number;
      headMatches: boolean;
      otherChains: AuditLogExport['otherChains'];
      unattached: number;
    }
  | { phase: 'failed' };
type VerifyState =
  { phase: 'idle' } | { phase: 'busy' } | { phase: 'done'; verdict: ChainVerdict; anchorGiven: boolean };

function verdictText(verdict: ChainVerdict, anchorGiven: boolean): string {
  if (verdict.valid)
    return `${t.valid(verdict.events, verdict.anchor)} ${anchorGiven ? t.validAnchor : t.validNoAnchor}`;
  return t.invalid(verdict.firstBrokenSeq, t.reasons[verdict.reason]);
}

export function AuditLogSection() {
  // A live read of the chain head: it changes after every summary and download, here or in another section.
  const anchor = useAuditAnchor();
  const [exportState, setExportState] = useState<ExportState>({ phase: 'idle' });

  async function download() {
    setExportState({ phase: 'busy' });
    try {
      const today = todayIso();
      const result = await exportAuditLogFile(today);
      offerDownload(new Blob([result.text], { type: 'application/json' }), t.fileName(today));
      setExportState({
        phase: 'done',
        events: result.file.events.length,
        damaged: result.damaged,
        headMatches: result.headMatchesDevice,
        otherChains: result.otherChains,
        unattached: result.unattached,
      });
    } catch {
      setExportState({ phase: 'failed' });
    }
  }

  return (
    <ExportSection id="auditlog" title={t.title} intro={t.intro}>
      <p>
        <strong>{t.personalData}</strong>
      </p>
      <p className="export-anchor">{anchor ? t.anchorNow(anchor) : anchor === null ? t.noAnchor : ''}</p>
      <div className="button-row">
        <Button
          type="button"
          className="button"
          disabled={exportState.phase === 'busy'}
          onClick={() => void download()}
        >
          {t.download}
        </Button>
      </div>
      <p role="status" className="export-status">
        {exportState.phase === 'busy'
          ? t.exporting
          : exportState.phase === 'done'
            ? [
                t.exported(exportState.events),
                exportState.damaged > 0 ? t.damaged(exportState.damaged) : '',
                exportState.headMatches ? '' : t.headMismatch,
              ]
                .filter(Boolean)
                .join(' ')
            : exportState.phase === 'failed'
              ? t.exportFailed
              : ''}
      </p>
      {exportState.phase === 'done' && (exportState.otherChains.length > 0 || exportState.unattached > 0) ? (
        <div className="export-other-chains">
          <p>{tc.otherIntro}</p>
          <ul>
            {exportState.otherChains.map((c) => (
              <li key={c.anchor}>{tc.other(c.anchor, c.events, c.firstBrokenSeq)}</li>
            ))}
            {exportState.unattached > 0 ? <li>{tc.unattached(exportState.unattached)}</li> : null}
          </ul>
        </div>
      ) : null}
      <VerifyForm />
    </ExportSection>
  );
}

/** "Auditlog controleren"; `standalone` on its own page (the page's title names it, so no heading here). */
export function VerifyForm({ standalone = false }: { standalone?: boolean }) {
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [anchorText, setAnchorText] = useState('');
  const [anchorError, setAnchorError] = useState<string | null>(null);
  const [state, setState] = useState<VerifyState>({ phase: 'idle' });
  // Any change to the file or the anchor clears the last verdict.
  const idle = () => setState({ phase: 'idle' });
  const editAnchor = (text: string) => {
    setAnchorText(text);
    idle();
  };

  async function verify(form: HTMLFormElement) {
    idle();
    const file = fileRef.current?.files?.[0];
    let fileProblem: string | null = null;
    if (!file) fileProblem = t.fileRequired;
    else if (!/\.json$/i.test(file.name) || !JSON_FILE_TYPES.has(file.type)) fileProblem = t.fileWrongType;
    else if (file.size > AUDIT_LOG_MAX_BYTES) fileProblem = t.fileTooLarge;
    const trimmed = anchorText.trim();
    const anchorProblem = trimmed !== '' && normalizeAnchor(trimmed) === null ? t.anchorInvalid : null;
    setFileError(fileProblem);
    setAnchorError(anchorProblem);
    if (fileProblem || anchorProblem || !file) {
      // The first field with a problem takes focus (after the render that marks it).
      focusFirstInvalid(form);
      return;
    }
    setState({ phase: 'busy' });
    try {
      const text = await file.text();
      const verdict = await verifyAuditLogText(text, trimmed === '' ? undefined : trimmed);
      setState({ phase: 'done', verdict, anchorGiven: trimmed !== '' });
    } catch {
      setState({
        phase: 'done',
        verdict: { valid: false, firstBrokenSeq: null, reason: 'format' },
        anchorGiven: false,
      });
    }
  }

  return (
    <form
      className={standalone ? 'card' : 'export-verify'}
      noValidate
      autoComplete="off"
      onSubmit={(event) => {
        event.preventDefault();
        void verify(event.currentTarget);
      }}
    >
      {standalone ? null : <h3>{t.verifyTitle}</h3>}
      <p>{standalone ? t.verifyIntroStandalone : t.verifyIntro}</p>
      <FieldFrame id={fileId} label={t.file} hint={t.fileHint} error={fileError}>
        {(ids) => (
          <OwnFileInput
            accept=".json,application/json"
            ref={fileRef}
            {...controlProps(ids, fileError)}
            className="field__input export-file"
            onChange={() => {
              setFileError(null);
              idle();
            }}
          />
        )}
      </FieldFrame>
      <TextField
        label={t.anchor}
        hint={t.anchorHint}
        {...typedCode}
        error={anchorError}
        {...textValue(anchorText, editAnchor)}
      />
      <div className="button-row">
        <Button type="submit" className="button button--primary" disabled={state.phase === 'busy'}>
          {state.phase === 'busy' ? t.verifying : t.verify}
        </Button>
      </div>
      <p
        role="status"
        className={
          state.phase === 'done'
            ? `export-status export-verdict ${state.verdict.valid ? 'export-verdict--valid' : 'export-verdict--invalid'}`
            : 'export-status'
        }
      >
        {state.phase === 'done' ? verdictText(state.verdict, state.anchorGiven) : ''}
      </p>
    </form>
  );
}
