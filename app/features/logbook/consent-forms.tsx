// The two ways information about a betrokkene is shared: with consent (who
// gave it, when, how) or without it (noodtoestand / art. 458bis), which needs
// a written justification and every check question answered.
import { DEFAULT_TEXT_MAX } from '../../../schema/safe-text';
import { useEffect, type ReactNode } from 'react';
import { z } from 'zod';
import { consentGiverSchema, type Jurisdiction } from '../../../schema/competence';
import {
  infoCategorySchema,
  recipientSchema,
  recordConsentInput,
  shareWithoutConsentFields,
  shareWithoutConsentRules,
  type InfoCategory,
  type Recipient,
} from '../../../schema/records/consent';
import type { Party } from '../../../schema/records/party';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { isFutureIso, isIsoDate, latestTodayIso, todayIso } from '../../ui/dates';
import { TextAreaField, TextField } from '../../ui/field';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { imageDataError, unchosen, type FieldErrors } from '../../ui/form-errors';
import { SelectField } from '../../ui/select-field';
import { useOperationForm } from '../../ui/use-operation-form';
import { useLinkWarnings } from '../../ui/link-warning';
import { recipientLabel } from '../../ui/recipient-label';
import {
  entitlementError,
  isAdultParty,
  notOwnCategories,
  type ConsentContext,
} from '../../../schema/consent-validity';
import { ART_458BIS_RECIPIENT, checkContradictions, contradictionsConfirmed } from '../../../schema/share-rules';
import { CompetenceView, isYoungPersonRole } from './competence-view';
import { NameWarning } from './name-warning';
import { categoryLabelsOf, categoryNames } from './consent-categories';
import { giverLabels, notOwnText } from './consent-validity-view';
import { notInFuture, optionsOf } from './form-values';

const t = nl.logbook.consent;
const ts = nl.logbook.share;
const recipientOptions = optionsOf(recipientSchema.options, t.recipients);
// A case in the Netherlands: no CLB and no Child Focus there (Belgian; a Dutch care team's review).
// The parket is Belgian: the recipient is "politie" there (recipientLabel; the stored value is the same).
const recipientOptionsNl = recipientOptions
  .filter((o) => o.value !== 'ander-clb' && o.value !== 'child-focus')
  .map((o) => ({ ...o, label: recipientLabel(o.value, true) }));
const formCategories = infoCategorySchema.options;
const categoryOptionsOf = (jurisdiction: Jurisdiction) =>
  formCategories.map((value) => ({ value, label: categoryLabelsOf(jurisdiction)[value] }));
const categoryOptions = { vlaanderen: categoryOptionsOf('vlaanderen'), nederland: categoryOptionsOf('nederland') };
const giverOptions = optionsOf(consentGiverSchema.options, giverLabels(false));
const adultGiverOptions = optionsOf(consentGiverSchema.options, giverLabels(true));
const howOptions = (['mondeling-genoteerd', 'schriftelijk'] as const).map((value) => ({
  value,
  label: t.howOptions[value],
}));
const basisOptions = (['noodtoestand', 'art-458bis'] as const).map((value) => ({ value, label: ts.bases[value] }));
// Art. 458bis is Belgian law: a case under Dutch rules offers a noodtoestand only (recordShareWithoutConsent refuses it too).
const basisOptionsNl = basisOptions.filter((o) => o.value === 'noodtoestand');
const yesNoOptions = [
  { value: 'ja', label: ts.yes },
  { value: 'nee', label: ts.no },
] as const;

export const checkKeys = [
  'solutionWithinTrustImpossible',
  'consultedOthers',
  'discussedWithYoungPerson',
  'canBeMotivatedToReport',
] as const;
type CheckKey = (typeof checkKeys)[number];

/** A check question as the form asks it, and the saved card shows it: in a Dutch case without the Flemish centre as example. */
export function checkQuestion(key: CheckKey, inNl: boolean): string {
  return inNl && key === 'consultedOthers' ? ts.consultedOthersNl : ts.checkQuestions[key];
}

// The operations' inputs; the case id is added when saving.
const consentForm = recordConsentInput.omit({ caseId: true });
// An empty "best placed to help" is no answer (required for a noodtoestand only).
const shareForm = shareWithoutConsentFields
  .omit({ caseId: true })
  .extend({
    bestPlacedToHelp: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      shareWithoutConsentFields.shape.bestPlacedToHelp,
    ),
  })
  .superRefine(shareWithoutConsentRules);

