// The frame the issue-15 record sections share (offline halen, politie,
// andere scholen, bewijsmateriaal, grooming, gesprekken): an intro, the
// saved message, the records or "none", and a button that opens the form.
// Also the pieces their forms share: the form shell, the initials field, and
// the "latest entry with its history" cards. The helpers for the forms'
// values are in form-values.ts.
import type { ComponentProps, FormEvent, ReactNode, Ref } from 'react';
import { TextField } from '../../ui/field';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';

/** The catalogue texts every record section has. */
interface RecordSectionTexts {
  title: string;
  intro: string;
  none: string;
  add: string;
  saved: string;
}

/** The form a section opens: it calls `onDone` after saving and `onCancel` to close. */
export interface RecordFormProps {
  onDone: () => void;
  onCancel: () => void;
}

/**
 * A record section: the intro, the saved message, `children` (the records)
 * or the "none" text when `empty`, then the button that opens `form`.
 * `blocked` replaces that button with a text saying why nothing can be added yet.
 */
export function RecordSection({
  id,
  t,
  empty,
  blocked,
  form,
  children,
}: {
  id: string;
  t: RecordSectionTexts;
  empty: boolean;
  blocked?: string | null;
  form: (props: RecordFormProps) => ReactNode;
  children: ReactNode;
}) {
  const [saved, setSaved] = useSavedMessage();
  return (
    <CaseSection id={id} title={t.title}>
      <p className="field__hint">{t.intro}</p>
      <SavedStatus message={saved} />
      {empty ? <p>{t.none}</p> : children}
      {blocked ? (
        <p>{blocked}</p>
      ) : (
        <Expander label={t.add}>
          {(close) =>
            form({
              onDone: () => {
                setSaved(t.saved);
                close();
              },
              onCancel: close,
            })
          }
        </Expander>
      )}
    </CaseSection>
  );
}

/** Earlier entries under the current one ("Eerder: …; …"), or nothing. */
function History({ label, entries }: { label: string; entries: readonly string[] }) {
  return entries.length > 0 ? (
    <p className="record-card__meta">
      {label}: {entries.join('; ')}
    </p>
  ) : null;
}

/** One record card: a heading, the current entry, and the earlier ones as history. */
export function HistoryCard({
  as: Tag = 'div',
  record,
  heading,
  history,
  children,
}: {
  as?: 'div' | 'li';
  /** What `data-record` names (the saved message finds the card by it). */
  record: string;
  heading: string;
  history: { label: string; entries: readonly string[] };
  children: ReactNode;
}) {
  return (
    <Tag className="record-card" data-record={record}>
      <h3>{heading}</h3>
      {children}
      <History {...history} />
    </Tag>
  );
}

/**
 * A list with one card per key (a step, a stage) that has entries: its latest
 * entry, the earlier ones of that key as history. Keys keep their given order.
 */
function LatestPerKeyList<K extends string, R extends { id: string }>({
  keys,
  latest,
  records,
  keyOf,
  recordPrefix,
  heading,
  historyLabel,
  entryText,
  children,
}: {
  keys: readonly K[];
  latest: ReadonlyMap<K, R>;
  records: readonly R[];
  keyOf: (record: R) => K;
  recordPrefix: string;
  heading: (key: K) => string;
  historyLabel: string;
  entryText: (record: R) => string;
  /** More about the current entry, after its text. */
  children?: (current: R) => ReactNode;
}) {
  return (
    <ul className="record-list">
      {keys.flatMap((key) => {
        const current = latest.get(key);
        if (!current) return [];
        const earlier = records.filter((r) => keyOf(r) === key && r.id !== current.id);
        return [
          <HistoryCard
            key={key}
            as="li"
            record={`${recordPrefix}-${key}`}
            heading={heading(key)}
            history={{ label: historyLabel, entries: earlier.map(entryText) }}
          >
            <p>{entryText(current)}</p>
            {children?.(current)}
          </HistoryCard>,
        ];
      })}
    </ul>
  );
}

/**
 * A record section whose records are `LatestPerKeyList` cards (politie,
 * offline halen): "none" until some key has an entry.
 */
export function LatestPerKeySection<K extends string, R extends { id: string }>({
  id,
  t,
  form,
  ...list
}: Omit<ComponentProps<typeof LatestPerKeyList<K, R>>, 'historyLabel'> & {
  id: string;
  t: RecordSectionTexts & { history: string };
  form: (props: RecordFormProps) => ReactNode;
}) {
  return (
    <RecordSection id={id} t={t} empty={list.latest.size === 0} form={form}>
      <LatestPerKeyList historyLabel={t.history} {...list} />
    </RecordSection>
  );
}

/** What the form shell needs from useOperationForm. */
interface FormState {
  formProps: { ref: Ref<HTMLFormElement>; noValidate: boolean; onSubmit: (event: FormEvent) => void };
  general: string | null;
  busy: boolean;
}

/** A logbook form: its fields, then the form-level error and save / cancel. */
export function RecordForm({
  form,
  label,
  onCancel,
  children,
}: {
  form: FormState;
  label: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form {...form.formProps} className="card logbook-form" aria-label={label}>
      {children}
      <FormError message={form.general} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

/** The "initials of who did it" field every record form ends with. */
export function InitialsField(field: ComponentProps<typeof TextField>) {
  return <TextField autoComplete="off" maxLength={5} noticeWhenFull={false} {...field} />;
}
