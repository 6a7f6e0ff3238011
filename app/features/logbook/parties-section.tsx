import { useId, useState } from 'react';
import { suggestPseudonym } from '../../../schema/case-rules';
import { sameNameWords } from '../../../schema/name-redaction';
import { changesFrom } from '../../../schema/edit-base';
import type { Jurisdiction } from '../../../schema/competence';
import { partyFieldsSchema, partyRoleSchema, type Party, type PartyRole } from '../../../schema/records/party';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { useCaseJurisdiction } from '../../data/settings';
import { nl } from '../../i18n/catalogue';
import { RadioGroup } from '../../ui/choice-group';
import { TextAreaField, TextField } from '../../ui/field';
import { useLinkWarnings } from '../../ui/link-warning';
import { CompetenceView, isYoungPersonRole } from './competence-view';
import { latestTodayIso, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { imageDataError, unchosen, type FieldErrors } from '../../ui/form-errors';
import { useOperationForm } from '../../ui/use-operation-form';
import { firstControl, useFocusAfterSwap } from '../../ui/focus';
import { RecordList } from '../../ui/item-list';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';
import { notInFuture, optionsOf } from './form-values';

const t = nl.logbook.parties;
const tc = nl.logbook.competence;
const roleOptions = optionsOf(partyRoleSchema.options, t.roles);

export function PartiesSection({ detail }: { detail: CaseDetail }) {
  const jurisdiction = useCaseJurisdiction(detail.case);
  const [saved, setSaved] = useSavedMessage();
  return (
    <CaseSection id="betrokkenen" title={t.title}>
      <RecordList items={detail.parties} empty={t.none}>
        {(party) => (
          <PartyCard
            party={party}
            grooming={detail.case.types.includes('grooming')}
            parties={detail.parties}
            jurisdiction={jurisdiction}
            knownOn={detail.case.knownOn}
            onSaved={(message) => setSaved(message)}
          />
        )}
      </RecordList>
      <SavedStatus message={saved} />
      <Expander label={t.add}>
        {(close) => (
          <PartyForm
            caseId={detail.case.id}
            grooming={detail.case.types.includes('grooming')}
            parties={detail.parties}
            jurisdiction={jurisdiction}
            knownOn={detail.case.knownOn}
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
  grooming,
  parties,
  jurisdiction,
  knownOn,
  onSaved,
}: {
  party: Party;
  grooming: boolean;
  parties: readonly Party[];
  jurisdiction: Jurisdiction;
  knownOn: string;
  onSaved: (message: string) => void;
}) {
  const [showName, setShowName] = useState(false);
  const [editing, setEditing] = useState(false);
  // The card and its edit form take each other's place: focus goes along (into the form, back to the button).
  const focusAfter = useFocusAfterSwap(editing);
  const formId = useId();
  const editButtonId = `${formId}-edit`;
  const details = [party.age !== undefined ? t.ageText(party.age) : t.ageUnknown, party.school, party.className].filter(
    Boolean,
  );

  if (editing) {
    return (
      <PartyForm
        caseId={party.caseId}
        grooming={grooming}
        party={party}
        parties={parties}
        jurisdiction={jurisdiction}
        knownOn={knownOn}
        onDone={(message) => {
          setEditing(false);
          onSaved(message);
        }}
        onCancel={() => {
          focusAfter(() => document.getElementById(editButtonId));
          setEditing(false);
        }}
        id={formId}
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
          {/* Each card's button says whose name it shows: one name per button on the page. */}
          <button type="button" className="link-button" onClick={() => setShowName((v) => !v)}>
            {showName ? t.hideRealName(party.pseudonym) : t.showRealName(party.pseudonym)}
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
          <CompetenceView party={party} jurisdiction={jurisdiction} knownOn={knownOn} />
        </div>
      ) : null}
      <button
        id={editButtonId}
        type="button"
        className="button"
        onClick={() => {
          focusAfter(() => firstControl(document.getElementById(formId)));
          setEditing(true);
        }}
      >
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
    school: party?.school ?? '',
    className: party?.className ?? '',
    override: party?.competence !== undefined,
    competent: party?.competence ? (party.competence.competent ? 'ja' : 'nee') : '',
    assessedBy: party?.competence?.assessedBy ?? '',
    assessedOn: party?.competence?.assessedOn ?? todayIso(),
    reason: party?.competence?.reason ?? '',
  };
}

/** The form's own rules: a role, and the age as digits, 0 to 120 (the schema wants a number). */
function checkParty(values: PartyValues, withOverride: boolean): FieldErrors {
  const errors = unchosen(values, ['role']);
  const age = values.age.trim();
  if (age !== '' && (!/^\d{1,3}$/.test(age) || Number(age) > 120)) errors.age = nl.logbook.errors.ageRange;
  if (withOverride && values.competent === '') errors['competence.competent'] = nl.logbook.errors.choose;
  // A judgement already made: not dated in the future (the operation refuses it too).
  return withOverride ? { ...errors, ...notInFuture('competence.assessedOn', values.assessedOn) } : errors;
}

/** The values as partyFieldsSchema reads them: a number for the age, the override only when chosen. */
function partyInput(values: PartyValues, withOverride: boolean) {
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
  return {
    role: values.role,
    pseudonym: values.pseudonym,
    realName: values.realName,
    age: number(values.age),
    school: values.school,
    className: values.className,
    competence: withOverride
      ? {
          competent: values.competent === 'ja',
          assessedBy: values.assessedBy.trim(),
          assessedOn: values.assessedOn,
          reason: values.reason.trim(),
        }
      : undefined,
  };
}

function PartyForm({
  caseId,
  grooming = false,
  party,
  parties,
  jurisdiction,
  knownOn,
  onDone,
  onCancel,
  id,
}: {
  caseId: string;
  /** A grooming case: the role question says which role the young person who was approached has. */
  grooming?: boolean;
  party?: Party;
  parties: readonly Party[];
  jurisdiction: Jurisdiction;
  /** The case's "Bekend sinds": a competence judgement about it is dated from then. */
  knownOn: string;
  onDone: (message: string) => void;
  onCancel: () => void;
  /** The form element's id (an edit form is found by it to take focus). */
  id?: string;
}) {
  const canOverride = (role: PartyValues['role']) =>
    jurisdiction === 'vlaanderen' && role !== '' && isYoungPersonRole(role);
  const withOverride = (values: PartyValues) => canOverride(values.role) && values.override;
  // A name, school or class never holds a link (issue 16).
  const links = useLinkWarnings<'pseudonym' | 'realName' | 'school' | 'className' | 'reason'>({
    pseudonym: 'noLinks',
    realName: 'noLinks',
    school: 'noLinks',
    className: 'noLinks',
    // The competence judgement's reason: free text, where a link to an image is warned about.
    reason: 'images',
  });
  // The betrokkene as the form opened it: only what the worker changed is sent (schema/edit-base.ts), so a
  // change saved meanwhile in another tab or on another device is kept, or, on the same field, not overwritten.
  const [base] = useState(party);
  const form = useOperationForm({
    initial: () => initialValues(party, parties),
    schema: partyFieldsSchema,
    toInput: (values) => partyInput(values, withOverride(values)),
    check: (values) => {
      // The judgement's reason shows its errors under `competence.` (competenceText); it is checked only
      // while the judgement is on screen (and saved).
      const { reason, ...linkErrors } = links.check(withOverride(values) ? values : { ...values, reason: '' });
      return {
        ...checkParty(values, withOverride(values)),
        ...linkErrors,
        ...(reason ? { 'competence.reason': reason } : {}),
      };
    },
    run: (input) => {
      if (!base) return runOperation('addParty', { caseId, ...input });
      const { patch, expected } = changesFrom(base, input);
      return runOperation('updateParty', { id: base.id, ...patch, expected });
    },
    onDone: (savedParty) => onDone(t.saved(savedParty.pseudonym)),
    fields: ['role', 'pseudonym', 'realName', 'age', 'school', 'className', 'competence'],
    liveImageCheck: ['pseudonym', 'realName', 'school', 'className'],
  });
  const { values } = form;
  /** An override field: its error sits under `competence.`. */
  const competenceText = (name: 'assessedBy' | 'assessedOn' | 'reason') => ({
    ...form.text(name),
    error: form.error(`competence.${name}`),
    onChange: (event: { target: { value: string } }) => {
      if (name !== 'assessedOn') form.setFieldError(`competence.${name}`, imageDataError(event.target.value));
      form.set(name, event.target.value);
    },
  });
  /** A name field with its hint, then the warning when it holds a link. */
  const nameField = (name: 'pseudonym' | 'realName', maxLength: number) => (
    <>
      <TextField
        label={t[name]}
        hint={t[`${name}Hint`]}
        maxLength={maxLength}
        autoComplete="off"
        {...form.text(name)}
      />
      {links.notice(name, values[name], t[name])}
    </>
  );

  return (
    <form
      {...form.formProps}
      id={id}
      className="card logbook-form"
      aria-label={party ? t.formTitleEdit(party.pseudonym) : t.formTitleAdd}
    >
      <h3>{party ? t.formTitleEdit(party.pseudonym) : t.formTitleAdd}</h3>
      <RadioGroup
        legend={t.role}
        hint={grooming ? t.roleHintGrooming : undefined}
        name={`role-${party?.id ?? 'new'}`}
        options={roleOptions}
        {...form.choice('role')}
        onChange={(role: PartyValues['role']) => {
          // A new betrokkene's untouched suggestion follows the role: a parent is never "Jongere C".
          const untouched = !party && values.pseudonym === suggestPseudonym(parties, values.role || undefined);
          form.patch(untouched ? { role, pseudonym: suggestPseudonym(parties, role || undefined) } : { role });
        }}
      />
      {nameField('pseudonym', 60)}
      <div className="sensitive-field">{nameField('realName', 120)}</div>
      {/* A live region present while empty (one inserted with its text is often not read). */}
      <div aria-live="polite">
        {sameNameWords(values.pseudonym, values.realName) ? (
          <p className="callout callout--warning" role="status">
            {t.pseudonymIsRealName}
          </p>
        ) : null}
      </div>
      <div className="field-pair">
        <TextField
          label={t.age}
          hint={t.ageHint}
          inputMode="numeric"
          maxLength={3}
          noticeWhenFull={false}
          autoComplete="off"
          {...form.text('age')}
        />
      </div>
      <div className="field-pair">
        <TextField label={t.school} maxLength={120} autoComplete="off" {...form.text('school')} />
        <TextField label={t.className} maxLength={40} autoComplete="off" {...form.text('className')} />
      </div>
      {links.notice('school', values.school, t.school)}
      {links.notice('className', values.className, t.className)}
      {canOverride(values.role) ? (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.override}
              onChange={(event) => form.set('override', event.target.checked)}
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
                {...form.choice('competent')}
                error={form.error('competence.competent')}
              />
              <TextField
                label={tc.assessedBy}
                hint={tc.assessedByHint}
                maxLength={120}
                {...competenceText('assessedBy')}
              />
              <TextField
                label={tc.assessedOn}
                type="date"
                min={knownOn}
                max={latestTodayIso()}
                {...competenceText('assessedOn')}
              />
              <TextAreaField label={tc.reason} maxLength={1000} {...competenceText('reason')} />
              {links.notice('reason', values.reason, tc.reason)}
            </div>
          ) : null}
        </>
      ) : null}
      <FormError message={form.general} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
