// Need-to-know summary: choose a case and a recipient, make the summary
// (which records an audit event first), read the preview, then print it or
// copy it as text. Changing the case or recipient drops the made summary, so
// what is printed always matches the choice.
import { hasContactDetails } from '../../../schema/contact-details';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

import { buildSummary, depictedAwaitingConsent, summaryRecipients } from '../../../schema/summary';
import {
  factLines,
  formatDateBe,
  partyText,
  sourceText,
  summaryToText,
  withheldText,
  type SummaryLabels,
} from '../../../schema/summary-text';
import type { Summary, SummaryRecipient } from '../../../schema/summary';
import { caseHasOpenConflicts, readCaseDetail, useCaseList } from '../../data/case-hooks';
import type { OkCaseListItem } from '../../data/case-hooks';
import { recordSummaryExport } from '../../data/export-reads';
import { useSettings } from '../../data/settings';
import { caseJurisdiction, type Jurisdiction } from '../../../schema/settings';
import { nl } from '../../i18n/catalogue';
import { RadioGroup } from '../../ui/choice-group';
import { SelectField } from '../../ui/select-field';
import { copyCaseText } from '../../ui/clipboard';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { todayIso } from '../../ui/dates';
import { Button } from '../../ui/button';

const t = nl.export.summary;
const L = nl.export.summaryLabels;
/** The document's words for a case under `jurisdiction`'s rules ("aangifte" in the Netherlands). */
const labelsOf = (jurisdiction: Jurisdiction): SummaryLabels =>
  jurisdiction === 'nederland' ? nl.export.summaryLabelsNl : L;

type State =
  | { phase: 'idle' }
  | { phase: 'making' }
  | { phase: 'ready'; summary: Summary; labels: SummaryLabels; anchor: string | null; text: string; awaiting: string[] }
  | { phase: 'failed'; message: string };

const recipientOptions = summaryRecipients.map((value) => ({ value, label: L.recipients[value] }));
/** A case in the Netherlands has no other CLB to write for. */
const recipientOptionsNl = recipientOptions.filter((o) => o.value !== 'ander-clb');

