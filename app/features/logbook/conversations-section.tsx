// "Gesprekken" (issue 15; DOMAIN.md step 3): when, joint or separate, with
// whom, and that each betrokkene agreed to the conversation. What was said
// goes in the timeline.
import { z } from 'zod';
import {
  conversationFormInput,
  conversationFormatSchema,
  type Conversation,
} from '../../../schema/records/conversation';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { formatDate, latestTodayIso, todayIso } from '../../ui/dates';
import { useOperationForm } from '../../ui/use-operation-form';
import { chosen, missing, oneBox, optionsOf, pastDates, ticked } from './form-values';
import { InitialsField, RecordForm, type RecordFormProps, RecordSection } from './record-section';

const t = nl.logbook.conversations;
const formatOptions = optionsOf(conversationFormatSchema.options, t.formats);
const agreedOptions = oneBox(t.agreedOption);

export function ConversationsSection({ detail }: { detail: CaseDetail }) {
  const names = new Map(detail.parties.map((p) => [p.id, p.pseudonym]));
  const entry = (r: Conversation) => t.entry(formatDate(r.on), t.formats[r.format], r.byInitials);
  return (
    <RecordSection
      id="gesprekken"
      t={t}
      empty={detail.conversations.length === 0}
      blocked={detail.parties.length === 0 ? t.needParty : null}
      form={(props) => <ConversationForm detail={detail} {...props} />}
    >
      <ul className="record-list">
        {detail.conversations.map((r) => (
          <li key={r.id} className="record-card" data-record={r.id}>
            <h3>{entry(r)}</h3>
            <p>{t.with(r.partyIds.map((id) => names.get(id) ?? nl.logbook.consent.unknownParty).join(', '))}</p>
            <p>{t.agreedText}</p>
          </li>
        ))}
      </ul>
    </RecordSection>
  );
}

const conversationForm = z
  .object({
    on: z.string(),
    format: chosen(conversationFormatSchema),
    partyIds: z.array(z.string()),
    // Unticked stays `false`, which the input schema refuses with its own code.
    allAgreed: ticked(),
    byInitials: z.string(),
  })
  .pipe(conversationFormInput);

function ConversationForm({ detail, onDone, onCancel }: RecordFormProps & { detail: CaseDetail }) {
  const caseId = detail.case.id;
  const partyOptions = detail.parties.map((p) => ({ value: p.id, label: p.pseudonym }));
  const form = useOperationForm({
    initial: () => ({
      on: todayIso(),
      format: '' as z.infer<typeof conversationFormatSchema> | '',
      partyIds: [] as string[],
      allAgreed: [] as Array<'ja'>,
      byInitials: '',
    }),
    schema: conversationForm,
    check: (v) => ({
      ...missing(v, { format: 'choose', partyIds: 'chooseOne', byInitials: 'required' }),
      ...pastDates(v, ['on']),
    }),
    run: (input) => runOperation('recordConversation', { caseId, ...input }),
    onDone,
    fields: ['on', 'format', 'partyIds', 'allAgreed', 'byInitials'],
  });
  return (
    <RecordForm form={form} label={t.formTitle} onCancel={onCancel}>
      <TextField label={t.on} type="date" max={latestTodayIso()} {...form.text('on')} />
      <RadioGroup
        legend={t.format}
        name={`conversation-format-${caseId}`}
        inline
        options={formatOptions}
        {...form.choice('format')}
      />
      <CheckboxGroup legend={t.parties} options={partyOptions} {...form.choice('partyIds')} />
      <CheckboxGroup legend={t.agreed} options={agreedOptions} {...form.choice('allAgreed')} />
      <InitialsField label={t.byInitials} hint={t.byInitialsHint} {...form.text('byInitials')} />
    </RecordForm>
  );
}
