import { useState, type FormEvent } from 'react';
import { suggestPseudonym } from '../../../schema/case-rules';
import type { Jurisdiction } from '../../../schema/competence';
import { partyRoleSchema, type Party, type PartyRole } from '../../../schema/records/party';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { useSettings } from '../../data/settings';
import { nl } from '../../i18n/catalogue';
import { RadioGroup } from '../../ui/choice-group';
import { TextAreaField, TextField } from '../../ui/field';
import { CompetenceView, isYoungPersonRole } from './competence-view';
import { isIsoDate, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { imageDataError, requiredText, useFormErrors, type FieldErrors } from '../../ui/form-errors';
import { CaseSection, Expander, SavedStatus } from './section';

const t = nl.logbook.parties;
const tc = nl.logbook.competence;
const roleOptions = partyRoleSchema.options.map((value) => ({ value, label: t.roles[value] }));

export function PartiesSection({ detail }: { detail: CaseDetail }) {
  const { jurisdiction } = useSettings();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <CaseSection id="betrokkenen" title={t.title}>
      {detail.parties.length === 0 ? <p>{t.none}</p> : null}
      <ul className="record-list">
        {detail.parties.map((party) => (
          <li key={party.id}>
            <PartyCard
              party={party}
              parties={detail.parties}
              jurisdiction={jurisdiction}
              onSaved={(message) => setSaved(message)}
            />
          </li>
        ))}
      </ul>
      <SavedStatus message={saved} />
      <Expander label={t.add}>
        {(close) => (
          <PartyForm
            caseId={detail.case.id}
            parties={detail.parties}
            jurisdiction={jurisdiction}
            onDone={(message) => {
              setSaved(message);
              close();
            }}
            onCancel={close}
          />
        )}
      </Expander>
    </CaseSection>
  );
}

