// The referral directory: 112 pinned on top, then region / topic / free-text
// filters over the rest. It opens on the worker's Rechtsgebied; the other
// jurisdiction is one tap away and labelled as such. Free text also finds
// synonyms and Begrippen. Open-now status is computed on the device, in each
// entry's own time zone, and refreshed every minute.
import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type { ReferralEntry, Term, Topic } from '../../../schema/content';
import { topicIds } from '../../../schema/content-ids';
import { openStatus } from '../../../schema/opening-hours';
import type { Jurisdiction } from '../../../schema/settings';
import { useContent } from '../../content/load-content';
import { useJurisdiction } from '../../data/jurisdiction';
import { nl } from '../../i18n/core';
import { Link } from '../../shell/link';
import { Page } from '../../shell/page';
import { TextField } from '../../ui/field';
import { ContentView, SeeAlso, SourceNote } from './content-view';
import {
  formatCheckedDate,
  formatOpenStatus,
  formatSlot,
  hasNoContact,
  showsHoursDetails,
  showsOpenStatus,
} from './hours-format';
import {
  filterReferrals,
  isFiltered,
  matchingTerms,
  referralFilterFor,
  filterForLinked,
  type ReferralFilter,
  type RegionFilter,
  type TopicFilter,
} from './referral-filter';
import { focusAfterFrame } from '../../ui/focus';
import { useNow } from '../../ui/use-now';
import './knowledge.css';

const t = nl.knowledge.verwijzingen;
const topicLabels: Readonly<Record<Topic, string>> = t.topics;
/** The Rechtsgebied first, then the other jurisdiction (labelled as such), then all. */
function regionOptions(jurisdiction: Jurisdiction): readonly { value: RegionFilter; label: string }[] {
  const other: Jurisdiction = jurisdiction === 'vlaanderen' ? 'nederland' : 'vlaanderen';
  return [
    { value: jurisdiction, label: nl.knowledge.regions[jurisdiction] },
    { value: other, label: t.regionOther(nl.knowledge.regions[other]) },
    { value: 'alle', label: t.regionAll },
  ];
}

function isTopicFilter(value: string): value is TopicFilter {
  return value === 'alle' || (topicIds as readonly string[]).includes(value);
}

/** Id of an entry's heading; /verwijzingen#<entry id> scrolls to it. */
function entryHeadingId(entryId: string): string {
  return `verwijzing-${entryId}`;
}

export function VerwijzingenScreen() {
  const state = useContent('verwijzingen.json');
  const jurisdiction = useJurisdiction();
  const ready = state.status === 'ready' && jurisdiction !== undefined;

  // Deep link from a step plan: bring the entry into view once it is rendered.
  useEffect(() => {
    if (!ready) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(entryHeadingId(id))?.focus();
  }, [ready]);

  return (
    <Page title={nl.shell.nav.verwijzingen}>
      <p className="lead">{t.intro}</p>
      <ContentView state={jurisdiction === undefined ? { status: 'loading' } : state}>
        {(data) => <Directory entries={data.entries} jurisdiction={jurisdiction ?? 'vlaanderen'} />}
      </ContentView>
    </Page>
  );
}

