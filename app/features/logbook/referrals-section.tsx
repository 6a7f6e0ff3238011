import type { ReferralEntry } from '../../../schema/content';
import { recordReferralInput } from '../../../schema/records/referral';
import type { CaseDetail } from '../../data/case-hooks';
import { useCaseJurisdiction } from '../../data/settings';
import type { Jurisdiction } from '../../../schema/settings';
import { runOperation } from '../../data/operations';
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/catalogue';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select-field';
import { formatDate, latestTodayIso, todayIso } from '../../ui/dates';
import type { FieldErrors } from '../../ui/form-errors';
import { useOperationForm } from '../../ui/use-operation-form';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';
import { missing, pastDates } from './form-values';
import { InitialsField, RecordForm } from './record-section';
import { ContentError } from '../../ui/knowledge/content-error';
import { RecordList } from '../../ui/item-list';

const t = nl.logbook.referrals;

export function ReferralsSection({ detail }: { detail: CaseDetail }) {
  const content = useContent('verwijzingen.json');
  const jurisdiction = useCaseJurisdiction(detail.case);
  const [saved, setSaved] = useSavedMessage();
  return (
    <CaseSection id="doorverwijzingen" title={t.title}>
      <RecordList items={detail.referrals} empty={t.none} itemClassName="record-card">
        {(referral) => t.entry(referral.organisationName, formatDate(referral.referredOn), referral.byInitials)}
      </RecordList>
      <SavedStatus message={saved} />
      {content.status === 'ready' ? (
        <Expander label={t.add} onSaved={setSaved}>
          {(close, saved) => (
            <ReferralForm
              caseId={detail.case.id}
              entries={content.data.entries}
              jurisdiction={jurisdiction}
              onDone={() => saved(t.saved)}
              onCancel={close}
            />
          )}
        </Expander>
      ) : content.status === 'loading' ? (
        <p>{t.loading}</p>
      ) : (
        <ContentError retry={content.retry} />
      )}
    </CaseSection>
  );
}

// The operation's input without the case id, which is added when saving.
const referralForm = recordReferralInput.omit({ caseId: true });

function ReferralForm({
  caseId,
  entries,
  jurisdiction,
  onDone,
  onCancel,
}: {
  caseId: string;
  entries: readonly ReferralEntry[];
  /** The case's Rechtsgebied: its organisations are listed first (a Dutch review scrolled past 12 Belgian ones). */
  jurisdiction: Jurisdiction;
  onDone: () => void;
  onCancel: () => void;
}) {
  const entryFor = (id: string) => entries.find((candidate) => candidate.id === id);
  const form = useOperationForm({
    initial: { organisationId: '', referredOn: todayIso(), byInitials: '' },
    schema: referralForm,
    // The directory entry gives the name kept with the referral.
    toInput: (values) => ({ ...values, organisationName: entryFor(values.organisationId)?.name ?? '' }),
    check: (values): FieldErrors => ({
      ...(entryFor(values.organisationId) ? {} : { organisationId: nl.logbook.errors.choose }),
      ...missing(values, { byInitials: 'required' }),
      ...pastDates(values, ['referredOn']),
    }),
    run: (input) => runOperation('recordReferral', { caseId, ...input }),
    onDone,
    fields: ['organisationId', 'referredOn', 'byInitials'],
  });
  const order =
    jurisdiction === 'nederland' ? (['nederland', 'vlaanderen'] as const) : (['vlaanderen', 'nederland'] as const);
  const groups = [...order, 'beide' as const]
    .map((region) => ({
      label: nl.knowledge.regions[region],
      options: entries
        .filter((entry) => entry.region === region)
        .map((entry) => ({ value: entry.id, label: entry.name })),
    }))
    .filter((group) => group.options.length > 0);

  return (
    <RecordForm form={form} label={t.add} onCancel={onCancel}>
      <SelectField
        label={t.organisation}
        options={groups}
        placeholder={t.chooseOrganisation}
        {...form.text('organisationId')}
      />
      <TextField label={t.referredOn} type="date" max={latestTodayIso()} {...form.text('referredOn')} />
      <InitialsField label={t.byInitials} hint={t.byInitialsHint} {...form.text('byInitials')} />
    </RecordForm>
  );
}
