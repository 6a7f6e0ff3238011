// "Politie" (issue 15): a complaint considered, advised or made; by whom and
// when; and whether the young person or parents know what a complaint means
// (seed 004's wording, in the catalogue). Each stage shows its latest state.
import { z } from 'zod';
import {
  latestPolice,
  policeActorSchema,
  policeFormInput,
  policeStageSchema,
  type Police,
} from '../../../schema/records/police';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { formatDate, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useOperationForm } from '../../ui/use-operation-form';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';

const t = nl.logbook.police;
const stageOptions = policeStageSchema.options.map((value) => ({ value, label: t.stages[value] }));
const actorOptions = policeActorSchema.options.map((value) => ({ value, label: t.actors[value] }));
const informedOptions = [{ value: 'ja' as const, label: t.informedOption }];

export function PoliceSection({ detail }: { detail: CaseDetail }) {
  const [saved, setSaved] = useSavedMessage();
  const latest = latestPolice(detail.police);
  return (
    <CaseSection id="politie" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      <SavedStatus message={saved} />
      {latest.size === 0 ? <p>{t.none}</p> : null}
      {latest.size > 0 ? (
        <ul className="record-list">
          {policeStageSchema.options.flatMap((stage) => {
            const current = latest.get(stage);
            if (!current) return [];
            const earlier = detail.police.filter((r) => r.stage === stage && r.id !== current.id);
            return [
              <li key={stage} className="record-card" data-record={`police-${stage}`}>
                <h3>{t.stages[stage]}</h3>
                <p>{entryText(current)}</p>
                <p>{current.informed ? t.informedText : t.notInformedText}</p>
                {earlier.length > 0 ? (
                  <p className="record-card__meta">
                    {t.history}: {earlier.map(entryText).join('; ')}
                  </p>
                ) : null}
              </li>,
            ];
          })}
        </ul>
      ) : null}
      <Expander label={t.add}>
        {(close) => (
          <PoliceForm
            caseId={detail.case.id}
            onDone={() => {
              setSaved(t.saved);
              close();
            }}
            onCancel={close}
          />
        )}
      </Expander>
    </CaseSection>
  );
}

function entryText(r: Police): string {
  return t.entry(t.actors[r.by], formatDate(r.on), r.byInitials);
}

// The form's values are strings and a one-box list; the operation's input schema checks them.
const policeForm = z
  .object({
    stage: z.union([z.literal(''), policeStageSchema]).pipe(policeStageSchema),
    by: z.union([z.literal(''), policeActorSchema]).pipe(policeActorSchema),
    on: z.string(),
    informed: z
      .array(z.literal('ja'))
      .transform((list) => list.length > 0)
      .optional(),
    byInitials: z.string(),
  })
  .pipe(policeFormInput);

function PoliceForm({ caseId, onDone, onCancel }: { caseId: string; onDone: () => void; onCancel: () => void }) {
  const form = useOperationForm({
    initial: () => ({
      stage: '' as z.infer<typeof policeStageSchema> | '',
      by: '' as z.infer<typeof policeActorSchema> | '',
      on: todayIso(),
      informed: [] as Array<'ja'>,
      byInitials: '',
    }),
    schema: policeForm,
    check: (v) => ({
      ...(v.stage === '' ? { stage: nl.logbook.errors.choose } : {}),
      ...(v.by === '' ? { by: nl.logbook.errors.choose } : {}),
      ...(v.byInitials.trim() === '' ? { byInitials: nl.logbook.errors.required } : {}),
    }),
    run: (input) => runOperation('recordPoliceStep', { caseId, ...input }),
    onDone,
    fields: ['stage', 'by', 'on', 'informed', 'byInitials'],
  });
  return (
    <form {...form.formProps} className="card logbook-form" aria-label={t.formTitle}>
      <RadioGroup legend={t.stage} name={`police-stage-${caseId}`} options={stageOptions} {...form.choice('stage')} />
      <RadioGroup legend={t.by} name={`police-by-${caseId}`} options={actorOptions} {...form.choice('by')} />
      <TextField label={t.on} type="date" {...form.text('on')} />
      <CheckboxGroup legend={t.informed} hint={t.informedHint} options={informedOptions} {...form.choice('informed')} />
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
