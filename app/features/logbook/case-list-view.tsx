// The case list: search (diacritics-insensitive, over decrypted data in
// memory), filters, ordered by next follow-up. Only a page of results is
// rendered at a time ("Toon meer"), so 10,000 cases stay smooth on a phone.
import { useShowMoreFocus } from '../../ui/show-more-focus';
import { useDeferredValue, useMemo, useState } from 'react';
import { flagSchema } from '../../../schema/records/assessment';
import { caseStatusSchema, caseTypeSchema } from '../../../schema/records/case';
import { CASE_LIST_PAGE_SIZE, filterCaseList, sortByNextFollowUp } from '../../../schema/case-list';
import {
  useCaseList,
  useCaseListFirstPage,
  useIndexRebuildProgress,
  type CaseListItem,
  type OkCaseListItem,
} from '../../data/case-hooks';
import { useDraft } from '../../data/hooks';
import { useSharedFrom } from '../../data/team/presence';
import type { SharedFrom } from '../../data/team/shared-from';
import { nl } from '../../i18n/catalogue';
import { caseHref } from '../../shell/case-url';
import { Link } from '../../shell/link';
import { Page } from '../../shell/page';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select-field';
import { formatDate, planTodayIso, todayIso } from '../../ui/dates';
import { EraseCaseButton } from './erase-case';
import { useFlash } from './flash';
import { NEW_CASE_DRAFT } from './new-case-view';
import { statusText } from './status-text';

const t = nl.logbook;
const tp = nl.caseListPage;
export const PAGE_SIZE = CASE_LIST_PAGE_SIZE;
const NO_SHARED: SharedFrom = new Map();

type OkItem = OkCaseListItem;

const statusOptions = caseStatusSchema.options.map((value) => ({ value, label: t.statusFilter[value] }));
const typeOptions = caseTypeSchema.options.map((value) => ({ value, label: t.typeLabels[value] }));
const flagOptions = flagSchema.options.map((value) => ({ value, label: t.flagNames[value].label }));

