// Consent records: per betrokkene, per recipient, per information category,
// who gave it, when and how; withdrawable with a date. Sharing without consent
// (noodtoestand / art. 458bis) needs a written justification and the check
// questions, and is always shown as "Gedeeld zonder toestemming".
import { useState, type FormEvent } from 'react';
import { consentGiverSchema, type Jurisdiction } from '../../../schema/competence';
import { isConsentActive } from '../../../schema/consent-rules';
import {
  infoCategorySchema,
  recipientSchema,
  type ConsentGiven,
  type ConsentRecord,
  type InfoCategory,
  type Recipient,
  type ShareChecks,
  type ShareWithoutConsent,
} from '../../../schema/records/consent';
import { type Party } from '../../../schema/records/party';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { useSettings } from '../../data/settings';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextAreaField, TextField } from '../../ui/field';
import { SelectField } from '../../ui/select-field';
import { CompetenceView, isYoungPersonRole } from './competence-view';
import { formatDate, isIsoDate, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { imageDataError, requiredText, useFormErrors, type FieldErrors } from '../../ui/form-errors';
import { CaseSection, Expander, SavedStatus } from './section';

const t = nl.logbook.consent;
const ts = nl.logbook.share;
const recipientOptions = recipientSchema.options.map((value) => ({ value, label: t.recipients[value] }));
// "contactgegevens" is in the schema, but the consent form offers the five categories of the issue.
const formCategories = infoCategorySchema.options.filter((c) => c !== 'contactgegevens');
const categoryOptions = formCategories.map((value) => ({ value, label: t.categoryLabels[value] }));
const giverOptions = consentGiverSchema.options.map((value) => ({ value, label: t.givenByOptions[value] }));
const howOptions = (['mondeling-genoteerd', 'schriftelijk'] as const).map((value) => ({
  value,
  label: t.howOptions[value],
}));
const checkKeys = [
  'solutionWithinTrustImpossible',
  'consultedOthers',
  'discussedWithYoungPerson',
  'canBeMotivatedToReport',
] as const;
type CheckKey = (typeof checkKeys)[number];

export function ConsentSection({ detail }: { detail: CaseDetail }) {
  const { jurisdiction } = useSettings();
  const [saved, setSaved] = useState<string | null>(null);
  const partyById = new Map(detail.parties.map((party) => [party.id, party]));
  const caseId = detail.case.id;
  const today = todayIso();

  return (
    <CaseSection id="toestemming" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      {detail.consents.length === 0 ? <p>{t.none}</p> : null}
      <ul className="record-list">
        {detail.consents.map((consent) => (
          <li key={consent.id}>
            <ConsentCard consent={consent} party={partyById.get(consent.partyId)} today={today} onSaved={setSaved} />
          </li>
        ))}
      </ul>
      <SavedStatus message={saved} />
      {detail.parties.length === 0 ? (
        <p>{t.needParty}</p>
      ) : (
        <div className="stack">
          <Expander label={t.add}>
            {(close) => (
              <ConsentForm
                caseId={caseId}
                parties={detail.parties}
                jurisdiction={jurisdiction}
                onDone={() => {
                  setSaved(t.saved);
                  close();
                }}
                onCancel={close}
              />
            )}
          </Expander>
          <Expander label={ts.add} danger>
            {(close) => (
              <ShareForm
                caseId={caseId}
                parties={detail.parties}
                onDone={() => {
                  setSaved(ts.saved);
                  close();
                }}
                onCancel={close}
              />
            )}
          </Expander>
        </div>
      )}
    </CaseSection>
  );
}

function ConsentCard({
  consent,
  party,
  today,
  onSaved,
}: {
  consent: ConsentRecord;
  party: Party | undefined;
  today: string;
  onSaved: (message: string) => void;
}) {
  const title = t.entryTitle(party?.pseudonym ?? t.unknownParty, t.recipients[consent.recipient]);
  const categories = t.entryCategories(consent.categories.map((c) => t.categoryLabels[c]).join(', '));
  if (consent.basis !== 'toestemming') return <ShareCard share={consent} title={title} categories={categories} />;
  return <GivenCard consent={consent} title={title} categories={categories} today={today} onSaved={onSaved} />;
}

function ShareCard({ share, title, categories }: { share: ShareWithoutConsent; title: string; categories: string }) {
  return (
    <article className="record-card share-card" aria-labelledby={`consent-${share.id}`}>
      <h3 id={`consent-${share.id}`} className="record-card__title">
        {title}
      </h3>
      <p className="badge badge--danger">{ts.badge}</p>
      <p>{categories}</p>
      <p>{ts.entryBasis(ts.bases[share.basis], formatDate(share.sharedOn))}</p>
      <p className="preserve-lines">
        <strong>{ts.justification}:</strong> {share.justification}
      </p>
      <dl className="criteria-answers">
        {checkKeys.map((key) => (
          <div key={key}>
            <dt>{ts.checkQuestions[key]}</dt>
            <dd>{share.checks[key].answer === 'ja' ? ts.yes : ts.no}</dd>
          </div>
        ))}
        <div>
          <dt>{ts.bestPlacedToInform}</dt>
          <dd>{share.checks.bestPlacedToInform}</dd>
        </div>
      </dl>
    </article>
  );
}

function GivenCard({
  consent,
  title,
  categories,
  today,
  onSaved,
}: {
  consent: ConsentGiven;
  title: string;
  categories: string;
  today: string;
  onSaved: (message: string) => void;
}) {
  const active = isConsentActive(consent, today);
  return (
    <article className="record-card" aria-labelledby={`consent-${consent.id}`}>
      <h3 id={`consent-${consent.id}`} className="record-card__title">
        {title}
      </h3>
      <p>{categories}</p>
      <p>{t.entryGiven(t.givenByOptions[consent.givenBy], formatDate(consent.givenOn), t.howOptions[consent.how])}</p>
      {consent.withdrawnOn ? (
        <p className="badge">{t.withdrawnOn(formatDate(consent.withdrawnOn))}</p>
      ) : (
        <>
          {active ? <p className="badge badge--ok">{t.active}</p> : null}
          <Expander label={t.withdraw} buttonLabel={t.withdrawLabel(title)}>
            {(close) => (
              <WithdrawForm
                consent={consent}
                title={title}
                onDone={() => {
                  onSaved(t.withdrawn);
                  close();
                }}
                onCancel={close}
              />
            )}
          </Expander>
        </>
      )}
    </article>
  );
}

function WithdrawForm({
  consent,
  title,
  onDone,
  onCancel,
}: {
  consent: ConsentGiven;
  title: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [date, setDate] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['withdrawnOn']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isIsoDate(date)) {
      errors.fail({ withdrawnOn: nl.logbook.errors.invalidDate }, nl.logbook.errors.checkFields);
      return;
    }
    if (date < consent.givenOn) {
      errors.fail({ withdrawnOn: nl.logbook.errors.dateBefore }, nl.logbook.errors.checkFields);
      return;
    }
    setBusy(true);
    try {
      await runOperation('withdrawConsent', { id: consent.id, withdrawnOn: date });
      onDone();
    } catch (error) {
      errors.failWith(error);
      setBusy(false);
    }
  }

  return (
    <form ref={errors.form} onSubmit={submit} noValidate className="logbook-form" aria-label={t.withdrawLabel(title)}>
      <TextField
        label={t.withdrawDate}
        type="date"
        value={date}
        min={consent.givenOn}
        error={errors.error('withdrawnOn')}
        onChange={(event) => setDate(event.target.value)}
      />
      <FormError message={errors.general} />
      <FormButtons busy={busy} saveLabel={t.withdrawConfirm} onCancel={onCancel} />
    </form>
  );
}

