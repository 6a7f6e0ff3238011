// Vlaggensysteem (Sensoa, 2021 criteria): a judgement per criterion
// ("onbekend" allowed), then the professional's own flag and reasoning. The
// flag is never computed from the answers. Every assessment is kept.
import { DEFAULT_TEXT_MAX } from '../../../schema/safe-text';
import { criteria2021Ids, criteriaOuderNlIds } from '../../../schema/content-ids';
import {
  assessFlagsInput,
  criteriaVersionSchema,
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
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextAreaField, TextField } from '../../ui/field';
import { formatDate, latestTodayIso, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { unchosen } from '../../ui/form-errors';
import { useOperationForm } from '../../ui/use-operation-form';
import { useLinkWarnings } from '../../ui/link-warning';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';
import { optionsOf, pastDates } from './form-values';

const t = nl.logbook.flags;
const answerOptions = optionsOf(criterionAnswerSchema.options, t.answers);
const flagOptions = flagSchema.options.map((value) => ({
  value,
  label: nl.logbook.flagNames[value].label,
  description: nl.logbook.flagNames[value].meaning,
}));

/**
 * Criterion labels from the content file, falling back to the id while it loads, and the older Dutch
 * version's gap note (its list is incomplete in the sources: the form says so where it is chosen).
 */
function useCriterionLabels(): { labels: Record<string, string>; olderGap: string | undefined } {
  const content = useContent('vlaggensysteem.json');
  const labels: Record<string, string> = {};
  let olderGap: string | undefined;
  for (const id of [...criteria2021Ids, ...criteriaOuderNlIds]) labels[id] = id;
  if (content.status === 'ready') {
    for (const version of content.data.versions) {
      for (const criterion of version.criteria) labels[criterion.id] = criterion.label;
      if (version.id === 'ouder-nl' && !version.complete) olderGap = version.gapNote?.text;
    }
  }
  return { labels, olderGap };
}

export function FlagsSection({ detail }: { detail: CaseDetail }) {
  const { labels, olderGap } = useCriterionLabels();
  const [saved, setSaved] = useSavedMessage();
  return (
    <CaseSection id="vlaggensysteem" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      <SavedStatus message={saved} />
      <Expander label={t.add} onSaved={setSaved}>
        {(close, saved) => (
          <FlagsForm
            detail={detail}
            labels={labels}
            olderGap={olderGap}
            onDone={() => saved(t.saved)}
            onCancel={close}
          />
        )}
      </Expander>
      <h3>{t.history}</h3>
      {detail.assessments.length === 0 ? <p>{t.none}</p> : null}
      <ol className="record-list">
        {detail.assessments.map((assessment, index) => (
          <li key={assessment.id} data-record={assessment.id}>
            <AssessmentCard
              assessment={assessment}
              labels={labels}
              latest={index === 0}
              detail={detail}
              incomplete={assessment.criteriaVersion === 'nl-oud' && olderGap !== undefined}
            />
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
  detail,
  incomplete,
}: {
  assessment: FlagAssessment;
  labels: Record<string, string>;
  latest: boolean;
  detail: CaseDetail;
  /** Its version's list of criteria is incomplete in the sources (the content file says so). */
  incomplete: boolean;
}) {
  const flag = nl.logbook.flagNames[assessment.flag];
  const names = new Map(detail.parties.map((p) => [p.id, p.pseudonym]));
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
      {assessment.behaviour !== undefined ? <p>{t.behaviourText(assessment.behaviour)}</p> : null}
      {assessment.partyIds !== undefined && assessment.partyIds.length > 0 ? (
        <p>
          {t.partiesText(assessment.partyIds.map((id) => names.get(id) ?? nl.logbook.consent.unknownParty).join(', '))}
        </p>
      ) : null}
      <p className="record-card__meta">
        {t.versionText(t.versionShort[assessment.criteriaVersion])}
        {incomplete ? ` (${t.incompleteShort})` : null}
      </p>
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

// The operation's input; the case is added when saving.
const flagsForm = assessFlagsInput.omit({ caseId: true });

type CriteriaVersion = FlagAssessment['criteriaVersion'];
const CRITERIA: Record<CriteriaVersion, readonly string[]> = { '2021': criteria2021Ids, 'nl-oud': criteriaOuderNlIds };
const versionOptions = optionsOf(criteriaVersionSchema.options, t.criteriaVersions);
const unknownAnswers = (version: CriteriaVersion): Record<string, CriterionAnswer> =>
  Object.fromEntries(CRITERIA[version].map((id) => [id, 'onbekend']));

interface FlagValues {
  /** The label set used (issue 15): 2021 by default, the older set where the worker chooses it. */
  criteriaVersion: CriteriaVersion;
  answers: Record<string, CriterionAnswer>;
  flag: Flag | '';
  reasoning: string;
  assessedOn: string;
  behaviour: string;
  partyIds: string[];
}

function FlagsForm({
  detail,
  labels,
  olderGap,
  onDone,
  onCancel,
}: {
  detail: CaseDetail;
  labels: Record<string, string>;
  olderGap: string | undefined;
  onDone: () => void;
  onCancel: () => void;
}) {
  const caseId = detail.case.id;
  const partyOptions = detail.parties.map((p) => ({ value: p.id, label: p.pseudonym }));
  // A link to an image is warned about before it is kept (a security review: a "Toelichting" with one went to the school).
  const links = useLinkWarnings<'reasoning' | 'behaviour'>({ reasoning: 'images', behaviour: 'images' });
  const form = useOperationForm({
    initial: (): FlagValues => ({
      criteriaVersion: '2021',
      answers: unknownAnswers('2021'),
      flag: '',
      reasoning: '',
      assessedOn: todayIso(),
      behaviour: '',
      partyIds: [],
    }),
    schema: flagsForm,
    check: (values) => ({
      ...unchosen(values, ['flag']),
      ...pastDates(values, ['assessedOn']),
      ...links.check(values),
    }),
    run: (input) => runOperation('assessFlags', { caseId, ...input, reasoning: input.reasoning.trim() }),
    onDone,
    fields: ['criteriaVersion', 'answers', 'flag', 'reasoning', 'assessedOn', 'behaviour', 'partyIds'],
    liveImageCheck: ['reasoning', 'behaviour'],
  });
  const answers = form.values.answers;
  const version = form.values.criteriaVersion;

  return (
    <form {...form.formProps} className="card logbook-form" aria-labelledby="flags-form-title">
      <h3 id="flags-form-title">{t.formTitle}</h3>
      <RadioGroup
        legend={t.criteriaVersion}
        name={`criteria-version-${caseId}`}
        options={versionOptions}
        value={version}
        onChange={(next) => form.patch({ criteriaVersion: next, answers: unknownAnswers(next) })}
      />
      {/* Present while empty, so the note is read when the older version is chosen (a live region
          inserted with its text already in it is often not read). */}
      <div aria-live="polite">
        {version === 'nl-oud' && olderGap !== undefined ? (
          <p className="callout" role="note">
            <strong>{t.incomplete}</strong> {olderGap}
          </p>
        ) : null}
      </div>
      <TextField label={t.behaviour} hint={t.behaviourHint} maxLength={200} {...form.text('behaviour')} />
      {links.notice('behaviour', form.values.behaviour, t.behaviour)}
      {partyOptions.length > 0 ? (
        <CheckboxGroup legend={t.parties} options={partyOptions} {...form.choice('partyIds')} />
      ) : null}
      {CRITERIA[version].map((id) => (
        <RadioGroup
          key={id}
          legend={labels[id] ?? id}
          name={`criterion-${id}`}
          options={answerOptions}
          value={answers[id] ?? 'onbekend'}
          inline
          error={form.error(`answers.${id}`)}
          onChange={(answer: CriterionAnswer) => form.set('answers', { ...answers, [id]: answer })}
        />
      ))}
      <RadioGroup legend={t.flag} hint={t.flagHint} name="flag" options={flagOptions} {...form.choice('flag')} />
      <TextAreaField label={t.reasoning} maxLength={DEFAULT_TEXT_MAX} {...form.text('reasoning')} />
      {links.notice('reasoning', form.values.reasoning, t.reasoning)}
      <TextField label={t.assessedOn} type="date" max={latestTodayIso()} {...form.text('assessedOn')} />
      <FormError message={form.general} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
