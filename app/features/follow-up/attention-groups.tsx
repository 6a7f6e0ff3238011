// The Opvolging groups without a date (issue 15): "Zonder opvolgdatum" and
// "Stappen met herinnering". Each card links to the case, where the worker
// plans a date or does the step. Read by a separate live query, so the date
// groups never wait for it.
import { useId, useState } from 'react';
import { absoluteDateNl } from '../../../schema/follow-up';
import {
  attentionGroups,
  useFollowUpAttention,
  type AttentionFilter,
  type AttentionGroup,
  type AttentionItem,
} from '../../data/follow-up-attention';
import { FOLLOW_UP_PAGE_SIZE } from '../../data/follow-up-overview';
import type { SharedFrom } from '../../data/team/shared-from';
import { nl } from '../../i18n/catalogue';
import { caseHref } from '../../shell/case-url';
import { Link } from '../../shell/link';
import { ItemList } from '../../ui/item-list';
import { useShowMoreFocus } from '../../ui/show-more-focus';

const t = nl.followUp;
const a = t.attention;

export function AttentionGroups({ filter, sharedFrom }: { filter: AttentionFilter; sharedFrom: SharedFrom }) {
  const attention = useFollowUpAttention(filter);
  if (attention === undefined) {
    return (
      <p className="follow-up-group__empty" role="status">
        {a.loading}
      </p>
    );
  }
  return (
    <>
      {attentionGroups.map((group) => (
        <AttentionSection key={group} group={group} items={attention[group]} sharedFrom={sharedFrom} />
      ))}
    </>
  );
}

function AttentionSection({
  group,
  items,
  sharedFrom,
}: {
  group: AttentionGroup;
  items: readonly AttentionItem[];
  sharedFrom: SharedFrom;
}) {
  const headingId = useId();
  const [limit, setLimit] = useState(FOLLOW_UP_PAGE_SIZE);
  const shown = items.slice(0, limit);
  const remaining = items.length - shown.length;
  const { sectionRef, showMoreFrom } = useShowMoreFocus(shown.length);
  return (
    <section
      ref={sectionRef}
      className={`follow-up-group follow-up-group--${group}${items.length === 0 ? ' follow-up-group--none' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} tabIndex={-1}>
        {t.groupHeading(a.groups[group], items.length)}
      </h2>
      <p className="follow-up-group__empty">{items.length === 0 ? a.empty[group] : a.intro[group]}</p>
      {shown.length > 0 ? (
        <ItemList className="follow-up-list" items={shown} itemKey={(item) => item.caseId}>
          {(item) => <AttentionCard item={item} group={group} sharedBy={sharedFrom.get(item.caseId)} />}
        </ItemList>
      ) : null}
      {remaining > 0 ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            showMoreFrom(shown.length);
            setLimit((n) => n + FOLLOW_UP_PAGE_SIZE);
          }}
        >
          {t.showMore(remaining)}
        </button>
      ) : null}
    </section>
  );
}

function AttentionCard({
  item,
  group,
  sharedBy,
}: {
  item: AttentionItem;
  group: AttentionGroup;
  sharedBy: string | null | undefined;
}) {
  // Named by its heading, as the case page's cards are (a review heard a bare "article").
  const titleId = useId();
  return (
    <article className="card follow-up-card" aria-labelledby={titleId}>
      <h3 className="follow-up-card__title" id={titleId}>
        <Link href={caseHref(item.caseId)}>{t.item.caseTitle(nl.logbook.caseName(item.reference, sharedBy))}</Link>
      </h3>
      <dl className="follow-up-card__facts">
        <div>
          <dt>{a.statusLabel}</dt>
          <dd>{a.status[item.status]}</dd>
        </div>
        <div>
          <dt>{a.knownOn}</dt>
          <dd>
            <time dateTime={item.knownOn}>{absoluteDateNl(item.knownOn)}</time>
          </dd>
        </div>
        <div>
          <dt>{t.item.pseudonyms}</dt>
          <dd>{item.pseudonyms.length > 0 ? item.pseudonyms.join(', ') : t.item.noPseudonyms}</dd>
        </div>
        {group === 'stappen-met-herinnering' ? (
          <div>
            <dt>{a.reminderSteps}</dt>
            <dd>{item.reminderSteps}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