function Directory({ entries, jurisdiction }: { entries: readonly ReferralEntry[]; jurisdiction: Jurisdiction }) {
  const base = referralFilterFor(jurisdiction);
  // A link to one entry opens on its region when the worker's own would hide it.
  const [filter, setFilter] = useState<ReferralFilter>(() =>
    filterForLinked(entries, base, decodeURIComponent(window.location.hash.slice(1))),
  );
  const glossary = useContent('begrippen.json');
  const terms = glossary.status === 'ready' ? matchingTerms(glossary.data.terms, filter.query) : [];
  const now = useNow();
  const { pinned, results } = filterReferrals(entries, filter, topicLabels);
  // Nothing in the chosen region: say whether another region has a match, one press away.
  const elsewhere =
    results.length === 0 && filter.region !== 'alle'
      ? filterReferrals(entries, { ...filter, region: 'alle' }, topicLabels).results.length
      : 0;
  // The pressed button leaves with the empty result: focus goes to the first organisation found.
  const widen = (next: ReferralFilter): void => {
    setFilter(next);
    focusAfterFrame(() => document.querySelector<HTMLElement>('.referral-list .referral__name'));
  };
  const pinnedHeadingId = useId();
  const resultsHeadingId = useId();

  return (
    <>
      {pinned.length > 0 ? (
        <section className="pinned" aria-labelledby={pinnedHeadingId}>
          <h2 id={pinnedHeadingId}>{t.pinnedHeading}</h2>
          {pinned.map((entry) => (
            <ReferralCard key={entry.id} entry={entry} now={now} jurisdiction={jurisdiction} pinned />
          ))}
        </section>
      ) : null}

      <FilterForm filter={filter} onChange={setFilter} jurisdiction={jurisdiction} />

      <section className="knowledge-section" aria-labelledby={resultsHeadingId}>
        <h2 id={resultsHeadingId}>{t.resultsHeading}</h2>
        <p role="status" className="result-count">
          {t.resultCount(results.length)}
        </p>
        {results.length > 0 ? (
          <ul className="referral-list">
            {results.map((entry) => (
              <li key={entry.id}>
                <ReferralCard entry={entry} now={now} jurisdiction={jurisdiction} />
              </li>
            ))}
          </ul>
        ) : (
          <div className="card">
            <p>{t.noResults}</p>
            {elsewhere > 0 ? (
              <>
                <p>{t.elsewhere(elsewhere)}</p>
                <button type="button" className="button" onClick={() => widen({ ...filter, region: 'alle' })}>
                  {t.showAllRegions}
                </button>
              </>
            ) : null}
            {isFiltered(filter, base) ? (
              <button type="button" className="button" onClick={() => widen(base)}>
                {t.clearFilters}
              </button>
            ) : null}
          </div>
        )}
      </section>

      {terms.length > 0 ? <TermResults terms={terms} /> : null}

      <SeeAlso to={['stappenplan', 'wet', 'vlaggensysteem', 'begrippen']} />
    </>
  );
}