interface FormProps {
  caseId: string;
  parties: readonly Party[];
  onDone: () => void;
  onCancel: () => void;
}

/** With one betrokkene, the form starts with that one chosen. */
function onlyParty(parties: readonly Party[]): string {
  return parties.length === 1 ? (parties[0]?.id ?? '') : '';
}

/** Whose information, to whom, and which: the same three questions in both forms. */
function ScopeFields<V extends { partyId: string; recipient: Recipient | ''; categories: InfoCategory[] }>({
  form,
  parties,
  prefix,
  afterParty,
  recipients,
  recipientHint,
  jurisdiction,
}: {
  form: ReturnType<typeof useOperationForm<V, unknown>>;
  parties: readonly Party[];
  prefix: string;
  afterParty: ReactNode;
  recipients?: typeof recipientOptions;
  recipientHint?: string | undefined;
  /** The case's rules: the category labels ("aangifte" in the Netherlands). */
  jurisdiction: Jurisdiction;
}) {
  const recipient = form.values.recipient;
  return (
    <>
      <SelectField
        label={t.party}
        options={parties.map((party) => ({
          value: party.id,
          label: `${party.pseudonym} (${nl.logbook.parties.roles[party.role]})`,
        }))}
        placeholder={nl.logbook.common.choose}
        value={form.values.partyId}
        error={form.error('partyId')}
        onChange={(event) => form.patch({ partyId: event.target.value } as Partial<V>)}
      />
      {afterParty}
      <RadioGroup
        legend={t.recipient}
        name={`${prefix}-recipient`}
        hint={recipientHint}
        options={recipients ?? (jurisdiction === 'nederland' ? recipientOptionsNl : recipientOptions)}
        value={recipient}
        error={form.error('recipient')}
        onChange={(value) => form.patch({ recipient: value } as Partial<V>)}
      />
      <CheckboxGroup
        legend={t.categories}
        hint={t.categoriesHint}
        options={categoryOptions[jurisdiction]}
        value={form.values.categories}
        error={form.error('categories')}
        onChange={(categories) => form.patch({ categories } as Partial<V>)}
      />
    </>
  );
}

/** The competence rule for the chosen young person. */
function CompetenceNote({
  party,
  jurisdiction,
  knownOn,
}: {
  party: Party | undefined;
  jurisdiction: Jurisdiction;
  knownOn: string;
}) {
  if (!party || !isYoungPersonRole(party.role)) return null;
  return (
    <div className="competence-box">
      <p className="competence__title">{t.ruleFor(party.pseudonym)}</p>
      <CompetenceView party={party} jurisdiction={jurisdiction} knownOn={knownOn} />
    </div>
  );
}