function partyOptions(parties: readonly Party[]) {
  return parties.map((party) => ({
    value: party.id,
    label: `${party.pseudonym} (${nl.logbook.parties.roles[party.role]})`,
  }));
}

interface ConsentValues {
  partyId: string;
  recipient: Recipient | '';
  categories: InfoCategory[];
  givenBy: 'jongere' | 'ouder-voogd' | '';
  givenOn: string;
  how: 'mondeling-genoteerd' | 'schriftelijk';
}

function ConsentForm({
  caseId,
  parties,
  jurisdiction,
  onDone,
  onCancel,
}: {
  caseId: string;
  parties: readonly Party[];
  jurisdiction: Jurisdiction;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<ConsentValues>({
    partyId: parties.length === 1 ? (parties[0]?.id ?? '') : '',
    recipient: '',
    categories: [],
    givenBy: '',
    givenOn: todayIso(),
    how: 'mondeling-genoteerd',
  });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['partyId', 'recipient', 'categories', 'givenBy', 'givenOn', 'how']);
  const party = parties.find((p) => p.id === values.partyId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (values.partyId === '') problems.partyId = nl.logbook.errors.choose;
    if (values.recipient === '') problems.recipient = nl.logbook.errors.choose;
    if (values.categories.length === 0) problems.categories = nl.logbook.errors.chooseOne;
    if (values.givenBy === '') problems.givenBy = nl.logbook.errors.choose;
    if (!isIsoDate(values.givenOn)) problems.givenOn = nl.logbook.errors.invalidDate;
    if (Object.keys(problems).length > 0 || values.recipient === '' || values.givenBy === '') {
      errors.fail(problems, nl.logbook.errors.checkFields);
      return;
    }
    setBusy(true);
    try {
      await runOperation('recordConsent', {
        caseId,
        partyId: values.partyId,
        recipient: values.recipient,
        categories: values.categories,
        givenBy: values.givenBy,
        givenOn: values.givenOn,
        how: values.how,
      });
      onDone();
    } catch (error) {
      errors.failWith(error);
      setBusy(false);
    }
  }

  return (
    <form
      ref={errors.form}
      onSubmit={submit}
      noValidate
      className="card logbook-form"
      aria-labelledby="consent-form-title"
    >
      <h3 id="consent-form-title">{t.formTitle}</h3>
      <SelectField
        label={t.party}
        value={values.partyId}
        options={partyOptions(parties)}
        placeholder={nl.logbook.common.choose}
        error={errors.error('partyId')}
        onChange={(event) => setValues((v) => ({ ...v, partyId: event.target.value }))}
      />
      {party && isYoungPersonRole(party.role) ? (
        <div className="competence-box">
          <p className="competence__title">{t.ruleFor(party.pseudonym)}</p>
          <CompetenceView party={party} jurisdiction={jurisdiction} />
        </div>
      ) : null}
      <RadioGroup
        legend={t.recipient}
        name="consent-recipient"
        options={recipientOptions}
        value={values.recipient}
        error={errors.error('recipient')}
        onChange={(recipient) => setValues((v) => ({ ...v, recipient }))}
      />
      <CheckboxGroup
        legend={t.categories}
        options={categoryOptions}
        value={values.categories}
        error={errors.error('categories')}
        onChange={(categories) => setValues((v) => ({ ...v, categories }))}
      />
      <RadioGroup
        legend={t.givenBy}
        name="consent-given-by"
        options={giverOptions}
        value={values.givenBy}
        inline
        error={errors.error('givenBy')}
        onChange={(givenBy) => setValues((v) => ({ ...v, givenBy }))}
      />
      <TextField
        label={t.givenOn}
        type="date"
        value={values.givenOn}
        error={errors.error('givenOn')}
        onChange={(event) => setValues((v) => ({ ...v, givenOn: event.target.value }))}
      />
      <RadioGroup
        legend={t.how}
        name="consent-how"
        options={howOptions}
        value={values.how}
        error={errors.error('how')}
        onChange={(how) => setValues((v) => ({ ...v, how }))}
      />
      <FormError message={errors.general} />
      <FormButtons busy={busy} onCancel={onCancel} />
    </form>
  );
}