/** Glossary terms that match the search, linking to their place in Begrippen. */
function TermResults({ terms }: { terms: readonly Term[] }) {
  const headingId = useId();
  return (
    <section className="knowledge-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.termsHeading}</h2>
      <p className="result-count">{t.termsCount(terms.length)}</p>
      <ul className="link-list">
        {terms.map((term) => (
          <li key={term.id}>
            <Link href={`/begrippen#begrip-${term.id}`}>{term.term}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FilterForm({
  filter,
  onChange,
  jurisdiction,
}: {
  filter: ReferralFilter;
  onChange: (filter: ReferralFilter) => void;
  jurisdiction: Jurisdiction;
}) {
  const regionName = useId();
  const topicId = useId();
  return (
    <form
      role="search"
      aria-label={t.filterLabel}
      className="card referral-filter"
      // Filtering is live; Enter must not try to submit anywhere.
      onSubmit={(event) => event.preventDefault()}
    >
      <TextField
        type="search"
        label={t.search}
        hint={t.searchHint}
        value={filter.query}
        autoComplete="off"
        spellCheck={false}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange({ ...filter, query: event.target.value })}
      />
      <fieldset className="segmented">
        <legend className="field__label">{t.region}</legend>
        <div className="segmented__options">
          {regionOptions(jurisdiction).map((option) => (
            <label key={option.value} className="segmented__option">
              <input
                type="radio"
                name={regionName}
                value={option.value}
                checked={filter.region === option.value}
                onChange={() => onChange({ ...filter, region: option.value })}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={topicId} className="field__label">
          {t.topic}
        </label>
        <select
          id={topicId}
          className="field__input"
          value={filter.topic}
          onChange={(event) => {
            const value = event.target.value;
            if (isTopicFilter(value)) onChange({ ...filter, topic: value });
          }}
        >
          <option value="alle">{t.topicAll}</option>
          {topicIds.map((topic) => (
            <option key={topic} value={topic}>
              {topicLabels[topic]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

/** "www.qpido.nl" from "https://www.qpido.nl/": readable, still the full address. */
function displayUrl(url: string): string {
  let shown = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  try {
    shown = decodeURI(shown);
  } catch {
    // Keep the encoded form if it does not decode.
  }
  return shown;
}

function ReferralCard({
  entry,
  now,
  pinned = false,
  jurisdiction,
}: {
  entry: ReferralEntry;
  now: Date;
  pinned?: boolean;
  jurisdiction: Jurisdiction;
}) {
  const headingId = entryHeadingId(entry.id);
  // The other Rechtsgebied's numbers are written as dialled there (a review: 101 or 0800-2000 from the
  // other country reaches no one, or someone else). Said once under them; the numbers stay as the sources give them.
  const abroad = entry.region !== 'beide' && entry.region !== jurisdiction ? entry.region : null;
  const status = openStatus(entry.hours, now);
  const tags = [entry.free ? t.free : null, entry.anonymous ? t.anonymous : null].filter((tag) => tag !== null);
  return (
    <article className={pinned ? 'card referral referral--pinned' : 'card referral'} aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} className="referral__name">
        {entry.name}
      </h3>
      {showsOpenStatus(entry) ? (
        <p className={`open-status open-status--${status.state === '24/7' ? 'always' : status.state}`}>
          <span className="open-status__icon" aria-hidden="true" />
          {formatOpenStatus(status, entry.hours, now)}
        </p>
      ) : null}
      {entry.phones.length > 0 ? (
        <ul className="phone-list">
          {entry.phones.map((phone) => (
            <li key={phone.tel}>
              <a className="button tel-link" href={`tel:${phone.tel}`}>
                {t.call(phone.display)}
              </a>
              {phone.label ? <span className="phone-list__label">{phone.label}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {entry.phones.length > 0 && abroad !== null ? <p className="phone-list__note">{t.phonesFrom(abroad)}</p> : null}
      {hasNoContact(entry) ? <p>{t.noContact}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t.helpsWith}</dt>
          <dd>{entry.helpsWith}</dd>
        </div>
        <div>
          <dt>{t.forWhom}</dt>
          <dd>{entry.forWhom}</dd>
        </div>
        {entry.email ? (
          <div>
            <dt>{t.email}</dt>
            <dd>
              <a href={`mailto:${entry.email}`}>{entry.email}</a>
            </dd>
          </div>
        ) : null}
        {entry.website ? (
          <div>
            <dt>{t.website}</dt>
            <dd>
              <a href={entry.website} rel="noopener noreferrer">
                {displayUrl(entry.website)}
              </a>
            </dd>
          </div>
        ) : null}
        {entry.address ? (
          <div>
            <dt>{t.address}</dt>
            <dd>{entry.address}</dd>
          </div>
        ) : null}
        {showsHoursDetails(entry) ? (
          <div>
            <dt>{t.hours}</dt>
            <dd>
              <HoursText entry={entry} />
            </dd>
          </div>
        ) : null}
        {entry.topics.length > 0 ? (
          <div>
            <dt>{t.topicsLabel}</dt>
            <dd>{entry.topics.map((topic) => topicLabels[topic]).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      {tags.length > 0 ? <p className="referral__tags">{tags.join(' · ')}</p> : null}
      <SourceNote sources={[entry.source]} />
      <p className="source-note">{t.lastChecked(formatCheckedDate(entry.lastChecked))}</p>
    </article>
  );
}

function HoursText({ entry }: { entry: ReferralEntry }) {
  const hours = entry.hours;
  switch (hours.kind) {
    case '24/7':
      return <>{t.status.always}</>;
    case 'unknown':
      return <>{hours.note ?? t.status.unknown}</>;
    case 'weekly':
      return (
        <>
          <ul className="hours-list">
            {hours.slots.map((slot) => (
              <li key={`${slot.days.join()}-${slot.from}`}>{formatSlot(slot)}</li>
            ))}
          </ul>
          {hours.note ? <p className="hours-note">{hours.note}</p> : null}
        </>
      );
  }
}