function PartyCard({
  party,
  parties,
  jurisdiction,
  onSaved,
}: {
  party: Party;
  parties: readonly Party[];
  jurisdiction: Jurisdiction;
  onSaved: (message: string) => void;
}) {
  const [showName, setShowName] = useState(false);
  const [editing, setEditing] = useState(false);
  const details = [
    party.age !== undefined
      ? t.ageText(party.age)
      : party.birthYear !== undefined
        ? t.birthYearText(party.birthYear)
        : t.ageUnknown,
    party.school,
    party.className,
  ].filter(Boolean);

  if (editing) {
    return (
      <PartyForm
        caseId={party.caseId}
        party={party}
        parties={parties}
        jurisdiction={jurisdiction}
        onDone={(message) => {
          setEditing(false);
          onSaved(message);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }

  return (
    <article className="record-card" aria-labelledby={`party-${party.id}`}>
      <h3 id={`party-${party.id}`} className="record-card__title">
        {party.pseudonym} <span className="record-card__meta">({t.roles[party.role]})</span>
      </h3>
      <p>{details.join(' · ')}</p>
      {party.realName ? (
        <p>
          <button type="button" className="link-button" onClick={() => setShowName((v) => !v)}>
            {showName ? t.hideRealName : t.showRealName}
          </button>
          {showName ? (
            <span className="sensitive">
              {' '}
              {t.realNameLabel}: {party.realName}
            </span>
          ) : null}
        </p>
      ) : null}
      {isYoungPersonRole(party.role) ? (
        <div className="competence-box">
          <h4 className="competence__title">{tc.title}</h4>
          <CompetenceView party={party} jurisdiction={jurisdiction} />
        </div>
      ) : null}
      <button type="button" className="button" onClick={() => setEditing(true)}>
        {t.edit(party.pseudonym)}
      </button>
    </article>
  );
}

interface PartyValues {
  role: PartyRole | '';
  pseudonym: string;
  realName: string;
  age: string;
  birthYear: string;
  school: string;
  className: string;
  override: boolean;
  competent: 'ja' | 'nee' | '';
  assessedBy: string;
  assessedOn: string;
  reason: string;
}

function initialValues(party: Party | undefined, parties: readonly Party[]): PartyValues {
  return {
    role: party?.role ?? '',
    pseudonym: party?.pseudonym ?? suggestPseudonym(parties),
    realName: party?.realName ?? '',
    age: party?.age?.toString() ?? '',
    birthYear: party?.birthYear?.toString() ?? '',
    school: party?.school ?? '',
    className: party?.className ?? '',
    override: party?.competence !== undefined,
    competent: party?.competence ? (party.competence.competent ? 'ja' : 'nee') : '',
    assessedBy: party?.competence?.assessedBy ?? '',
    assessedOn: party?.competence?.assessedOn ?? todayIso(),
    reason: party?.competence?.reason ?? '',
  };
}

function validate(values: PartyValues, withOverride: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (values.role === '') errors.role = nl.logbook.errors.choose;
  const pseudonym = requiredText(values.pseudonym);
  if (pseudonym) errors.pseudonym = pseudonym;
  for (const name of ['realName', 'school', 'className'] as const) {
    const problem = imageDataError(values[name]);
    if (problem) errors[name] = problem;
  }
  if (values.age !== '' && !/^\d{1,3}$/.test(values.age.trim())) errors.age = nl.logbook.errors.ageOrBirthYear;
  else if (values.age !== '' && Number(values.age) > 120) errors.age = nl.logbook.errors.ageOrBirthYear;
  if (values.birthYear !== '' && !/^(19|20|21)\d{2}$/.test(values.birthYear.trim()))
    errors.birthYear = nl.logbook.errors.birthYear;
  if (withOverride) {
    if (values.competent === '') errors['competence.competent'] = nl.logbook.errors.choose;
    const by = requiredText(values.assessedBy);
    if (by) errors['competence.assessedBy'] = by;
    if (!isIsoDate(values.assessedOn)) errors['competence.assessedOn'] = nl.logbook.errors.invalidDate;
    const reason = requiredText(values.reason);
    if (reason) errors['competence.reason'] = reason;
  }
  return errors;
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function PartyForm({
  caseId,
  party,
  parties,
  jurisdiction,
  onDone,
  onCancel,
}: {
  caseId: string;
  party?: Party;
  parties: readonly Party[];
  jurisdiction: Jurisdiction;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<PartyValues>(() => initialValues(party, parties));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors([
    'role',
    'pseudonym',
    'realName',
    'age',
    'birthYear',
    'school',
    'className',
    'competence',
  ]);
  const canOverride = jurisdiction === 'vlaanderen' && values.role !== '' && isYoungPersonRole(values.role);
  const withOverride = canOverride && values.override;

  function change<K extends keyof PartyValues>(name: K, value: PartyValues[K]) {
    if (typeof value === 'string' && name !== 'role' && name !== 'competent') {
      const key = ['assessedBy', 'reason'].includes(name) ? `competence.${name}` : name;
      errors.setField(key, imageDataError(value));
    }
    setValues((current) => {
      const next = { ...current, [name]: value };
      // A new betrokkene's untouched suggestion follows the role: a parent is never "Jongere C".
      if (name === 'role' && !party && current.pseudonym === suggestPseudonym(parties, current.role || undefined)) {
        next.pseudonym = suggestPseudonym(parties, next.role || undefined);
      }
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validate(values, withOverride);
    if (Object.keys(problems).length > 0 || values.role === '') {
      errors.fail(problems, nl.logbook.errors.checkFields);
      return;
    }
    const input = {
      role: values.role,
      pseudonym: values.pseudonym.trim(),
      realName: optional(values.realName),
      age: values.age.trim() === '' ? undefined : Number(values.age),
      birthYear: values.birthYear.trim() === '' ? undefined : Number(values.birthYear),
      school: optional(values.school),
      className: optional(values.className),
      competence: withOverride
        ? {
            competent: values.competent === 'ja',
            assessedBy: values.assessedBy.trim(),
            assessedOn: values.assessedOn,
            reason: values.reason.trim(),
          }
        : undefined,
    };
    setBusy(true);
    try {
      const savedParty = party
        ? await runOperation('updateParty', { id: party.id, ...input })
        : await runOperation('addParty', { caseId, ...input });
      onDone(t.saved(savedParty.pseudonym));
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
      aria-label={party ? t.formTitleEdit(party.pseudonym) : t.formTitleAdd}
    >
      <h3>{party ? t.formTitleEdit(party.pseudonym) : t.formTitleAdd}</h3>
      <RadioGroup
        legend={t.role}
        name={`role-${party?.id ?? 'new'}`}
        options={roleOptions}
        value={values.role}
        error={errors.error('role')}
        onChange={(role) => change('role', role)}
      />
      <TextField
        label={t.pseudonym}
        hint={t.pseudonymHint}
        value={values.pseudonym}
        maxLength={60}
        autoComplete="off"
        error={errors.error('pseudonym')}
        onChange={(event) => change('pseudonym', event.target.value)}
      />
      <div className="sensitive-field">
        <TextField
          label={t.realName}
          hint={t.realNameHint}
          value={values.realName}
          maxLength={120}
          autoComplete="off"
          error={errors.error('realName')}
          onChange={(event) => change('realName', event.target.value)}
        />
      </div>
      <div className="field-pair">
        <TextField
          label={t.age}
          hint={t.ageHint}
          inputMode="numeric"
          value={values.age}
          maxLength={3}
          autoComplete="off"
          error={errors.error('age')}
          onChange={(event) => change('age', event.target.value)}
        />
        <TextField
          label={t.birthYear}
          inputMode="numeric"
          value={values.birthYear}
          maxLength={4}
          autoComplete="off"
          error={errors.error('birthYear')}
          onChange={(event) => change('birthYear', event.target.value)}
        />
      </div>
      <div className="field-pair">
        <TextField
          label={t.school}
          value={values.school}
          maxLength={120}
          autoComplete="off"
          error={errors.error('school')}
          onChange={(event) => change('school', event.target.value)}
        />
        <TextField
          label={t.className}
          value={values.className}
          maxLength={40}
          autoComplete="off"
          error={errors.error('className')}
          onChange={(event) => change('className', event.target.value)}
        />
      </div>
      {canOverride ? (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.override}
              onChange={(event) => change('override', event.target.checked)}
            />
            <span>
              {tc.override}
              <br />
              <small>{tc.overrideHint}</small>
            </span>
          </label>
          {values.override ? (
            <div className="nested-fields">
              <RadioGroup
                legend={tc.competent}
                name={`competent-${party?.id ?? 'new'}`}
                options={[
                  { value: 'ja', label: tc.competentYes },
                  { value: 'nee', label: tc.competentNo },
                ]}
                value={values.competent}
                error={errors.error('competence.competent')}
                onChange={(competent) => change('competent', competent)}
              />
              <TextField
                label={tc.assessedBy}
                hint={tc.assessedByHint}
                value={values.assessedBy}
                maxLength={120}
                error={errors.error('competence.assessedBy')}
                onChange={(event) => change('assessedBy', event.target.value)}
              />
              <TextField
                label={tc.assessedOn}
                type="date"
                value={values.assessedOn}
                error={errors.error('competence.assessedOn')}
                onChange={(event) => change('assessedOn', event.target.value)}
              />
              <TextAreaField
                label={tc.reason}
                value={values.reason}
                error={errors.error('competence.reason')}
                onChange={(event) => change('reason', event.target.value)}
              />
            </div>
          ) : null}
        </>
      ) : null}
      <FormError message={errors.general} />
      <FormButtons busy={busy} onCancel={onCancel} />
    </form>
  );
}