export function ConsentForm({
  caseId,
  parties,
  jurisdiction,
  knownOn,
  onDone,
  onCancel,
}: FormProps & { jurisdiction: Jurisdiction; knownOn: string }) {
  const form = useOperationForm({
    initial: () => ({
      partyId: onlyParty(parties),
      recipient: '' as Recipient | '',
      categories: [] as InfoCategory[],
      givenBy: '' as 'jongere' | 'ouder-voogd' | '',
      givenOn: todayIso(),
      how: 'mondeling-genoteerd' as 'mondeling-genoteerd' | 'schriftelijk',
    }),
    schema: consentForm,
    // Every problem the save would refuse, at once (a review: the date first, then on the next try the giver).
    check: (values) => ({
      ...unchosen(values, ['partyId']),
      ...notInFuture('givenOn', values.givenOn),
      ...(isIsoDate(values.givenOn) && values.givenOn < knownOn ? { givenOn: nl.errors['date.beforeKnown'] } : {}),
      ...giverRefusal(
        parties.find((p) => p.id === values.partyId),
        values.givenBy,
        values.givenOn,
        {
          jurisdiction,
          knownOn,
        },
      ),
    }),
    run: (input) => runOperation('recordConsent', { caseId, ...input }),
    onDone,
    fields: ['partyId', 'recipient', 'categories', 'givenBy', 'givenOn', 'how'],
  });
  const party = parties.find((p) => p.id === form.values.partyId);
  const competence = <CompetenceNote party={party} jurisdiction={jurisdiction} knownOn={knownOn} />;

  return (
    <form {...form.formProps} className="card logbook-form" aria-labelledby="consent-form-title">
      <h3 id="consent-form-title">{t.formTitle}</h3>
      <ScopeFields form={form} parties={parties} prefix="consent" afterParty={competence} jurisdiction={jurisdiction} />
      <RadioGroup
        legend={t.givenBy}
        name="consent-given-by"
        options={party && isAdultParty(party) ? adultGiverOptions : giverOptions}
        inline
        {...form.choice('givenBy')}
      />
      <TextField label={t.givenOn} type="date" min={knownOn} max={latestTodayIso()} {...form.text('givenOn')} />
      <ConsentVerdict
        party={party}
        givenBy={form.values.givenBy}
        givenOn={form.values.givenOn}
        categories={form.values.categories}
        ctx={{ jurisdiction, knownOn }}
        shown={[form.error('givenBy'), form.error('givenOn'), form.error('partyId'), form.general]}
      />
      <RadioGroup legend={t.how} name="consent-how" options={howOptions} {...form.choice('how')} />
      <FormError message={form.general} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

/** The giver's refusal as a field error, as recordConsent would refuse it (none while party, giver or a usable date is missing). */
function giverRefusal(
  party: Party | undefined,
  givenBy: 'jongere' | 'ouder-voogd' | '',
  givenOn: string,
  ctx: ConsentContext,
): { givenBy?: string } {
  if (!party || givenBy === '' || !isIsoDate(givenOn) || isFutureIso(givenOn)) return {};
  const code = entitlementError(party, givenBy, givenOn, ctx);
  return code === null ? {} : { givenBy: nl.errors[code] };
}

/** What the rule says about this consent before it is saved: who may give it, and what it can release. */
function ConsentVerdict({
  party,
  givenBy,
  givenOn,
  categories,
  ctx,
  shown,
}: {
  party: Party | undefined;
  givenBy: 'jongere' | 'ouder-voogd' | '';
  givenOn: string;
  categories: readonly InfoCategory[];
  ctx: ConsentContext;
  /** The form's own errors: a refusal a refused save already shows (and announced) there is not said twice. */
  shown: ReadonlyArray<string | null>;
}) {
  // A date in the future gets its own field error; judged on it, a young person could look adult already.
  const code =
    !party || givenBy === '' || !isIsoDate(givenOn) || isFutureIso(givenOn)
      ? null
      : entitlementError(party, givenBy, givenOn, ctx);
  const refused = code === null || shown.includes(nl.errors[code]) ? null : nl.errors[code];
  const notOwn = notOwnCategories(party, categories);
  // The live region stays in the form while empty: one inserted with its text already in it is often not
  // read. No role of its own, so while empty it is no second "status" beside the section's saved message.
  return (
    <div aria-live="polite">
      {refused !== null || notOwn.length > 0 ? (
        <div className="callout callout--danger" role="status">
          {refused ? <p>{refused}</p> : null}
          {notOwn.length > 0 ? <p>{notOwnText(notOwn, ctx.jurisdiction)}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

type Answer = { answer: 'ja' | 'nee' | '' };
type ShareChecksValues = Record<CheckKey, Answer> & { bestPlacedToInform: string };
/** Shaped like the stored variants, so the schema checks the chosen one. */
type InformedValues = { told: '' } | { told: 'ja'; on: string; how: string } | { told: 'nee'; whyNot: string };
type Warning = ReturnType<typeof checkContradictions>[number];

/** The answers given so far, as the contradiction rule reads them. */
function givenAnswers(checks: ShareChecksValues) {
  return Object.fromEntries(
    checkKeys.flatMap((key) => (checks[key].answer === '' ? [] : [[key, { answer: checks[key].answer }] as const])),
  );
}

/** Said while the share form is filled in, in a live region present while empty (as ConsentVerdict). */
function NotOwnInformation({
  party,
  categories,
  jurisdiction,
}: {
  party: Party | undefined;
  categories: readonly InfoCategory[];
  jurisdiction: Jurisdiction;
}) {
  const notOwn = notOwnCategories(party, categories);
  return (
    <div aria-live="polite">
      {notOwn.length > 0 ? (
        <p className="callout callout--danger" role="status">
          {ts.notOwnInformation(categoryNames(notOwn, jurisdiction))}
        </p>
      ) : null}
    </div>
  );
}

export function ShareForm({
  caseId,
  parties,
  knownOn,
  jurisdiction,
  onDone,
  onCancel,
}: FormProps & { knownOn: string; jurisdiction: Jurisdiction }) {
  const inNl = jurisdiction === 'nederland';
  // The justification goes into the summary: a link to an image is warned about first (a security review).
  const links = useLinkWarnings<'justification' | 'bestPlacedToHelp'>({
    justification: 'images',
    bestPlacedToHelp: 'images',
  });
  const form = useOperationForm({
    initial: () => ({
      partyId: onlyParty(parties),
      basis: '' as 'noodtoestand' | 'art-458bis' | '',
      recipient: '' as Recipient | '',
      categories: [] as InfoCategory[],
      sharedOn: todayIso(),
      justification: '',
      checks: {
        solutionWithinTrustImpossible: { answer: '' },
        consultedOthers: { answer: '' },
        discussedWithYoungPerson: { answer: '' },
        canBeMotivatedToReport: { answer: '' },
        bestPlacedToInform: '',
      } as ShareChecksValues,
      bestPlacedToHelp: '',
      youngPersonInformed: { told: '' } as InformedValues,
      confirmedWarnings: [] as Warning[],
    }),
    schema: shareForm,
    // Each unanswered question says "Maak een keuze." next to it, as the other choices do.
    check: (values) => {
      const errors: FieldErrors = {
        ...unchosen(values, ['partyId']),
        // "Wie kan het best helpen?" is asked (and kept) only for a noodtoestand.
        ...links.check(values.basis === 'noodtoestand' ? values : { ...values, bestPlacedToHelp: '' }),
        ...notInFuture('sharedOn', values.sharedOn),
        ...(values.youngPersonInformed.told === 'ja'
          ? notInFuture('youngPersonInformed.on', values.youngPersonInformed.on)
          : {}),
      };
      for (const key of checkKeys)
        if (values.checks[key].answer === '') errors[`checks.${key}`] = nl.logbook.errors.choose;
      if (!contradictionsConfirmed(checkContradictions(givenAnswers(values.checks)), values.confirmedWarnings)) {
        errors.confirmedWarnings = nl.errors['share.warningNotConfirmed'];
      }
      return errors;
    },
    run: (input) =>
      runOperation('recordShareWithoutConsent', {
        caseId,
        ...input,
        justification: input.justification.trim(),
        checks: { ...input.checks, bestPlacedToInform: input.checks.bestPlacedToInform.trim() },
      }),
    onDone,
    fields: [
      'partyId',
      'basis',
      'recipient',
      'categories',
      'sharedOn',
      'justification',
      'checks',
      'bestPlacedToHelp',
      'youngPersonInformed',
      'confirmedWarnings',
    ],
    liveImageCheck: ['justification', 'bestPlacedToHelp'],
  });
  // The case became Dutch while the form was open: art. 458bis is no longer offered, so it is not kept out of sight.
  const hiddenBasis = inNl && form.values.basis === 'art-458bis';
  useEffect(() => {
    if (hiddenBasis) form.patch({ basis: '', recipient: '' });
  }, [hiddenBasis, form]);
  const checks = form.values.checks;
  const warnings = checkContradictions(givenAnswers(checks));
  const informed = form.values.youngPersonInformed;
  const setInformed = (next: InformedValues) => form.set('youngPersonInformed', next);
  const setChecks = (patch: Partial<ShareChecksValues>) => form.set('checks', { ...checks, ...patch });

  return (
    <form {...form.formProps} className="card logbook-form share-form" aria-labelledby="share-form-title">
      <h3 id="share-form-title">{ts.title}</h3>
      <p className="callout callout--danger">{inNl ? ts.introNl : ts.intro}</p>
      <ScopeFields
        form={form}
        parties={parties}
        prefix="share"
        jurisdiction={jurisdiction}
        afterParty={
          <RadioGroup
            legend={ts.basis}
            name="share-basis"
            options={inNl ? basisOptionsNl : basisOptions}
            {...form.choice('basis')}
            // Art. 458bis informs only the parket: its one recipient is chosen with it, so no other choice
            // stays selected out of sight (a review: a hidden "school" was refused only at saving).
            onChange={(basis) =>
              form.patch(basis === 'art-458bis' ? { basis, recipient: ART_458BIS_RECIPIENT } : { basis })
            }
          />
        }
        // Art. 458bis only ever informs the parket (DOMAIN.md).
        recipients={
          form.values.basis === 'art-458bis'
            ? recipientOptions.filter((o) => o.value === ART_458BIS_RECIPIENT)
            : inNl
              ? recipientOptionsNl
              : recipientOptions
        }
        recipientHint={form.values.basis === 'art-458bis' ? ts.recipient458bis : undefined}
      />
      <NotOwnInformation
        party={parties.find((p) => p.id === form.values.partyId)}
        categories={form.values.categories}
        jurisdiction={jurisdiction}
      />
      <TextField label={ts.sharedOn} type="date" min={knownOn} max={latestTodayIso()} {...form.text('sharedOn')} />
      <TextAreaField
        label={ts.justification}
        hint={ts.justificationHint}
        maxLength={DEFAULT_TEXT_MAX}
        required
        {...form.text('justification')}
      />
      {links.notice('justification', form.values.justification, ts.justification)}
      <NameWarning
        text={form.values.justification}
        parties={parties}
        where={nl.logbook.names.inJustification}
        onReplace={(justification) => form.patch({ justification })}
      />
      <h4>{ts.checks}</h4>
      {checkKeys.map((key) => (
        <RadioGroup
          key={key}
          legend={checkQuestion(key, inNl)}
          name={`share-check-${key}`}
          options={yesNoOptions}
          value={checks[key].answer}
          inline
          error={form.error(`checks.${key}`)}
          onChange={(answer) => setChecks({ [key]: { answer } })}
        />
      ))}
      <TextField
        label={ts.bestPlacedToInform}
        value={checks.bestPlacedToInform}
        maxLength={1000}
        required
        error={form.error('checks.bestPlacedToInform')}
        onChange={(event) => {
          const bestPlacedToInform = event.target.value;
          form.setFieldError('checks.bestPlacedToInform', imageDataError(bestPlacedToInform));
          setChecks({ bestPlacedToInform });
        }}
      />
      {/* Right under the check question it resembles, so the difference is seen (and heard) at once. */}
      {form.values.basis === 'noodtoestand' ? (
        <TextField
          label={ts.bestPlacedToHelp}
          hint={inNl ? ts.bestPlacedToHelpHintNl : ts.bestPlacedToHelpHint}
          maxLength={500}
          required
          {...form.text('bestPlacedToHelp')}
        />
      ) : null}
      {form.values.basis === 'noodtoestand'
        ? links.notice('bestPlacedToHelp', form.values.bestPlacedToHelp, ts.bestPlacedToHelp)
        : null}
      {warnings.length > 0 ? (
        <div className="callout callout--danger">
          <p>
            <strong>{ts.warningsTitle}</strong>
          </p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{ts.warnings[w]}</li>
            ))}
          </ul>
          <CheckboxGroup
            legend={ts.warningsTitle}
            options={[{ value: 'bevestigd', label: ts.confirmWarnings }]}
            value={contradictionsConfirmed(warnings, form.values.confirmedWarnings) ? ['bevestigd'] : []}
            error={form.error('confirmedWarnings')}
            onChange={(value) => form.set('confirmedWarnings', value.length > 0 ? warnings : [])}
          />
        </div>
      ) : null}
      <RadioGroup
        legend={ts.informed}
        name="share-informed"
        options={(['ja', 'nee'] as const).map((value) => ({ value, label: ts.informedOptions[value] }))}
        value={informed.told}
        // Once answered, a missing detail is said at its own field ("Hoe ingelicht?"), not on the answered question.
        error={informed.told === '' ? form.error('youngPersonInformed') : undefined}
        onChange={(told) =>
          setInformed(told === 'ja' ? { told, on: todayIso(), how: '' } : { told: 'nee', whyNot: '' })
        }
      />
      {informed.told === 'ja' ? (
        <>
          <TextField
            label={ts.informedOn}
            type="date"
            max={latestTodayIso()}
            value={informed.on}
            error={form.error('youngPersonInformed.on')}
            onChange={(event) => setInformed({ ...informed, on: event.target.value })}
          />
          <TextField
            label={ts.informedHow}
            maxLength={1000}
            required
            value={informed.how}
            error={form.error('youngPersonInformed.how')}
            onChange={(event) => {
              form.setFieldError('youngPersonInformed.how', imageDataError(event.target.value));
              setInformed({ ...informed, how: event.target.value });
            }}
          />
        </>
      ) : null}
      {informed.told === 'nee' ? (
        <TextAreaField
          label={ts.informedWhyNot}
          maxLength={1000}
          required
          value={informed.whyNot}
          error={form.error('youngPersonInformed.whyNot')}
          onChange={(event) => {
            form.setFieldError('youngPersonInformed.whyNot', imageDataError(event.target.value));
            setInformed({ ...informed, whyNot: event.target.value });
          }}
        />
      ) : null}
      <FormError message={form.general} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