export function SummarySection() {
  const items = useCaseList();
  const settings = useSettings();
  const [caseId, setCaseId] = useState('');
  const [recipient, setRecipient] = useState<SummaryRecipient>('school');
  const [caseError, setCaseError] = useState<string | null>(null);
  // The chosen case's Rechtsgebied (read when it is chosen; the list does not hold it).
  const [caseInNl, setCaseInNl] = useState(false);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [confirmCopy, setConfirmCopy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const caseSelect = useRef<HTMLSelectElement>(null);

  const cases = useMemo(
    () =>
      (items ?? [])
        .filter((item): item is OkCaseListItem => item.ok)
        .sort((a, b) => (a.reference < b.reference ? 1 : a.reference > b.reference ? -1 : 0)),
    [items],
  );
  const caseOptions = cases.map((c) => ({ value: c.id, label: t.caseOption(c.reference, t.statuses[c.status]) }));

  function reset() {
    setState({ phase: 'idle' });
    setCopyStatus('idle');
  }

  useEffect(() => {
    let current = true;
    // No case chosen yet: the device's Rechtsgebied (a Dutch care team saw "een ander CLB" offered).
    if (caseId === '') setCaseInNl(settings.jurisdiction === 'nederland');
    else
      void readCaseDetail(caseId)
        .then((detail) => {
          if (!current) return;
          const inNl = detail ? caseJurisdiction(detail.case, settings) === 'nederland' : false;
          setCaseInNl(inNl);
          if (inNl) setRecipient((r) => (r === 'ander-clb' ? 'school' : r));
        })
        .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [caseId, settings]);

  async function make() {
    if (caseId === '') {
      // The error is on the page before focus lands on the field, so it is read with it.
      flushSync(() => setCaseError(t.caseRequired));
      caseSelect.current?.focus();
      return;
    }
    setCaseError(null);
    setCopyStatus('idle');
    setState({ phase: 'making' });
    try {
      const detail = await readCaseDetail(caseId);
      if (!detail) {
        setState({ phase: 'failed', message: t.caseGone });
        return;
      }
      // A value waiting in a sync conflict (another real name, another withdrawal) is not what the summary
      // is judged on: until the worker chooses, it could share what it should leave out.
      if (await caseHasOpenConflicts(caseId)) {
        setState({ phase: 'failed', message: t.conflictsOpen });
        return;
      }
      // The case's own Rechtsgebied: changing the device setting never re-judges its consents.
      const jurisdiction = caseJurisdiction(detail.case, settings);
      // Chosen before the case's Rechtsgebied was read: a case in the Netherlands has no other CLB.
      if (jurisdiction === 'nederland' && recipient === 'ander-clb') {
        setCaseInNl(true);
        setRecipient('school');
        setState({ phase: 'idle' });
        return;
      }
      const onDate = todayIso();
      const summary = buildSummary(detail, recipient, onDate, {
        jurisdiction,
        nameReplacement: (party) => partyText({ ...party, pseudonym: undefined }, L),
        contactReplacement: t.contactLeftOut,
        classReplacement: t.classLeftOut,
        imageLinkReplacement: t.imageLinkLeftOut,
      });
      const awaiting = depictedAwaitingConsent(detail, recipient, onDate, { jurisdiction });
      // The audit event comes first: no summary is shown unless it was recorded.
      const { anchor } = await recordSummaryExport({
        caseId,
        recipient,
        categories: summary.shared,
        parts: summary.sections.flatMap((section) => section.sources),
      });
      const labels = labelsOf(jurisdiction);
      setState({ phase: 'ready', summary, labels, anchor, text: summaryToText(summary, labels, { anchor }), awaiting });
    } catch {
      setState({ phase: 'failed', message: t.failed });
    }
  }

  // Asked first: the text holds the case number and often names, and other apps can read the clipboard.
  async function copy(text: string) {
    setConfirmCopy(false);
    const ok = await copyCaseText(text);
    setCopyStatus(ok ? 'copied' : 'failed');
    if (!ok) requestAnimationFrame(() => textRef.current?.select());
  }

  return (
    <section className="export-section card" aria-labelledby="samenvatting" id="samenvatting-section">
      <h2 id="samenvatting" tabIndex={-1} className="no-print">
        {t.title}
      </h2>
      <div className="no-print">
        <p>{t.intro}</p>
        {items === undefined ? (
          <p role="status">{t.loadingCases}</p>
        ) : cases.length === 0 ? (
          <p>{t.noCases}</p>
        ) : (
          <form
            noValidate
            autoComplete="off"
            onSubmit={(event) => {
              event.preventDefault();
              void make();
            }}
          >
            <SelectField
              ref={caseSelect}
              label={t.case}
              placeholder={t.chooseCase}
              options={caseOptions}
              value={caseId}
              error={caseError}
              onChange={(event) => {
                setCaseId(event.target.value);
                reset();
              }}
            />
            <RadioGroup
              legend={t.recipient}
              name="summary-recipient"
              options={caseInNl ? recipientOptionsNl : recipientOptions}
              value={recipient}
              onChange={(value) => {
                setRecipient(value);
                reset();
              }}
            />
            <div className="button-row">
              <Button type="submit" className="button button--primary" disabled={state.phase === 'making'}>
                {state.phase === 'making' ? t.making : t.make}
              </Button>
            </div>
          </form>
        )}
        <p role="status" className="export-status">
          {state.phase === 'failed' ? state.message : state.phase === 'ready' ? t.ready : ''}
        </p>
      </div>

      {state.phase === 'ready' ? (
        <>
          <p className="field__hint no-print">{t.previewHint}</p>
          {state.awaiting.length > 0 ? (
            <p className="callout no-print">{t.awaitingDepicted(state.awaiting.join(', '))}</p>
          ) : null}
          {state.summary.namesSharePart ? <p className="callout no-print">{t.namesSharePart}</p> : null}
          {state.summary.contactsLeftOut ? <p className="callout no-print">{t.contactsLeftOut}</p> : null}
          {hasContactDetails(state.text) ? <p className="callout no-print">{t.contactDetails}</p> : null}
          <SummaryDocument summary={state.summary} labels={state.labels} anchor={state.anchor} />
          <div className="button-row no-print">
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              {t.print}
            </button>
            <button type="button" className="button" onClick={() => setConfirmCopy(true)}>
              {t.copy}
            </button>
          </div>
          <ConfirmDialog
            open={confirmCopy}
            title={t.copyConfirmTitle}
            confirmLabel={t.copyConfirm}
            cancelLabel={t.copyCancel}
            onConfirm={() => void copy(state.text)}
            onCancel={() => setConfirmCopy(false)}
          >
            <p>{t.copyConfirmBody}</p>
          </ConfirmDialog>
          <p className="field__hint no-print">{t.pageNumbers}</p>
          <p role="status" className="export-status no-print">
            {copyStatus === 'copied' ? t.copied : copyStatus === 'failed' ? t.copyFailed : ''}
          </p>
          {copyStatus === 'failed' ? (
            <div className="field no-print">
              <label className="field__label" htmlFor="summary-text">
                {t.textLabel}
              </label>
              <textarea
                id="summary-text"
                ref={textRef}
                className="field__input field__textarea summary-text"
                readOnly
                value={state.text}
                rows={12}
              />
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The summary as a document; the same markup is previewed and printed. */
function SummaryDocument({
  summary,
  labels: L,
  anchor,
}: {
  summary: Summary;
  labels: SummaryLabels;
  anchor: string | null;
}) {
  const titleId = useId();
  const title = L.title(summary.reference, L.recipients[summary.recipient]);
  const date = L.date(formatDateBe(summary.onDate));
  return (
    <article className="summary-print" aria-labelledby={titleId}>
      {/* A table header repeats on every printed page without covering the text. */}
      <table role="presentation" className="summary-print__frame">
        <thead>
          <tr>
            <td>
              <p className="summary-print__header">
                <strong>{L.confidential}</strong>
                <span>{summary.reference}</span>
                <span>{formatDateBe(summary.onDate)}</span>
                {anchor ? <span>{L.anchor(anchor)}</span> : null}
              </p>
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <h3 id={titleId}>{title}</h3>
              <p className="summary-print__meta">{date}</p>
              {anchor ? <p className="summary-print__meta">{L.anchor(anchor)}</p> : null}
              {summary.sections.length === 0 ? <p>{L.nothingShared}</p> : null}
              {summary.sections.map((section, i) => (
                <section key={`${section.category}-${i}`} className="summary-print__section">
                  <h4>{L.categories[section.category]}</h4>
                  {section.sources.map((source, k) => (
                    <div key={k}>
                      <p className="summary-print__source">{sourceText(source, L)}</p>
                      {source.basis !== 'toestemming' ? (
                        <p className="summary-print__justification">{L.justification(source.justification)}</p>
                      ) : null}
                    </div>
                  ))}
                  <ul>
                    {section.facts
                      .flatMap((fact) => factLines(fact, L))
                      .map((line, j) => (
                        <li key={j}>{line}</li>
                      ))}
                  </ul>
                </section>
              ))}
              {summary.withheld.length > 0 ? (
                <p className="summary-print__withheld">{withheldText(summary, L)}</p>
              ) : null}
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
