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
import { formatDate, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useOperationForm } from '../../ui/use-operation-form';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';

const t = nl.logbook.conversations;
const formatOptions = conversationFormatSchema.options.map((value) => ({ value, label: t.formats[value] }));
const agreedOptions = [{ value: 'ja' as const, label: t.agreedOption }];

export function ConversationsSection({ detail }: { detail: CaseDetail }) {
  const [saved, setSaved] = useSavedMessage();
  const names = new Map(detail.parties.map((p) => [p.id, p.pseudonym]));
  const entry = (r: Conversation) => t.entry(formatDate(r.on), t.formats[r.format], r.byInitials);
  return (
    <CaseSection id="gesprekken" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      <SavedStatus message={saved} />
      {detail.conversations.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="record-list">
          {detail.conversations.map((r) => (
            <li key={r.id} className="record-card" data-record={r.id}>
              <h3>{entry(r)}</h3>
              <p>{t.with(r.partyIds.map((id) => names.get(id) ?? nl.logbook.consent.unknownParty).join(', '))}</p>
              <p>{t.agreedText}</p>
            </li>
          ))}
        </ul>
      )}
      {detail.parties.length === 0 ? (
        <p>{t.needParty}</p>
      ) : (
        <Expander label={t.add}>
          {(close) => (
            <ConversationForm
              detail={detail}
              onDone={() => {
                setSaved(t.saved);
                close();
              }}
              onCancel={close}
            />
          )}
        </Expander>
      )}
    </CaseSection>
  );
}

const conversationForm = z
  .object({
    on: z.string(),
    format: z.union([z.literal(''), conversationFormatSchema]).pipe(conversationFormatSchema),
    partyIds: z.array(z.string()),
    // Unticked stays `false`, which the input schema refuses with its own code.
    allAgreed: z.array(z.literal('ja')).transform((list) => list.length > 0),
    byInitials: z.string(),
  })
  .pipe(conversationFormInput);

function ConversationForm({
  detail,
  onDone,
  onCancel,
}: {
  detail: CaseDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
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
      ...(v.format === '' ? { format: nl.logbook.errors.choose } : {}),
      ...(v.partyIds.length === 0 ? { partyIds: nl.logbook.errors.chooseOne } : {}),
      ...(v.byInitials.trim() === '' ? { byInitials: nl.logbook.errors.required } : {}),
    }),
    run: (input) => runOperation('recordConversation', { caseId, ...input }),
    onDone,
    fields: ['on', 'format', 'partyIds', 'allAgreed', 'byInitials'],
  });
  return (
    <form {...form.formProps} className="card logbook-form" aria-label={t.formTitle}>
      <TextField label={t.on} type="date" {...form.text('on')} />
      <RadioGroup
        legend={t.format}
        name={`conversation-format-${caseId}`}
        inline
        options={formatOptions}
        {...form.choice('format')}
      />
      <CheckboxGroup legend={t.parties} options={partyOptions} {...form.choice('partyIds')} />
      <CheckboxGroup legend={t.agreed} options={agreedOptions} {...form.choice('allAgreed')} />
      <TextField
        label={t.byInitials}
        hint={t.byInitialsHint}
        autoComplete="off"
        maxLength={5}
        {...form.text('byInitials')}
      />
      <FormError message={form.general} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