interface ShareValues {
  partyId: string;
  basis: 'noodtoestand' | 'art-458bis' | '';
  recipient: Recipient | '';
  categories: InfoCategory[];
  sharedOn: string;
  justification: string;
  answers: Record<CheckKey, 'ja' | 'nee' | ''>;
  bestPlacedToInform: string;
}

function ShareForm({
  caseId,
  parties,
  onDone,
  onCancel,
}: {
  caseId: string;
  parties: readonly Party[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<ShareValues>({
    partyId: parties.length === 1 ? (parties[0]?.id ?? '') : '',
    basis: '',
    recipient: '',
    categories: [],
    sharedOn: todayIso(),
    justification: '',
    answers: {
      solutionWithinTrustImpossible: '',
      consultedOthers: '',
      discussedWithYoungPerson: '',
      canBeMotivatedToReport: '',
    },
    bestPlacedToInform: '',
  });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['partyId', 'basis', 'recipient', 'categories', 'sharedOn', 'justification', 'checks']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (values.partyId === '') problems.partyId = nl.logbook.errors.choose;
    if (values.basis === '') problems.basis = nl.logbook.errors.choose;
    if (values.recipient === '') problems.recipient = nl.logbook.errors.choose;
    if (values.categories.length === 0) problems.categories = nl.logbook.errors.chooseOne;
    if (!isIsoDate(values.sharedOn)) problems.sharedOn = nl.logbook.errors.invalidDate;
    const justification = requiredText(values.justification);
    if (justification) problems.justification = justification;
    for (const key of checkKeys) {
      if (values.answers[key] === '') problems[`checks.${key}`] = nl.logbook.errors.choose;
    }
    const best = requiredText(values.bestPlacedToInform);
    if (best) problems['checks.bestPlacedToInform'] = best;
    if (Object.keys(problems).length > 0 || values.basis === '' || values.recipient === '') {
      errors.fail(problems, nl.logbook.errors.checkFields);
      return;
    }
    const checks = {
      bestPlacedToInform: values.bestPlacedToInform.trim(),
      ...Object.fromEntries(checkKeys.map((key) => [key, { answer: values.answers[key] }])),
    } as ShareChecks;
    setBusy(true);
    try {
      await runOperation('recordShareWithoutConsent', {
        caseId,
        partyId: values.partyId,
        basis: values.basis,
        recipient: values.recipient,
        categories: values.categories,
        sharedOn: values.sharedOn,
        justification: values.justification.trim(),
        checks,
      });
      onDone();
    } catch (error) {
      errors.failWith(error);
      setBusy(false);
    }
  }

  return (
    <form
      ref={errors.form}
      onSubmit={submit}
      noValidate
      className="card logbook-form share-form"
      aria-labelledby="share-form-title"
    >
      <h3 id="share-form-title">{ts.title}</h3>
      <p className="callout callout--danger">{ts.intro}</p>
      <SelectField
        label={t.party}
        value={values.partyId}
        options={partyOptions(parties)}
        placeholder={nl.logbook.common.choose}
        error={errors.error('partyId')}
        onChange={(event) => setValues((v) => ({ ...v, partyId: event.target.value }))}
      />
      <RadioGroup
        legend={ts.basis}
        name="share-basis"
        options={(['noodtoestand', 'art-458bis'] as const).map((value) => ({ value, label: ts.bases[value] }))}
        value={values.basis}
        error={errors.error('basis')}
        onChange={(basis) => setValues((v) => ({ ...v, basis }))}
      />
      <RadioGroup
        legend={t.recipient}
        name="share-recipient"
        options={recipientOptions}
        value={values.recipient}
        error={errors.error('recipient')}
        onChange={(recipient) => setValues((v) => ({ ...v, recipient }))}
      />
      <CheckboxGroup
        legend={t.categories}
        options={categoryOptions}
        value={values.categories}
        error={errors.error('categories')}
        onChange={(categories) => setValues((v) => ({ ...v, categories }))}
      />
      <TextField
        label={ts.sharedOn}
        type="date"
        value={values.sharedOn}
        error={errors.error('sharedOn')}
        onChange={(event) => setValues((v) => ({ ...v, sharedOn: event.target.value }))}
      />
      <TextAreaField
        label={ts.justification}
        hint={ts.justificationHint}
        value={values.justification}
        required
        error={errors.error('justification')}
        onChange={(event) => {
          const justification = event.target.value;
          errors.setField('justification', imageDataError(justification));
          setValues((v) => ({ ...v, justification }));
        }}
      />
      <h4>{ts.checks}</h4>
      {checkKeys.map((key) => (
        <RadioGroup
          key={key}
          legend={ts.checkQuestions[key]}
          name={`share-check-${key}`}
          options={[
            { value: 'ja', label: ts.yes },
            { value: 'nee', label: ts.no },
          ]}
          value={values.answers[key]}
          inline
          error={errors.error(`checks.${key}`)}
          onChange={(answer) => setValues((v) => ({ ...v, answers: { ...v.answers, [key]: answer } }))}
        />
      ))}
      <TextField
        label={ts.bestPlacedToInform}
        value={values.bestPlacedToInform}
        maxLength={1000}
        required
        error={errors.error('checks.bestPlacedToInform')}
        onChange={(event) => {
          const bestPlacedToInform = event.target.value;
          errors.setField('checks.bestPlacedToInform', imageDataError(bestPlacedToInform));
          setValues((v) => ({ ...v, bestPlacedToInform }));
        }}
      />
      <FormError message={errors.general} />
      <FormButtons busy={busy} onCancel={onCancel} />
    </form>
  );
}
