// Vlaggensysteem (Sensoa, 2021 criteria): a judgement per criterion
// ("onbekend" allowed), then the professional's own flag and reasoning. The
// flag is never computed from the answers. Every assessment is kept.
import type { Criterion2021Id } from '../../../schema/content';
import { criteria2021Ids } from '../../../schema/content-ids';
import {
  assessFlagsInput,
  criterionAnswerSchema,
  flagSchema,
  type CriterionAnswer,
  type Flag,
  type FlagAssessment,
} from '../../../schema/records/assessment';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/catalogue';
import { RadioGroup } from '../../ui/choice-group';
import { TextAreaField, TextField } from '../../ui/field';
import { formatDate, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { unchosen } from '../../ui/form-errors';
import { useOperationForm } from '../../ui/use-operation-form';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';

const t = nl.logbook.flags;
const answerOptions = criterionAnswerSchema.options.map((value) => ({ value, label: t.answers[value] }));
const flagOptions = flagSchema.options.map((value) => ({
  value,
  label: nl.logbook.flagNames[value].label,
  description: nl.logbook.flagNames[value].meaning,
}));

/** Criterion labels from the content file, falling back to the id while it loads. */
function useCriterionLabels(): Record<string, string> {
  const content = useContent('vlaggensysteem.json');
  const labels: Record<string, string> = {};
  for (const id of criteria2021Ids) labels[id] = id;
  if (content.status === 'ready') {
    for (const version of content.data.versions) {
      for (const criterion of version.criteria) labels[criterion.id] = criterion.label;
    }
  }
  return labels;
}

export function FlagsSection({ detail }: { detail: CaseDetail }) {
  const labels = useCriterionLabels();
  const [saved, setSaved] = useSavedMessage();
  return (
    <CaseSection id="vlaggensysteem" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      <SavedStatus message={saved} />
      <Expander label={t.add} onSaved={setSaved}>
        {(close, saved) => (
          <FlagsForm caseId={detail.case.id} labels={labels} onDone={() => saved(t.saved)} onCancel={close} />
        )}
      </Expander>
      <h3>{t.history}</h3>
      {detail.assessments.length === 0 ? <p>{t.none}</p> : null}
      <ol className="record-list">
        {detail.assessments.map((assessment, index) => (
          <li key={assessment.id} data-record={assessment.id}>
            <AssessmentCard assessment={assessment} labels={labels} latest={index === 0} />
          </li>
        ))}
      </ol>
    </CaseSection>
  );
}

function AssessmentCard({
  assessment,
  labels,
  latest,
}: {
  assessment: FlagAssessment;
  labels: Record<string, string>;
  latest: boolean;
}) {
  const flag = nl.logbook.flagNames[assessment.flag];
  return (
    <article
      className={`record-card flag-card flag-card--${assessment.flag}`}
      aria-labelledby={`assessment-${assessment.id}`}
    >
      <h4 id={`assessment-${assessment.id}`} className="record-card__title">
        <span className={`flag-swatch flag-swatch--${assessment.flag}`} aria-hidden="true" />
        {t.entry(formatDate(assessment.assessedOn), flag.label, flag.meaning)}
        {latest ? <span className="record-card__meta"> ({t.latest})</span> : null}
      </h4>
      <dl className="criteria-answers">
        {Object.entries(assessment.answers).map(([criterion, answer]) => (
          <div key={criterion}>
            <dt>{labels[criterion] ?? criterion}</dt>
            <dd>{t.answers[answer]}</dd>
          </div>
        ))}
      </dl>
      <p className="preserve-lines">{assessment.reasoning}</p>
    </article>
  );
}

// The operation's input; the case and the criteria version are added when saving.
const flagsForm = assessFlagsInput.omit({ caseId: true, criteriaVersion: true });

interface FlagValues {
  answers: Record<Criterion2021Id, CriterionAnswer>;
  flag: Flag | '';
  reasoning: string;
  assessedOn: string;
}

function FlagsForm({
  caseId,
  labels,
  onDone,
  onCancel,
}: {
  caseId: string;
  labels: Record<string, string>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useOperationForm({
    initial: (): FlagValues => ({
      answers: Object.fromEntries(criteria2021Ids.map((id) => [id, 'onbekend'])) as Record<
        Criterion2021Id,
        CriterionAnswer
      >,
      flag: '',
      reasoning: '',
      assessedOn: todayIso(),
    }),
    schema: flagsForm,
    check: (values) => unchosen(values, ['flag']),
    run: (input) =>
      runOperation('assessFlags', { caseId, criteriaVersion: '2021', ...input, reasoning: input.reasoning.trim() }),
    onDone,
    fields: ['answers', 'flag', 'reasoning', 'assessedOn'],
    liveImageCheck: ['reasoning'],
  });
  const answers = form.values.answers;

  return (
    <form {...form.formProps} className="card logbook-form" aria-labelledby="flags-form-title">
      <h3 id="flags-form-title">{t.formTitle}</h3>
      {criteria2021Ids.map((id) => (
        <RadioGroup
          key={id}
          legend={labels[id] ?? id}
          name={`criterion-${id}`}
          options={answerOptions}
          value={answers[id]}
          inline
          error={form.error(`answers.${id}`)}
          onChange={(answer) => form.set('answers', { ...answers, [id]: answer })}
        />
      ))}
      <RadioGroup legend={t.flag} hint={t.flagHint} name="flag" options={flagOptions} {...form.choice('flag')} />
      <TextAreaField label={t.reasoning} {...form.text('reasoning')} />
      <TextField label={t.assessedOn} type="date" {...form.text('assessedOn')} />
      <FormError message={form.general} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