export function CaseListView() {
  // The sealed first page shows at once; the full list is read after it (issue 19).
  const page = useCaseListFirstPage();
  const items = useCaseList(page !== undefined);
  const rebuild = useIndexRebuildProgress();
  const draft = useDraft(NEW_CASE_DRAFT);
  // Received cases say who shared them: numbers are per worker, so a colleague's 2026-002 may sit next to mine.
  const sharedFrom = useSharedFrom();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [type, setType] = useState('');
  const [flag, setFlag] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [flash, setFlash] = useFlash();
  const deferredQuery = useDeferredValue(query);

  // Sort once per list change; each keystroke then only filters (the filter keeps the order).
  const sorted = useMemo(() => (items ? sortByNextFollowUp(items) : undefined), [items]);
  const filtered = useMemo(() => {
    if (!sorted) return undefined;
    return filterCaseList(sorted, {
      query: deferredQuery,
      status: caseStatusSchema.safeParse(status).data,
      type: caseTypeSchema.safeParse(type).data,
      flag: flagSchema.safeParse(flag).data,
    });
  }, [sorted, deferredQuery, status, type, flag]);

  const today = todayIso();
  // A follow-up date before today in Brussels is "te laat", as Opvolging counts.
  const planToday = planTodayIso();
  // Until the full list is read: the first page's closed cases with the earliest retention dates.
  const dueForErasure = useMemo(
    () =>
      (items ?? page?.items ?? []).filter(
        (item): item is OkItem =>
          item.ok && item.status === 'afgesloten' && item.retentionUntil !== undefined && item.retentionUntil < today,
      ),
    [items, page, today],
  );
  // The first page stands in for the list only in the default view: no search, no filter.
  const firstPage = items === undefined && page && query.trim() === '' && !status && !type && !flag ? page : undefined;
  // Names wait for who shared what: a received case is never listed under its bare number first.
  const list = sharedFrom === undefined ? undefined : (filtered ?? firstPage?.items);

  // A new query or filter starts again at the first page.
  function change(set: (value: string) => void) {
    return (event: { target: { value: string } }) => {
      set(event.target.value);
      setLimit(PAGE_SIZE);
    };
  }

  const shown = list?.slice(0, limit) ?? [];
  const moreFocus = useShowMoreFocus<HTMLDivElement>(shown.length);
  const total = filtered?.length ?? firstPage?.total ?? 0;

  return (
    <Page title={t.listTitle}>
      <p role="status" className="saved-status">
        {flash ?? ''}
      </p>
      <p className="lead">{t.intro}</p>
      <p>
        <Link href="/dossier/nieuw" className="button button--primary">
          {t.newCase}
        </Link>
      </p>
      {draft ? (
        <p className="callout">
          {t.draftWaiting} <Link href="/dossier/nieuw">{t.draftContinue}</Link>
        </p>
      ) : null}
      {sharedFrom !== undefined && dueForErasure.length > 0 ? (
        <section className="callout erase-due" aria-labelledby="erase-due-title">
          <h2 id="erase-due-title" className="callout__title">
            {t.dueForErasureTitle}
          </h2>
          <p>{t.dueForErasureBody}</p>
          <ul className="erase-due__list">
            {dueForErasure.map((item) => (
              <li key={item.id}>
                <span>
                  <Link href={caseHref(item.id)}>{t.caseName(item.reference, sharedFrom.get(item.id))}</Link> —{' '}
                  {t.retentionPassed(formatDate(item.retentionUntil ?? ''))}
                </span>
                <EraseCaseButton
                  caseId={item.id}
                  reference={t.caseName(item.reference, sharedFrom.get(item.id))}
                  label={t.eraseCase(t.caseName(item.reference, sharedFrom.get(item.id)))}
                  onErased={setFlash}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <search className="case-search" aria-label={t.search}>
        <TextField
          label={t.search}
          hint={t.searchHint}
          type="search"
          value={query}
          autoComplete="off"
          onChange={change(setQuery)}
        />
        <div className="case-filters">
          <SelectField
            label={t.filterStatus}
            value={status}
            options={statusOptions}
            placeholder={t.filterAll}
            onChange={change(setStatus)}
          />
          <SelectField
            label={t.filterType}
            value={type}
            options={typeOptions}
            placeholder={t.filterAll}
            onChange={change(setType)}
          />
          <SelectField
            label={t.filterFlag}
            value={flag}
            options={flagOptions}
            placeholder={t.filterAll}
            onChange={change(setFlag)}
          />
        </div>
      </search>

      {list === undefined ? (
        <p role="status">{rebuild ? t.indexRebuilding(rebuild.done, rebuild.total) : t.loading}</p>
      ) : (
        <>
          <p role="status" className="case-count">
            {(items?.length ?? total) === 0 ? t.empty : t.resultCount(shown.length, total)}
          </p>
          {/* "Toon meer" moves focus to the first newly shown case (show-more-focus.ts), as Opvolging does. */}
          <div ref={moreFocus.sectionRef}>
            <ul className="case-list">
              {shown.map((item) => (
                <CaseListEntry key={item.id} item={item} sharedFrom={sharedFrom ?? NO_SHARED} today={planToday} />
              ))}
            </ul>
          </div>
          {!filtered ? (
            <p role="status">{rebuild ? t.indexRebuilding(rebuild.done, rebuild.total) : tp.loadingRest}</p>
          ) : filtered.length > shown.length ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                moreFocus.showMoreFrom(shown.length);
                setLimit((n) => n + PAGE_SIZE);
              }}
            >
              {t.showMore(filtered.length - shown.length)}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}

function CaseListEntry({ item, sharedFrom, today }: { item: CaseListItem; sharedFrom: SharedFrom; today: string }) {
  if (!item.ok) {
    return (
      <li className="case-item case-item--damaged">
        <p className="case-item__title">{t.damaged}</p>
        <p>{t.damagedBody}</p>
      </li>
    );
  }
  const flag = item.latestFlag ? t.flagNames[item.latestFlag] : undefined;
  return (
    <li className="case-item">
      <h2 className="case-item__title">
        <Link href={caseHref(item.id)}>{t.caseName(item.reference, sharedFrom.get(item.id))}</Link>
      </h2>
      <p className="case-item__status">{statusText(item.status, item.nextFollowUp)}</p>
      <p>{item.types.map((type) => t.typeLabels[type]).join(', ')}</p>
      {item.pseudonyms.length > 0 ? <p>{item.pseudonyms.join(', ')}</p> : null}
      {item.schools.length > 0 ? <p>{item.schools.join(', ')}</p> : null}
      <p>{flag ? t.latestFlag(flag.label, flag.meaning) : t.noFlagYet}</p>
      {item.nextFollowUp && item.status !== 'afgesloten' && item.nextFollowUp < today ? (
        // Overdue, said as in Opvolging (a review: the list read "in rust tot" a date long past).
        <p>
          <strong>{t.nextFollowUpLate(formatDate(item.nextFollowUp))}</strong>
        </p>
      ) : (
        <p>{item.nextFollowUp ? t.nextFollowUp(formatDate(item.nextFollowUp)) : t.noFollowUp}</p>
      )}
    </li>
  );
}
